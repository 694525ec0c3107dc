import { GatewayError, type CalendarGateway, type CalendarStream } from '../ports/calendarGateway';
import type { StreamState } from '../ports/syncStore';

/**
 * Keeps streaming notifications open for the owned rooms, at most `groupSize` mailboxes per
 * connection. A dropped or refused stream is reopened with exponential back-off; a stream that
 * neither opens in time nor ends within its maximum lifetime is treated as hung and replaced.
 * After every reconnect the group's rooms are synced, since notifications may have been missed.
 */
export interface StreamSupervisorDeps {
  readonly gateway: CalendarGateway;
  readonly onChange: (mailbox: string) => void;
  readonly onReconnected: (mailboxes: readonly string[]) => void;
  readonly onState: (mailboxes: readonly string[], state: StreamState) => void;
  readonly onReconnect: (mailboxes: number, attempt: number, reason: string) => void;
  readonly groupSize?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly openTimeoutMs?: number;
  /** Exchange ends a stream after its ConnectionTimeout (30 min); longer than this means hung. */
  readonly maxLifetimeMs?: number;
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
}

function chunk(mailboxes: readonly string[], size: number): string[][] {
  const sorted = [...new Set(mailboxes.map((m) => m.toLowerCase()))].sort();
  const out: string[][] = [];
  for (let i = 0; i < sorted.length; i += size) out.push(sorted.slice(i, i + size));
  return out;
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
    group.generation += 1;
    const old = group.stream;
    group.stream = null;
    if (old) void old.close().catch(() => undefined);
    group.attempt += 1;
    deps.onState(group.mailboxes, 'reconnecting');
    deps.onReconnect(group.mailboxes.length, group.attempt, reason);
    later(group, delayFor(group.attempt), () => void open(group));
  }

  async function open(group: Group): Promise<void> {
    if (group.retired) return;
    const generation = ++group.generation;
    const current = (): boolean => !group.retired && group.generation === generation;
    if (group.attempt === 0) deps.onState(group.mailboxes, 'connecting');
    try {
      const stream = await withTimeout(
        deps.gateway.openStream(group.mailboxes, {
          onChange: (mailbox) => {
            if (current()) deps.onChange(mailbox);
          },
          onClosed: (error) => {
            if (current()) reconnect(group, error ? error.kind : 'closed');
          },
        }),
        openTimeoutMs,
      );
      if (!current()) {
        await stream.close();
        return;
      }
      group.stream = stream;
      const wasReconnect = group.attempt > 0;
      group.attempt = 0;
      deps.onState(group.mailboxes, 'streaming');
      if (wasReconnect) deps.onReconnected(group.mailboxes);
      later(group, maxLifetimeMs, () => reconnect(group, 'hung'));
    } catch (err) {
      if (!current()) return;
      // Streaming refused outright: the periodic safety sync keeps the rooms current meanwhile.
      const refused = err instanceof GatewayError && (err.kind === 'bad-request' || err.kind === 'permission');
      group.attempt += 1;
      deps.onState(group.mailboxes, refused ? 'polling' : 'reconnecting');
      deps.onReconnect(group.mailboxes.length, group.attempt, err instanceof GatewayError ? err.kind : 'error');
      later(group, refused ? maxBackoffMs : delayFor(group.attempt), () => void open(group));
    }
  }

  async function retire(group: Group): Promise<void> {
    group.retired = true;
    if (group.timer) clearTimeout(group.timer);
    const stream = group.stream;
    group.stream = null;
    if (stream) await stream.close().catch(() => undefined);
  }

  return {
    watch(mailboxes) {
      const wanted = chunk(mailboxes, groupSize);
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
