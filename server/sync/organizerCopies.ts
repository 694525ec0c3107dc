import type { RemoteOccurrence } from '../domain/sync/remoteCalendar';
import { GatewayError, type CalendarGateway, type OrganizerDetails, type TimeWindow } from '../ports/calendarGateway';

/** Errors that mean "this organizer's mailbox is out of reach": fall back to the room's copy. */
const UNREACHABLE: ReadonlySet<string> = new Set(['permission', 'mailbox-not-found', 'bad-request']);

function detailsFor(details: readonly OrganizerDetails[], o: RemoteOccurrence): OrganizerDetails | undefined {
  const ofMeeting = details.filter((d) => d.cleanGlobalObjectId === o.cleanGlobalObjectId);
  const exception = o.originalStart
    ? ofMeeting.find((d) => d.originalStart?.getTime() === o.originalStart?.getTime())
    : undefined;
  return exception ?? ofMeeting.find((d) => d.originalStart === null);
}

function merge(o: RemoteOccurrence, d: OrganizerDetails): RemoteOccurrence {
  return {
    ...o,
    subject: d.subject,
    description: d.description,
    isPrivate: d.isPrivate,
    attendees: d.attendees,
    joinOnlineMeetingUrl: d.joinOnlineMeetingUrl ?? o.joinOnlineMeetingUrl,
    detailSource: 'organizer',
  };
}

/**
 * A room's copy loses subject, body and the private flag to the booking attendant. Reads them from
 * each organizer's own copy (one call per organizer), keeping the room's copy where that mailbox
 * cannot be reached; `detailSource` says which copy each occurrence carries.
 */
export async function withOrganizerDetails(
  gateway: CalendarGateway,
  roomMailbox: string,
  occurrences: readonly RemoteOccurrence[],
  window: TimeWindow,
): Promise<RemoteOccurrence[]> {
  const byOrganizer = new Map<string, Set<string>>();
  for (const o of occurrences) {
    const email = o.organizer.email.trim().toLowerCase();
    if (email === '' || email === roomMailbox.toLowerCase() || o.isCancelled) continue;
    const ids = byOrganizer.get(email) ?? new Set<string>();
    ids.add(o.cleanGlobalObjectId);
    byOrganizer.set(email, ids);
  }
  const found = new Map<string, readonly OrganizerDetails[]>();
  for (const [email, ids] of byOrganizer) {
    try {
      const details = await gateway.organizerDetails(email, [...ids], window);
      if (details) found.set(email, details);
    } catch (err) {
      if (!(err instanceof GatewayError) || !UNREACHABLE.has(err.kind)) throw err;
    }
  }
  return occurrences.map((o) => {
    const details = found.get(o.organizer.email.trim().toLowerCase());
    const match = details ? detailsFor(details, o) : undefined;
    return match ? merge(o, match) : o;
  });
}
