import type { Knex } from 'knex';
import type {
  ConnectedRoom,
  ExchangeRoom,
  RoomSyncRecord,
  StreamState,
  SyncStore,
  SyncTransaction,
} from '../../../ports/syncStore';
import { RoomLeaseLost } from '../../../ports/roomLeases';
import type { LeaseFence } from '../advisoryRoomLeases';
import type { TableGrowth } from '../tableStatistics';
import { toCount, toInstant } from './locationRows';
import { syncBookingWriter } from './syncBookings';

interface RoomSyncRow {
  room_id: string;
  mailbox: string;
  sync_state: string | null;
  last_success_at: unknown;
  last_full_sync_at: unknown;
  next_sync_at: unknown;
  last_error: string | null;
  last_error_code: string | null;
  last_error_at: unknown;
  consecutive_failures: unknown;
  stream_state: StreamState;
}

function toRecord(row: RoomSyncRow): RoomSyncRecord {
  return {
    roomId: row.room_id,
    mailbox: row.mailbox,
    syncState: row.sync_state,
    lastSuccessAt: toInstant(row.last_success_at),
    lastFullSyncAt: toInstant(row.last_full_sync_at),
    nextSyncAt: toInstant(row.next_sync_at),
    lastError: row.last_error,
    lastErrorCode: row.last_error_code,
    lastErrorAt: toInstant(row.last_error_at),
    consecutiveFailures: toCount(row.consecutive_failures),
    streamState: row.stream_state,
  };
}

interface ConnectedRow {
  id: string;
  name: string;
  exchange_email: string;
}

const connectedRooms = (db: Knex): Knex.QueryBuilder =>
  db('rooms')
    .select('id', 'name', 'exchange_email')
    .where({ exchange_state: 'verified', active: true })
    .whereNotNull('exchange_email')
    .orderBy('name')
    .orderBy('id');

const toConnected = (row: ConnectedRow): ConnectedRoom => ({
  roomId: row.id,
  name: row.name,
  mailbox: row.exchange_email.toLowerCase(),
});

/** What a room's sync row goes back to when it is kept for another mailbox. */
const RESET_FOR_ANOTHER_MAILBOX: Readonly<Record<string, 'NULL' | '0'>> = {
  sync_state: 'NULL',
  last_success_at: 'NULL',
  last_full_sync_at: 'NULL',
  next_sync_at: 'NULL',
  last_error: 'NULL',
  last_error_code: 'NULL',
  last_error_at: 'NULL',
  consecutive_failures: '0',
};

/**
 * Upserts a room's sync row in one statement (it runs after every room's sync). A row kept for
 * another mailbox is reset: its sync state belongs to a feed that no longer applies.
 */
async function upsert(db: Knex, roomId: string, mailbox: string, values: Record<string, unknown>): Promise<void> {
  const now = db.fn.now();
  const reset = Object.entries(RESET_FOR_ANOTHER_MAILBOX)
    .filter(([column]) => !(column in values))
    .map(([column, empty]): [string, Knex.Raw] => [
      column,
      db.raw(`CASE WHEN room_sync.mailbox = EXCLUDED.mailbox THEN room_sync.?? ELSE ${empty} END`, [column]),
    ]);
  await db('room_sync')
    .insert({ room_id: roomId, mailbox, ...values, updated_at: now })
    .onConflict('room_id')
    .merge({ ...Object.fromEntries(reset), mailbox, ...values, updated_at: now });
}

interface ExchangeRoomRow {
  id: string;
  name: string;
  exchange_email: string;
  exchange_state: ExchangeRoom['verification'];
  exchange_checked_at: unknown;
  exchange_error: string | null;
  active: boolean;
}

export interface SyncStoreOptions {
  /**
   * Several instances: checked as the last write of each room's sync commit; when this instance no
   * longer holds the room, the commit is rolled back (RoomLeaseLost), so a room is never written by
   * two instances and the new holder resumes from the stored sync state.
   */
  readonly fence?: LeaseFence | undefined;
  /** Told how many bookings each committed sync inserted, so the planner's statistics keep up with a first sync. */
  readonly bookingsGrowth?: TableGrowth | undefined;
}

