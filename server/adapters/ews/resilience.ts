import pLimit from 'p-limit';
import { GatewayError } from '../../ports/calendarGateway';
import { describeFailure, toGatewayError } from './errors';

/**
 * Every EWS call goes through `run`: it holds one of the service account's concurrency slots only
 * while the request is in flight, waits BackOffMilliseconds on ErrorServerBusy, and backs off
 * exponentially with full jitter on HTTP 503, before giving up with a GatewayError.
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

export function createRunner(
  url: string,
  policy: ResiliencePolicy = DEFAULT_POLICY,
  hooks: ResilienceHooks = {},
): Runner {
  const limit = pLimit(policy.concurrency);
  const random = hooks.random ?? Math.random;
  const sleep = hooks.sleep ?? defaultSleep;

  return async function run<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await limit(() => withTimeout(call, policy.callTimeoutMs));
      } catch (err) {
        const failure = describeFailure(err);
        const last = attempt >= policy.maxAttempts;
        if (failure.serverCode === 'ErrorServerBusy') {
          const wait = failure.backOffMs ?? policy.baseBackOffMs;
          if (last || wait > policy.maxServerBackOffMs) throw toGatewayError(err, url);
          hooks.onBackOff?.('server-busy', wait);
          await sleep(wait);
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
  };
}
