import type { Knex } from 'knex';
import { z } from 'zod';
import type { RoomChange, RoomChanges } from '../../ports/roomChanges';
import { createPgNotifications } from '../db/pgNotifications';

/** NOTIFY channels are per database, so instances of one installation share this one. */
export const ROOM_CHANGES_CHANNEL = 'roomserve_room_changes';
/** How the LISTEN connection shows in pg_stat_activity. */
export const ROOM_CHANGES_APPLICATION = 'roomserve room changes';

const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('room'), roomId: z.string() }),
  z.object({ kind: z.literal('room-details'), roomId: z.string() }),
  z.object({ kind: z.literal('all-rooms') }),
  z.object({ kind: z.literal('display'), displayId: z.string() }),
]);

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

/**
 * Room changes across instances on one PostgreSQL (LISTEN/NOTIFY, see db/pgNotifications). When
 * the LISTEN connection comes back, every stream of this instance refreshes once, for whatever
 * other instances published meanwhile.
 */
export function createPgRoomChanges(options: PgRoomChangesOptions): PgRoomChanges {
  return createPgNotifications<RoomChange>({
    channel: ROOM_CHANGES_CHANNEL,
    connectionString: options.connectionString,
    knex: options.knex,
    applicationName: options.applicationName ?? ROOM_CHANGES_APPLICATION,
    parse: (message) => {
      const parsed = changeSchema.safeParse(message);
      return parsed.success ? parsed.data : undefined;
    },
    onReconnect: { kind: 'all-rooms' },
    onError: options.onError,
    reconnectMs: options.reconnectMs,
  });
}
