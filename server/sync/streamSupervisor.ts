import { GatewayError, type CalendarGateway, type CalendarStream } from '../ports/calendarGateway';
import type { StreamState } from '../ports/syncStore';
import { chunk } from '../domain/chunk';

/**
 * Keeps streaming notifications open for the owned rooms, at most `groupSize` mailboxes per
 * connection. A dropped stream is reopened with exponential back-off; a stream that neither opens
 * in time nor ends within its maximum lifetime is treated as hung and replaced. After every open,
 * the first one included, the group's rooms are synced: a change made before the subscription
 * existed sends no notification, whether the stream was dropped, the room was newly claimed (its
 * first sync may have read Exchange before the subscription), or the group was re-formed (its old
 * stream closed before the new one opened).
 *
 * Where streaming is refused outright, or keeps failing (`fallbackAfterFailures` attempts in a
 * row that did not open or died within `minHealthyMs`), the group falls back to pull
 * subscriptions polled every `pullIntervalMs`, and tries streaming again after `streamingRetryMs`.
 * If pull subscriptions fail as well, the periodic safety sync is all that remains (`polling`).
 */
export interface StreamSupervisorDeps {
  readonly gateway: CalendarGateway;
  readonly onChange: (mailbox: string) => void;
  /** The group's subscription is open: changes from now on are notified, earlier ones are not. */
  readonly onOpened: (mailboxes: readonly string[]) => void;
  readonly onState: (mailboxes: readonly string[], state: StreamState) => void;
  readonly onReconnect: (mailboxes: number, attempt: number, reason: string) => void;
  readonly groupSize?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly openTimeoutMs?: number;
  /** Exchange ends a stream after its ConnectionTimeout (30 min); longer than this means hung. */
  readonly maxLifetimeMs?: number;
  readonly fallbackAfterFailures?: number;
  /** A stream that ends sooner than this after opening counts as a failure towards the fallback. */
  readonly minHealthyMs?: number;
  readonly pullIntervalMs?: number;
  readonly streamingRetryMs?: number;
  readonly now?: () => number;
}

export interface StreamSupervisor {
  /** The mailboxes to watch; groups whose members changed are reopened. */
  watch(mailboxes: readonly string[]): void;
  stop(): Promise<void>;
}

interface Group {
  readonly key: string;
  readonly mailboxes: readonly string[];
  stream: CalendarStream | null;
  attempt: number;
  timer: NodeJS.Timeout | null;
  generation: number;
  retired: boolean;
  transport: 'streaming' | 'pull';
  /** Streaming attempts in a row that failed to open or died young. */
  streamingFailures: number;
  openedAt: number;
  retryStreaming: NodeJS.Timeout | null;
}

