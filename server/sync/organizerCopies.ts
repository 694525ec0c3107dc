import type { RemoteOccurrence } from '../domain/sync/remoteCalendar';
import type { OrganizerLookup } from './organizerBatcher';
import {
  GatewayError,
  type CalendarGateway,
  type MeetingRef,
  type OrganizerDetails,
  type TimeWindow,
} from '../ports/calendarGateway';

/**
 * Errors that mean "this organizer's mailbox is out of reach", for good (external, no permission)
 * or for now (a mailbox move, a failing back end): fall back to the room's copy rather than hold
 * up the room's sync. Throttling and refused credentials concern every mailbox and stop the sync.
 */
const UNREACHABLE: ReadonlySet<string> = new Set(['permission', 'mailbox-not-found', 'bad-request', 'transient']);

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

function meetingsByOrganizer(roomMailbox: string, occurrences: readonly RemoteOccurrence[]): Map<string, MeetingRef[]> {
  const byOrganizer = new Map<string, Map<string, MeetingRef>>();
  for (const o of occurrences) {
    const email = o.organizer.email.trim().toLowerCase();
    if (email === '' || email === roomMailbox.toLowerCase() || o.isCancelled) continue;
    const refs = byOrganizer.get(email) ?? new Map<string, MeetingRef>();
    const recurring = o.originalStart !== null || (refs.get(o.cleanGlobalObjectId)?.recurring ?? false);
    refs.set(o.cleanGlobalObjectId, { cleanGlobalObjectId: o.cleanGlobalObjectId, recurring });
    byOrganizer.set(email, refs);
  }
  return new Map([...byOrganizer].map(([email, refs]) => [email, [...refs.values()]]));
}

/**
 * A room's copy loses subject, body and the private flag to the booking attendant. Reads them from
 * each organizer's own copy (one lookup per organizer), keeping the room's copy where that mailbox
 * cannot be reached; `detailSource` says which copy each occurrence carries.
 *
 * `headerOnly` names occurrences built from SyncFolderItems headers alone (no body, no attendees):
 * only where the organizer's copy is out of reach is the room's full copy read for them, so a
 * changed single meeting costs SyncFolderItems plus the organizer's FindItem and GetItem.
 */
export async function withOrganizerDetails(
  gateway: CalendarGateway,
  roomMailbox: string,
  occurrences: readonly RemoteOccurrence[],
  window: TimeWindow,
  options: { readonly headerOnly?: ReadonlySet<string>; readonly lookup?: OrganizerLookup } = {},
): Promise<RemoteOccurrence[]> {
  const headerOnly = options.headerOnly ?? new Set<string>();
  const lookup: OrganizerLookup =
    options.lookup ?? ((email, meetings, w) => gateway.organizerDetails(email, meetings, w));
  const found = new Map<string, readonly OrganizerDetails[]>();
  // All organizers at once: the adapter's per-account concurrency cap keeps Exchange's budget.
  await Promise.all(
    [...meetingsByOrganizer(roomMailbox, occurrences)].map(async ([email, meetings]) => {
      try {
        const details = await lookup(email, meetings, window);
        if (details) found.set(email, details);
      } catch (err) {
        if (!(err instanceof GatewayError) || !UNREACHABLE.has(err.kind)) throw err;
      }
    }),
  );
  const merged = occurrences.map((o) => {
    const details = found.get(o.organizer.email.trim().toLowerCase());
    const match = details ? detailsFor(details, o) : undefined;
    return match ? merge(o, match) : o;
  });
  const lacking = merged.filter((o) => o.detailSource === 'room' && headerOnly.has(o.itemId)).map((o) => o.itemId);
  if (lacking.length === 0) return merged;
  const full = new Map((await gateway.roomItemDetails(roomMailbox, lacking)).map((o) => [o.itemId, o]));
  return merged.map((o) => full.get(o.itemId) ?? o);
}
