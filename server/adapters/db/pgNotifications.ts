import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import pg from 'pg';
import { createChangeBus } from '../../domain/changeBus';

export interface PgNotificationsOptions<T> {
  /** NOTIFY channels are per database: the instances of one installation share it. */
  readonly channel: string;
  /** The LISTEN connection's own database URL (a pooled connection cannot hold a LISTEN). */
  readonly connectionString: string;
  /** Sends the NOTIFY (the app's pool). */
  readonly knex: Knex;
  /** How the LISTEN connection shows in pg_stat_activity. */
  readonly applicationName: string;
  /** A message of another instance, checked; undefined drops it. */
  readonly parse: (message: unknown) => T | undefined;
  /** Told to this instance's subscribers when the LISTEN connection is back (what was missed meanwhile). */
  readonly onReconnect?: T | undefined;
  readonly onError?: ((err: unknown) => void) | undefined;
  /** First reconnect delay after the LISTEN connection broke; doubles up to 30 s. */
  readonly reconnectMs?: number | undefined;
}

export interface PgNotifications<T> {
  /** Tells this instance's subscribers at once, the other instances' through NOTIFY (best effort). */
  publish(message: T): Promise<void>;
  /** Tells only the other instances (the publisher acted on its own change already). */
  notifyOthers(message: T): Promise<void>;
  /** Called on this instance for messages published on any instance. Returns the unsubscribe. */
  subscribe(listener: (message: T) => void): () => void;
  /** Resolves once this instance listens (tests wait for it before publishing elsewhere). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const MAX_RECONNECT_MS = 30_000;

/** `{ from, change }`: the wire format the room changes have always had, so that instances of two releases still understand each other. */
function envelope(payload: string | undefined): { from: unknown; change: unknown } | undefined {
  if (payload === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(payload);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    return { from: (parsed as { from?: unknown }).from, change: (parsed as { change?: unknown }).change };
  } catch {
    return undefined;
  }
}

/**
 * Messages across the instances of one PostgreSQL: LISTEN on a dedicated connection, NOTIFY
 * through the pool. This instance's own subscribers are told at once, not through the round trip,
 * so a broken LISTEN connection never hides its own messages; its own notifications are ignored.
 * The LISTEN connection reconnects with back-off and then tells `onReconnect`.
 */
export function createPgNotifications<T>(options: PgNotificationsOptions<T>): PgNotifications<T> {
  const instance = randomUUID();
  const bus = createChangeBus<T>();
  const onError = options.onError ?? (() => undefined);
  const firstDelay = options.reconnectMs ?? 1_000;
  let delay = firstDelay;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let listening: Promise<void>;

  function scheduleReconnect(): void {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      listening = listen(true);
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, MAX_RECONNECT_MS);
  }

  function lose(dead: pg.Client): void {
    if (client !== dead) return;
    client = null;
    scheduleReconnect();
  }

  async function listen(again: boolean): Promise<void> {
    const fresh = new pg.Client({
      connectionString: options.connectionString,
      keepAlive: true,
      application_name: options.applicationName,
    });
    fresh.on('error', (err) => {
      onError(err);
      lose(fresh);
    });
    fresh.on('end', () => lose(fresh));
    fresh.on('notification', (notification) => {
      const received = envelope(notification.payload);
      if (!received || received.from === instance) return;
      const message = options.parse(received.change);
      if (message !== undefined) bus.publish(message);
    });
    client = fresh;
    try {
      await fresh.connect();
      await fresh.query(`LISTEN ${options.channel}`);
    } catch (err) {
      onError(err);
      lose(fresh);
      await fresh.end().catch(() => undefined);
      return;
    }
    if (closed) {
      await fresh.end();
      return;
    }
    delay = firstDelay;
    if (again && options.onReconnect !== undefined) bus.publish(options.onReconnect);
  }

  async function notifyOthers(message: T): Promise<void> {
    try {
      await options.knex.raw('SELECT pg_notify(?, ?)', [
        options.channel,
        JSON.stringify({ from: instance, change: message }),
      ]);
    } catch (err) {
      onError(err);
    }
  }

  listening = listen(false);
  return {
    ready: () => listening,
    async publish(message) {
      bus.publish(message);
      await notifyOthers(message);
    },
    notifyOthers,
    subscribe: (listener) => bus.subscribe(listener),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await listening;
      const open = client;
      client = null;
      if (open) await open.end().catch(() => undefined);
    },
  };
}
