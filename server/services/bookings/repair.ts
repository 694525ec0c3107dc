import type { OwnBooking } from '../../ports/bookings';
import type { MeetingWriter } from '../../ports/meetingWriter';
import { refOf } from './create';
import { newMeetingBaseline, verdictOf } from './follow';
import type { BookingServiceDeps } from './types';

/**
 * Settles Roomserve bookings still pending long after they were made: their request was cut short
 * (the process died between the two writes, or before the room answered). The organizer's calendar
 * is searched by the stored ids, the meeting's identity, then our marker: a meeting that is there
 * is kept and follows the room's answer; one that never reached Exchange gives the booking up.
 */

export interface RepairOutcome {
  readonly kept: number;
  readonly confirmed: number;
  readonly declined: number;
  readonly givenUp: number;
}

export function repairUseCase(deps: BookingServiceDeps, settled: (bookingId: string) => void) {
  async function repairOne(writer: MeetingWriter, booking: OwnBooking): Promise<keyof RepairOutcome> {
    const roomEmail = (await deps.bookings.room(booking.roomId))?.exchangeEmail ?? null;
    const item = await writer.readMeeting(refOf(booking));
    if (!item || item.isCancelled) {
      await deps.bookings.settle(booking.id, {
        status: 'cancelled',
        reason: 'Roomserve stopped before the meeting reached Exchange; nothing was booked.',
      });
      return 'givenUp';
    }
    if (booking.organizerItemId === null)
      await deps.bookings.linkExchange(booking.id, {
        organizer: booking.organizer,
        organizerEmail: item.organizerEmail,
        organizerName: item.organizerName,
        itemId: item.itemId,
        changeKey: item.changeKey,
        cleanGlobalObjectId: item.cleanGlobalObjectId,
        uid: item.uid,
      });
    const verdict = roomEmail ? verdictOf(item, roomEmail, newMeetingBaseline()) : null;
    if (!verdict) return 'kept';
    const outcome =
      verdict.kind === 'accepted'
        ? ({ status: 'confirmed' } as const)
        : ({ status: 'declined', reason: 'The room declined the request in Exchange.' } as const);
    await deps.bookings.settle(booking.id, outcome);
    if (verdict.kind !== 'accepted') return 'declined';
    // An external hears of it here too; the email's outbox key keeps it to one.
    if (booking.booker)
      await deps.externals
        ?.confirmed({ ...booking, status: 'confirmed' })
        .catch((err: unknown) =>
          deps.log.warn({ err, bookingId: booking.id }, 'the external could not be told of their booking'),
        );
    return 'confirmed';
  }

  return async function repairPending(): Promise<RepairOutcome> {
    const counts = { kept: 0, confirmed: 0, declined: 0, givenUp: 0 };
    const writer = await deps.writer();
    if (!writer) return counts;
    const before = new Date(deps.clock.now().getTime() - (deps.repairAfterMs ?? 120_000));
    for (const booking of await deps.bookings.stalePending(before, 100)) {
      try {
        counts[await repairOne(writer, booking)] += 1;
        settled(booking.id);
      } catch (err) {
        deps.log.warn({ err, bookingId: booking.id }, 'could not repair a pending booking; retrying on the next sweep');
      }
    }
    return counts;
  };
}
