import type { EventAttendee, EventView } from '../../../shared/schemas/events';
import { expandRecurrence } from '../../domain/events/recurrence';
import type { OwnBooking } from '../../ports/bookings';
import type { MeetingDetails } from '../../ports/meetingWriter';

/**
 * Where a series' pattern places its occurrences (the stored row holds the first one's time), less
 * those cancelled since: they are offered for picking, and a cancelled one can be neither changed
 * nor cancelled again.
 */
function occurrencesOf(b: OwnBooking, cancelled: readonly Date[] = []): EventView['occurrences'] {
  if (!b.recurrence) return [];
  const expanded = expandRecurrence(b.recurrence, b.start, b.end, b.timeZone);
  if (!expanded.ok) return [];
  const gone = new Set(cancelled.map((d) => d.getTime()));
  return expanded.occurrences
    .filter((o) => !gone.has(o.start.getTime()))
    .map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() }));
}

/** The event as Roomserve stored it: when Exchange cannot be asked, responses are unknown. */
export function presentStored(b: OwnBooking, descriptionIsHtml: boolean): EventView {
  return {
    id: b.id,
    roomId: b.roomId,
    roomName: b.roomName,
    timeZone: b.timeZone,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    title: b.subject,
    description: b.description,
    descriptionIsHtml,
    onlineMeetingUrl: b.onlineMeetingUrl,
    private: b.isPrivate,
    status: b.status,
    declinedReason: b.declinedReason,
    organizerEmail: b.organizerEmail,
    attendees: (b.people ?? b.attendees.map((email) => ({ email, kind: 'required' as const }))).map((p) => ({
      email: p.email,
      name: p.email,
      type: p.kind,
      response: 'none' as const,
    })),
    recurrence: b.recurrence ?? null,
    occurrences: occurrencesOf(b),
  };
}

/**
 * The event as the organizer's copy in Exchange holds it: what Outlook changed (title, time,
 * attendees, description, link, private flag) and each person's answer. `room` is the room the
 * copy names, when it is one Roomserve knows.
 */
export function presentLive(
  b: OwnBooking,
  details: MeetingDetails,
  description: string,
  room: { id: string; name: string } | null,
): EventView {
  const people: EventAttendee[] = details.attendees
    .filter((a) => a.kind !== 'resource')
    .map((a) => ({
      email: a.email,
      name: a.name,
      type: a.kind === 'optional' ? 'optional' : 'required',
      response: a.response,
    }));
  return {
    ...presentStored(b, details.body.isHtml),
    roomId: room?.id ?? b.roomId,
    roomName: room?.name ?? b.roomName,
    start: details.item.start.toISOString(),
    end: details.item.end.toISOString(),
    title: details.subject,
    description,
    onlineMeetingUrl: details.body.onlineMeetingUrl,
    private: details.isPrivate,
    attendees: people,
    occurrences: occurrencesOf(b, details.cancelledOccurrences),
  };
}