export function createSyncStore(knex: Knex, options: SyncStoreOptions = {}): SyncStore {
  const { fence, bookingsGrowth } = options;
  return {
    async listExchangeRooms() {
      const rows = (await knex('rooms')
        .select('id', 'name', 'exchange_email', 'exchange_state', 'exchange_checked_at', 'exchange_error', 'active')
        .whereNotNull('exchange_email')
        .orderBy('name')
        .orderBy('id')) as ExchangeRoomRow[];
      return rows.map((r) => ({
        roomId: r.id,
        name: r.name,
        mailbox: r.exchange_email.toLowerCase(),
        verification: r.exchange_state,
        checkedAt: toInstant(r.exchange_checked_at),
        verificationError: r.exchange_error,
        active: r.active,
      }));
    },
    async listConnectedRooms() {
      const rows = (await connectedRooms(knex)) as ConnectedRow[];
      return rows.map(toConnected);
    },
    async findConnectedRoom(roomId) {
      const row = (await connectedRooms(knex).where({ id: roomId }).first()) as ConnectedRow | undefined;
      return row ? toConnected(row) : undefined;
    },
    async roomSync(roomId, mailbox) {
      const row = (await knex('room_sync').where({ room_id: roomId, mailbox }).first()) as RoomSyncRow | undefined;
      return row ? toRecord(row) : null;
    },
    async allRoomSync() {
      const rows = (await knex('room_sync').select('*')) as RoomSyncRow[];
      return rows.map(toRecord);
    },
    async transaction(work) {
      let inserted = 0;
      const result = await knex.transaction(async (trx) => {
        const writer = syncBookingWriter(trx);
        const tx: SyncTransaction = {
          ...writer,
          async applyPlan(roomId, plan) {
            const applied = await writer.applyPlan(roomId, plan);
            inserted += applied.createdBookingIds.length;
            return applied;
          },
          async saveSyncState(roomId, mailbox, syncState, options) {
            if (fence && !(await fence(trx, roomId))) throw new RoomLeaseLost(roomId);
            await upsert(trx, roomId, mailbox, {
              sync_state: syncState,
              last_success_at: options.at.toISOString(),
              ...(options.full ? { last_full_sync_at: options.at.toISOString() } : {}),
              last_error: null,
              last_error_code: null,
              last_error_at: null,
              consecutive_failures: 0,
            });
          },
        };
        return work(tx);
      });
      if (inserted > 0) bookingsGrowth?.grew(inserted);
      return result;
    },
    async recordFailure(roomId, mailbox, failure) {
      await knex.transaction(async (trx) => {
        const existing = await trx('room_sync')
          .where({ room_id: roomId, mailbox })
          .first<{ consecutive_failures: unknown } | undefined>('consecutive_failures');
        await upsert(trx, roomId, mailbox, {
          last_error: failure.message,
          last_error_code: failure.code,
          last_error_at: failure.at.toISOString(),
          consecutive_failures: (existing ? toCount(existing.consecutive_failures) : 0) + 1,
        });
      });
    },
    async scheduleNext(roomId, mailbox, at) {
      await upsert(knex, roomId, mailbox, { next_sync_at: at ? at.toISOString() : null });
    },
    async setStreamState(rooms, state) {
      if (rooms.length === 0) return;
      await knex('room_sync')
        .insert(
          rooms.map((r) => ({ room_id: r.roomId, mailbox: r.mailbox, stream_state: state, updated_at: knex.fn.now() })),
        )
        .onConflict('room_id')
        .merge(['stream_state', 'updated_at']);
    },
    async countLiveBookings(window) {
      const result = await knex.raw<{ rows: { room_id: string; n: unknown }[] }>(
        `SELECT room_id, count(*) AS n FROM bookings
          WHERE status IN ('confirmed', 'pending')
            AND during && tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')
          GROUP BY room_id`,
        [window.start.toISOString(), window.end.toISOString()],
      );
      return new Map(result.rows.map((r) => [r.room_id, toCount(r.n)]));
    },
    async countDetailsPending() {
      const result = await knex.raw<{ rows: { room_id: string; n: unknown }[] }>(
        `SELECT room_id, count(*) AS n FROM bookings
          WHERE details_pending AND status IN ('confirmed', 'pending') GROUP BY room_id`,
      );
      return new Map(result.rows.map((r) => [r.room_id, toCount(r.n)]));
    },
  };
}
