import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import pg from 'pg';
import { z } from 'zod';
import { createChangeBus } from '../../domain/changeBus';
import type { RoomChange, RoomChanges } from '../../ports/roomChanges';

/** NOTIFY channels are per database, so instances of one installation share this one. */
export const ROOM_CHANGES_CHANNEL = 'roomserve_room_changes';
/** How the LISTEN connection shows in pg_stat_activity. */
export const ROOM_CHANGES_APPLICATION = 'roomserve room changes';

const messageSchema = z.object({
  from: z.string(),
  change: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('room'), roomId: z.string() }),
    z.object({ kind: z.literal('room-details'), roomId: z.string() }),
    z.object({ kind: z.literal('all-rooms') }),
    z.object({ kind: z.literal('display'), displayId: z.string() }),
  ]),
});

function parseMessage(payload: string | undefined): z.infer<typeof messageSchema> | undefined {
  if (payload === undefined) return undefined;
  try {
    const parsed = messageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface PgRoomChangesOptions {
  /** The LISTEN connection's own database URL (a pooled connection cannot hold a LISTEN). */
  readonly connectionString: string;
  /** Sends the NOTIFY (the app's pool). */
  readonly knex: Knex;
  readonly onError?: (err: unknown) => void;
  /** How the LISTEN connection shows in pg_stat_activity (default ROOM_CHANGES_APPLICATION). */
  readonly applicationName?: string;
  /** First reconnect delay after the LISTEN connection broke; doubles up to 30 s. */
  readonly reconnectMs?: number;
}

export interface PgRoomChanges extends RoomChanges {
  /** Resolves once this instance listens (tests wait for it before publishing elsewhere). */
  ready(): Promise<void>;
}

const MAX_RECONNECT_MS = 30_000;

/**
 * Room changes across instances on one PostgreSQL: LISTEN on a dedicated connection, NOTIFY
 * through the pool. This instance's own streams are told at once, not through the round trip, so
 * a broken LISTEN connection never hides its own changes; its own notifications are ignored. When
 * the LISTEN connection comes back, every stream of this instance refreshes once, for whatever
 * other instances published meanwhile.
 */
export function createPgRoomChanges(options: PgRoomChangesOptions): PgRoomChanges {
  const instance = randomUUID();
  const bus = createChangeBus<RoomChange>();
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
      application_name: options.applicationName ?? ROOM_CHANGES_APPLICATION,
    });
    fresh.on('error', (err) => {
      onError(err);
      lose(fresh);
    });
    fresh.on('end', () => lose(fresh));
    fresh.on('notification', (message) => {
      const parsed = parseMessage(message.payload);
      if (parsed && parsed.from !== instance) bus.publish(parsed.change);
    });
    client = fresh;
    try {
      await fresh.connect();
      await fresh.query(`LISTEN ${ROOM_CHANGES_CHANNEL}`);
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
    if (again) bus.publish({ kind: 'all-rooms' });
  }

  listening = listen(false);
  return {
    ready: () => listening,
    async publish(change) {
      bus.publish(change);
      try {
        await options.knex.raw('SELECT pg_notify(?, ?)', [
          ROOM_CHANGES_CHANNEL,
          JSON.stringify({ from: instance, change }),
        ]);
      } catch (err) {
        onError(err);
      }
    },
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
