import { createEvent, type EventAttributes } from 'ics';
import { AppError } from '../../domain/errors';
import { bookingAllowed } from '../../domain/externals/rules';
import type { OwnBooking } from '../../ports/bookings';
import type { Clock } from '../../ports/clock';
import type { ExternalBookingHooks } from '../../ports/externalBookings';
import type { ExternalMailbox, ExternalMailMessage, ExternalRepository } from '../../ports/externals';

export interface ExternalBookingHooksDeps {
  readonly externals: Pick<ExternalRepository, 'settings' | 'openBookings'>;
  readonly mail: ExternalMailbox;
  readonly clock: Clock;
}

/** The meeting as an iCalendar file, for people whose calendar Roomserve does not write into. */
export function bookingCalendar(booking: OwnBooking, kind: 'confirmed' | 'cancelled'): string {
  const event: EventAttributes = {
    uid: booking.uid ?? `roomserve-${booking.id}`,
    title: booking.subject,
    location: booking.roomName,
    start: booking.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: booking.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    productId: 'roomserve',
    method: kind === 'confirmed' ? 'PUBLISH' : 'CANCEL',
    status: kind === 'confirmed' ? 'CONFIRMED' : 'CANCELLED',
    sequence: kind === 'confirmed' ? 0 : 1,
    ...(booking.onlineMeetingUrl ? { url: booking.onlineMeetingUrl } : {}),
  };
  const { error, value } = createEvent(event);
  if (error || value === null) throw error ?? new Error('the calendar file could not be written');
  return value;
}

function when(booking: OwnBooking): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: booking.timeZone,
  });
  const end = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: booking.timeZone });
  return `${format.format(booking.start)} – ${end.format(booking.end)} (${booking.timeZone})`;
}

function bookingMail(booking: OwnBooking, kind: 'confirmed' | 'cancelled'): ExternalMailMessage {
  const to = booking.booker?.email ?? '';
  const confirmed = kind === 'confirmed';
  return {
    dedupeKey: `external-booking-${kind}:${booking.id}`,
    kind: `external-booking-${kind}`,
    to,
    subject: `${confirmed ? 'Confirmed' : 'Cancelled'}: ${booking.roomName}, ${booking.subject}`,
    text: [
      `Hello ${booking.booker?.name ?? ''},`,
      '',
      confirmed
        ? `the room ${booking.roomName} is booked for you: ${when(booking)}.`
        : `your booking of ${booking.roomName} (${when(booking)}) was cancelled.`,
      confirmed
        ? 'The attached calendar file adds it to your calendar.'
        : 'The attached calendar file removes it from your calendar.',
    ].join('\n'),
    attachments: [
      {
        filename: confirmed ? 'booking.ics' : 'cancellation.ics',
        contentType: `text/calendar; charset=utf-8; method=${confirmed ? 'PUBLISH' : 'CANCEL'}`,
        content: bookingCalendar(booking, kind),
      },
    ],
  };
}

/** The externals' side of the bookings path: their limit of open bookings, their emails. */
export function createExternalBookingHooks(deps: ExternalBookingHooksDeps): ExternalBookingHooks {
  return {
    async beforeBooking(actor) {
      const [settings, open] = await Promise.all([
        deps.externals.settings(),
        deps.externals.openBookings(actor.userId, deps.clock.now()),
      ]);
      if (!bookingAllowed(open, settings)) {
        throw new AppError(
          'unprocessable',
          `You already hold ${open} open bookings, the most an external may; cancel one to book another`,
          { reason: 'open-bookings-limit', limit: settings.maxOpenBookings },
        );
      }
    },
    async confirmed(booking) {
      await deps.mail.enqueue(bookingMail(booking, 'confirmed'));
    },
    async cancelled(booking) {
      await deps.mail.enqueue(bookingMail(booking, 'cancelled'));
    },
  };
}
