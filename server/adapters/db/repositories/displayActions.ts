import type { Knex } from 'knex';
import type { DisplayActionRepository } from '../../../ports/displays';
import { UNIQUE_VIOLATION } from './locationRows';

const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === UNIQUE_VIOLATION;

export function createDisplayActionRepository(db: Knex): DisplayActionRepository {
  return {
    async seen(displayId, requestId) {
      const row = await db('display_actions')
        .where({ display_id: displayId, request_id: requestId })
        .first<{ id: string } | undefined>('id');
      return row !== undefined;
    },
    async record(fact) {
      try {
        await db('display_actions').insert({
          display_id: fact.displayId,
          room_id: fact.roomId,
          booking_id: fact.bookingId,
          kind: fact.kind,
          request_id: fact.requestId,
          minutes: fact.minutes,
          at: fact.at,
        });
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },
    async checkedIn(bookingIds) {
      if (bookingIds.length === 0) return new Set();
      const rows = await db('display_actions')
        .whereIn('booking_id', bookingIds)
        .where({ kind: 'check-in' })
        .distinct<{ booking_id: string }[]>('booking_id');
      return new Set(rows.map((r) => r.booking_id));
    },
    async bookingOf(displayId, requestId) {
      const row = await db('display_actions')
        .where({ display_id: displayId, request_id: requestId })
        .first<{ booking_id: string | null } | undefined>('booking_id');
      return row === undefined ? undefined : row.booking_id;
    },
    async link(displayId, requestId, bookingId) {
      await db('display_actions')
        .where({ display_id: displayId, request_id: requestId })
        .update({ booking_id: bookingId });
    },
    async forget(displayId, requestId) {
      await db('display_actions').where({ display_id: displayId, request_id: requestId }).delete();
    },
  };
}
