/**
 * The room displays' live stream (issue 14) as the other features see it: each writer of what a
 * display shows tells `RoomChanges`, and the stream follows it. Kept apart from displays.ts so the
 * display features stay small; see docs/displays.md ("Live").
 */
import type { Knex } from 'knex';
import { createInProcessRoomChanges } from '../adapters/roomChanges/inProcess';
import type { BookingChangeListener } from '../ports/bookingChanges';
import type { BookingRepository } from '../ports/bookings';
import type { DisplayActionRepository } from '../ports/displays';
import type { RoomChanges } from '../ports/roomChanges';
import type { DisplaySettingsService } from '../services/displays';

/** Builds the instance's RoomChanges on the app's database (main: LISTEN/NOTIFY on PostgreSQL). */
export type RoomChangesFactory = (knex: Knex) => RoomChanges;

export const roomChangesOn = (knex: Knex, factory: RoomChangesFactory | undefined): RoomChanges =>
  factory ? factory(knex) : createInProcessRoomChanges();

/** The Exchange sync's side: each room it changed. */
export const roomChangesListener = (changes: RoomChanges): BookingChangeListener => ({
  bookingsChanged: ({ roomId }) => changes.publish({ kind: 'room', roomId }),
});

/** Bookings made in Roomserve (pending, settled, moved, cancelled): their room, or both rooms of a move. */
export function publishingBookings(repository: BookingRepository, changes: RoomChanges): BookingRepository {
  const roomOf = async (bookingId: string): Promise<string | undefined> => (await repository.get(bookingId))?.roomId;
  const after = async <T>(rooms: readonly (string | undefined)[], result: T): Promise<T> => {
    for (const roomId of new Set(rooms)) if (roomId !== undefined) await changes.publish({ kind: 'room', roomId });
    return result;
  };
  const byId =
    <A extends unknown[], T>(write: (bookingId: string, ...rest: A) => Promise<T>) =>
    async (bookingId: string, ...rest: A): Promise<T> => {
      const before = await roomOf(bookingId);
      const result = await write(bookingId, ...rest);
      return after([before, await roomOf(bookingId)], result);
    };
  return {
    ...repository,
    async insertPending(booking) {
      const outcome = await repository.insertPending(booking);
      return outcome.ok ? after([booking.roomId], outcome) : outcome;
    },
    settle: byId((id, outcome: Parameters<BookingRepository['settle']>[1]) => repository.settle(id, outcome)),
    applyMove: byId((id, move: Parameters<BookingRepository['applyMove']>[1]) => repository.applyMove(id, move)),
    cancel: byId((id, reason: string) => repository.cancel(id, reason)),
    markMeetingCancelled: byId((id, reason: string) => repository.markMeetingCancelled(id, reason)),
    restore: byId((id, original: Parameters<BookingRepository['restore']>[1]) => repository.restore(id, original)),
    discard: byId((id) => repository.discard(id)),
  };
}

/** Display actions (check-in, book now, end, extend, release): the acting display's room. */
export const publishingActions = (actions: DisplayActionRepository, changes: RoomChanges): DisplayActionRepository => ({
  ...actions,
  async record(fact) {
    const recorded = await actions.record(fact);
    if (recorded) await changes.publish({ kind: 'room', roomId: fact.roomId });
    return recorded;
  },
});

/** Privacy and check-in settings: every room for the installation's, one room for its own. */
export const publishingSettings = (settings: DisplaySettingsService, changes: RoomChanges): DisplaySettingsService => ({
  ...settings,
  async saveInstallation(view) {
    const saved = await settings.saveInstallation(view);
    await changes.publish({ kind: 'all-rooms' });
    return saved;
  },
  async saveRoom(roomId, view) {
    const saved = await settings.saveRoom(roomId, view);
    await changes.publish({ kind: 'room-details', roomId });
    return saved;
  },
});

/** A revoked display's stream ends at once (on every instance). */
export const publishingRevocations = <P extends { revoke(id: string): Promise<void> }>(
  pairing: P,
  changes: RoomChanges,
): P => ({
  ...pairing,
  async revoke(id: string) {
    await pairing.revoke(id);
    await changes.publish({ kind: 'display', displayId: id });
  },
});
