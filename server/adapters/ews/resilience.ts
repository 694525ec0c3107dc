import { GatewayError } from '../../ports/calendarGateway';
import { currentPriority, type WorkPriority } from '../../ports/workPriority';
import { createPriorityLimit } from './priorityLimit';
import { describeFailure, toGatewayError } from './errors';

/**
 * Every EWS call of one service account goes through one throttle: it holds one of the account's
 * concurrency slots only while the request is in flight; ErrorServerBusy pauses every call of the
 * account for the BackOffMilliseconds Exchange asks (the budget is the account's, not the
 * call's); HTTP 503 backs the call off exponentially with full jitter; then it gives up with a
 * GatewayError. Waiting calls take a free slot by priority (`currentPriority()`: live before bulk
 * before background), so a first sync of thousands of rooms never holds back a live change.
 */

export interface ResiliencePolicy {
  /** Concurrent EWS requests per service account (Exchange's EWSMaxConcurrency is 10..27). */
  readonly concurrency: number;
  /** Attempts in all for one call, ErrorServerBusy and 503 counted together. */
  readonly maxAttempts: number;
  /** Longest ErrorServerBusy wait we honour inline; longer asks surface as `throttled`. */
  readonly maxServerBackOffMs: number;
  /** First 503 back-off ceiling; doubles per attempt. */
  readonly baseBackOffMs: number;
  readonly maxBackOffMs: number;
  /**
   * How long one request may take. ews-javascript-api can leave a promise unsettled when a
   * connection hangs; past this the call fails as `transient` and its slot is freed.
   */
  readonly callTimeoutMs: number;
}

export const DEFAULT_POLICY: ResiliencePolicy = {
  concurrency: 8,
  maxAttempts: 5,
  maxServerBackOffMs: 30_000,
  baseBackOffMs: 250,
  maxBackOffMs: 8_000,
  callTimeoutMs: 100_000,
};

export interface ResilienceHooks {
  /** Told about each wait, for metrics and logs. */
  onBackOff?(reason: 'server-busy' | 'http-503', waitMs: number): void;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(call: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new GatewayError('transient', `Exchange did not answer within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  return Promise.race([call(), expired]).finally(() => clearTimeout(timer));
}

export type Runner = <T>(call: () => Promise<T>) => Promise<T>;

export interface Throttle {
  /** A call with the budget, the shared back-off and the retries. */
  readonly run: Runner;
  /** A call with the budget and the shared back-off but no retry (the connection test reads the raw failure). */
  readonly once: Runner;
  /**
   * Takes a slot until the returned release is called: for a request whose answer is a long-lived
   * stream, which holds the slot until Exchange answers and not for the stream's lifetime.
   */
  hold(): Promise<() => void>;
  /** Calls waiting for a slot now, by priority. */
  waiting(): Readonly<Record<WorkPriority, number>>;
}

/** One pause for everyone: while Exchange asked us to wait, no call of the account starts. */
function sharedPause(sleep: (ms: number) => Promise<void>) {
  let pause: { until: number; done: Promise<void> } | undefined;
  return {
    extend(waitMs: number): Promise<void> {
      const until = Date.now() + waitMs;
      if (!pause || until > pause.until) {
        const before = pause?.done ?? Promise.resolve();
        const extra = pause ? until - pause.until : waitMs;
        const done: Promise<void> = before
          .then(() => sleep(extra))
          .finally(() => {
            if (pause?.done === done) pause = undefined;
          });
        pause = { until, done };
      }
      return pause.done;
    },
    whenOver(): Promise<void> {
      return pause?.done ?? Promise.resolve();
    },
  };
}

export function createThrottle(
  url: string,
  policy: ResiliencePolicy = DEFAULT_POLICY,
  hooks: ResilienceHooks = {},
): Throttle {
  const limiter = createPriorityLimit(policy.concurrency);
  // The priority of the caller's context; a retry keeps its place class, not its place in line.
  const limit = <T>(task: () => Promise<T>): Promise<T> => limiter.run(task, currentPriority());
  const random = hooks.random ?? Math.random;
  const sleep = hooks.sleep ?? defaultSleep;
  const pause = sharedPause(sleep);

  const once: Runner = (call) =>
    limit(async () => {
      await pause.whenOver();
      return withTimeout(call, policy.callTimeoutMs);
    });

  async function run<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(call);
      } catch (err) {
        const failure = describeFailure(err);
        const last = attempt >= policy.maxAttempts;
        if (failure.serverCode === 'ErrorServerBusy') {
          const wait = failure.backOffMs ?? policy.baseBackOffMs;
          if (last || wait > policy.maxServerBackOffMs) throw toGatewayError(err, url);
          hooks.onBackOff?.('server-busy', wait);
          await pause.extend(wait);
          continue;
        }
        if (failure.httpStatus === 503 && !last) {
          const ceiling = Math.min(policy.maxBackOffMs, policy.baseBackOffMs * 2 ** (attempt - 1));
          const wait = Math.round(random() * ceiling);
          hooks.onBackOff?.('http-503', wait);
          await sleep(wait);
          continue;
        }
        throw err instanceof GatewayError ? err : toGatewayError(err, url);
      }
    }
  }

  return {
    run,
    once,
    hold: () =>
      new Promise((taken) => {
        void limit(async () => {
          await pause.whenOver();
          await new Promise<void>((release) => taken(release));
        });
      }),
    waiting: () => limiter.waiting(),
  };
}

/** A throttle of its own, for code that reaches Exchange outside a shared connection (tests, tools). */
export function createRunner(
  url: string,
  policy: ResiliencePolicy = DEFAULT_POLICY,
  hooks: ResilienceHooks = {},
): Runner {
  return createThrottle(url, policy, hooks).run;
}
