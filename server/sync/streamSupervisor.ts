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
 * stream closed before the new one opened). A mailbox that joins a group whose stream is open (it
 * left and came back) is synced as well: its notifications were passed over while it was away.
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
  /**
   * The mailboxes to watch. Groups keep their streams while at least half their mailboxes are still
   * watched (notifications of the others are passed over); new mailboxes get groups of their own.
   */
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

/** New groups opening at once (see openNext). */
const OPENING_AT_ONCE = 1;

function groupsOf(mailboxes: readonly string[], size: number): string[][] {
  return chunk([...new Set(mailboxes)].sort(), size);
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
  /** The mailboxes watched now (lower case). A group may still hold some that left. */
  let watching = new Set<string>();
  const live = (mailboxes: readonly string[]): string[] => mailboxes.filter((m) => watching.has(m));

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
    deps.onState(live(group.mailboxes), 'reconnecting');
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
    if (group.attempt === 0) deps.onState(live(group.mailboxes), 'connecting');
    const handlers = {
      onChange: (mailbox: string) => {
        if (current() && watching.has(mailbox.toLowerCase())) deps.onChange(mailbox);
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
      deps.onState(live(group.mailboxes), transport === 'streaming' ? 'streaming' : 'pull');
      deps.onOpened(live(group.mailboxes));
      if (transport === 'streaming') later(group, maxLifetimeMs, () => reconnect(group, 'hung'));
    } catch (err) {
      if (!current()) return;
      group.attempt += 1;
      deps.onReconnect(group.mailboxes.length, group.attempt, err instanceof GatewayError ? err.kind : 'error');
      if (transport === 'streaming') {
        group.streamingFailures += 1;
        if (refusedOutright(err) || group.streamingFailures >= fallbackAfterFailures) {
          fallBackToPull(group);
          deps.onState(live(group.mailboxes), 'reconnecting');
          later(group, 0, () => void open(group));
          return;
        }
        deps.onState(live(group.mailboxes), 'reconnecting');
        later(group, delayFor(group.attempt), () => void open(group));
        return;
      }
      // Pull refused too: only the periodic safety sync keeps the rooms current until a retry works.
      deps.onState(live(group.mailboxes), 'polling');
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

  /**
   * Keeps each group that still watches at least half its mailboxes, stream and all, and retires
   * the others; returns the mailboxes the kept groups cover. Re-forming every group whenever a room
   * came or went (a failover, a new instance) reopened every stream and synced every room again.
   */
  function keepGroups(wanted: ReadonlySet<string>): Set<string> {
    const placed = new Set<string>();
    for (const [key, group] of groups) {
      const kept = group.mailboxes.filter((m) => wanted.has(m));
      if (kept.length > 0 && kept.length * 2 >= group.mailboxes.length) {
        for (const m of kept) placed.add(m);
        continue;
      }
      groups.delete(key);
      void retire(group);
    }
    return placed;
  }

  /**
   * New groups open one at a time, in mailbox order (the order the sync runtime hands first syncs
   * to the scheduler). A group's Subscribes go at the `live` priority, ahead of first syncs; opened
   * all at once, 5,000 rooms' Subscribes all went first and no room was searchable for 6–7 s. One
   * group at a time, first syncs take the slots its last Subscribes leave free, and those rooms'
   * groups are open already, so none needs a second sync for changes made before its subscription.
   * Reopening a dropped group does not wait its turn.
   */
  const opening: Group[] = [];
  let openingNow = 0;
  function openNext(): void {
    while (openingNow < OPENING_AT_ONCE && opening.length > 0) {
      const group = opening.shift() as Group;
      if (group.retired) continue;
      openingNow += 1;
      void open(group)
        .catch(() => undefined)
        .finally(() => {
          openingNow -= 1;
          openNext();
        });
    }
  }

  return {
    watch(mailboxes) {
      const wanted = new Set(mailboxes.map((m) => m.toLowerCase()));
      const joined = new Set([...wanted].filter((m) => !watching.has(m)));
      watching = wanted;
      const placed = keepGroups(wanted);
      // Joined mailboxes an open stream already covers: their notifications were passed over until now.
      const caughtUp = [...groups.values()].flatMap((g) => (g.stream ? g.mailboxes.filter((m) => joined.has(m)) : []));
      if (caughtUp.length > 0) deps.onOpened(caughtUp);
      for (const members of groupsOf(
        [...wanted].filter((m) => !placed.has(m)),
        groupSize,
      )) {
        const group: Group = {
          key: members.join(','),
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
        groups.set(group.key, group);
        opening.push(group);
      }
      openNext();
    },
    async stop() {
      const all = [...groups.values()];
      groups.clear();
      opening.length = 0;
      await Promise.all(all.map(retire));
    },
  };
}