function groupsOf(mailboxes: readonly string[], size: number): string[][] {
  return chunk([...new Set(mailboxes.map((m) => m.toLowerCase()))].sort(), size);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GatewayError('transient', `stream did not open within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createStreamSupervisor(deps: StreamSupervisorDeps): StreamSupervisor {
  const groupSize = deps.groupSize ?? 200;
  const initialBackoffMs = deps.initialBackoffMs ?? 1000;
  const maxBackoffMs = deps.maxBackoffMs ?? 60_000;
  const openTimeoutMs = deps.openTimeoutMs ?? 30_000;
  const maxLifetimeMs = deps.maxLifetimeMs ?? 31 * 60_000;
  const fallbackAfterFailures = deps.fallbackAfterFailures ?? 3;
  const minHealthyMs = deps.minHealthyMs ?? 60_000;
  const pullIntervalMs = deps.pullIntervalMs ?? 10_000;
  const streamingRetryMs = deps.streamingRetryMs ?? 30 * 60_000;
  const now = deps.now ?? Date.now;
  const groups = new Map<string, Group>();

  const delayFor = (attempt: number): number => {
    const base = Math.min(maxBackoffMs, initialBackoffMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(base / 2 + (Math.random() * base) / 2);
  };

  function later(group: Group, ms: number, action: () => void): void {
    if (group.timer) clearTimeout(group.timer);
    group.timer = setTimeout(() => {
      group.timer = null;
      action();
    }, ms);
    group.timer.unref();
  }

  function reconnect(group: Group, reason: string): void {
    if (group.retired) return;
    if (group.transport === 'streaming' && reason !== 'hung' && reason !== 'retry-streaming') {
      group.streamingFailures = now() - group.openedAt < minHealthyMs ? group.streamingFailures + 1 : 1;
      if (group.streamingFailures >= fallbackAfterFailures) fallBackToPull(group);
    }
    group.generation += 1;
    const old = group.stream;
    group.stream = null;
    if (old) void old.close().catch(() => undefined);
    group.attempt += 1;
    deps.onState(group.mailboxes, 'reconnecting');
    deps.onReconnect(group.mailboxes.length, group.attempt, reason);
    later(group, delayFor(group.attempt), () => void open(group));
  }

  function fallBackToPull(group: Group): void {
    group.transport = 'pull';
    group.streamingFailures = 0;
    if (group.retryStreaming) clearTimeout(group.retryStreaming);
    group.retryStreaming = setTimeout(() => {
      group.retryStreaming = null;
      if (group.retired) return;
      group.transport = 'streaming';
      reconnect(group, 'retry-streaming');
    }, streamingRetryMs);
    group.retryStreaming.unref();
  }

  const refusedOutright = (err: unknown): boolean =>
    err instanceof GatewayError && (err.kind === 'bad-request' || err.kind === 'permission');

  async function open(group: Group): Promise<void> {
    if (group.retired) return;
    const generation = ++group.generation;
    const current = (): boolean => !group.retired && group.generation === generation;
    const transport = group.transport;
    if (group.attempt === 0) deps.onState(group.mailboxes, 'connecting');
    const handlers = {
      onChange: (mailbox: string) => {
        if (current()) deps.onChange(mailbox);
      },
      onClosed: (error?: GatewayError) => {
        if (current()) reconnect(group, error ? error.kind : 'closed');
      },
      onRenewed: () => {
        if (current() && transport === 'streaming') later(group, maxLifetimeMs, () => reconnect(group, 'hung'));
      },
    };
    try {
      const stream = await withTimeout(
        transport === 'streaming'
          ? deps.gateway.openStream(group.mailboxes, handlers)
          : deps.gateway.openPullStream(group.mailboxes, handlers, pullIntervalMs),
        openTimeoutMs,
      );
      if (!current()) {
        await stream.close();
        return;
      }
      group.stream = stream;
      group.openedAt = now();
      group.attempt = 0;
      deps.onState(group.mailboxes, transport === 'streaming' ? 'streaming' : 'pull');
      deps.onOpened(group.mailboxes);
      if (transport === 'streaming') later(group, maxLifetimeMs, () => reconnect(group, 'hung'));
    } catch (err) {
      if (!current()) return;
      group.attempt += 1;
      deps.onReconnect(group.mailboxes.length, group.attempt, err instanceof GatewayError ? err.kind : 'error');
      if (transport === 'streaming') {
        group.streamingFailures += 1;
        if (refusedOutright(err) || group.streamingFailures >= fallbackAfterFailures) {
          fallBackToPull(group);
          deps.onState(group.mailboxes, 'reconnecting');
          later(group, 0, () => void open(group));
          return;
        }
        deps.onState(group.mailboxes, 'reconnecting');
        later(group, delayFor(group.attempt), () => void open(group));
        return;
      }
      // Pull refused too: only the periodic safety sync keeps the rooms current until a retry works.
      deps.onState(group.mailboxes, 'polling');
      later(group, refusedOutright(err) ? maxBackoffMs : delayFor(group.attempt), () => void open(group));
    }
  }

  async function retire(group: Group): Promise<void> {
    group.retired = true;
    if (group.timer) clearTimeout(group.timer);
    if (group.retryStreaming) clearTimeout(group.retryStreaming);
    const stream = group.stream;
    group.stream = null;
    if (stream) await stream.close().catch(() => undefined);
  }

  return {
    watch(mailboxes) {
      const wanted = groupsOf(mailboxes, groupSize);
      const keys = new Set(wanted.map((g) => g.join(',')));
      for (const [key, group] of groups) {
        if (!keys.has(key)) {
          groups.delete(key);
          void retire(group);
        }
      }
      for (const members of wanted) {
        const key = members.join(',');
        if (groups.has(key)) continue;
        const group: Group = {
          key,
          mailboxes: members,
          stream: null,
          attempt: 0,
          timer: null,
          generation: 0,
          retired: false,
          transport: 'streaming',
          streamingFailures: 0,
          openedAt: 0,
          retryStreaming: null,
        };
        groups.set(key, group);
        void open(group);
      }
    },
    async stop() {
      const all = [...groups.values()];
      groups.clear();
      await Promise.all(all.map(retire));
    },
  };
}
