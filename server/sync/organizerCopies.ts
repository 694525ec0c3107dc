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

/** One room's occurrences, for a lookup shared by several rooms. */
export interface RoomOccurrences {
  readonly mailbox: string;
  readonly occurrences: readonly RemoteOccurrence[];
}

type Answer = { readonly details: readonly OrganizerDetails[] | null } | { readonly error: unknown };

/** Each organizer's meetings in all the rooms together (one ref per meeting, recurring if any room says so). */
function meetingsOfRooms(rooms: readonly RoomOccurrences[]): Map<string, MeetingRef[]> {
  const byOrganizer = new Map<string, Map<string, MeetingRef>>();
  for (const room of rooms)
    for (const [email, meetings] of meetingsByOrganizer(room.mailbox, room.occurrences)) {
      const refs = byOrganizer.get(email) ?? new Map<string, MeetingRef>();
      for (const m of meetings) {
        const recurring = m.recurring || (refs.get(m.cleanGlobalObjectId)?.recurring ?? false);
        refs.set(m.cleanGlobalObjectId, { cleanGlobalObjectId: m.cleanGlobalObjectId, recurring });
      }
      byOrganizer.set(email, refs);
    }
  return new Map([...byOrganizer].map(([email, refs]) => [email, [...refs.values()]]));
}

/**
 * Phase 2 of several rooms together: each organizer is asked once for their copies of all those
 * rooms' meetings, and the lookup it returns answers every room from those answers. One
 * organizer's meetings are spread over many rooms; asked room by room, the same organizer's
 * calendar is searched once per room (at 1,000 rooms, 50 organizers with 2,000 meetings each were
 * read again and again: no cache of whole calendars that memory allows holds them all). What is
 * held is the details of these rooms' meetings only, so the caller bounds memory by how many
 * bookings it passes. An organizer's error is kept and thrown to each room that asks for them.
 */
export async function organizerCopiesOnce(
  gateway: Pick<CalendarGateway, 'organizerDetails'>,
  rooms: readonly RoomOccurrences[],
  window: TimeWindow,
): Promise<OrganizerLookup> {
  const answers = new Map<string, Answer>();
  // All organizers at once: the adapter's per-account budget (at the caller's priority) bounds Exchange.
  await Promise.all(
    [...meetingsOfRooms(rooms)].map(async ([email, meetings]) => {
      try {
        answers.set(email, { details: await gateway.organizerDetails(email, meetings, window) });
      } catch (error) {
        answers.set(email, { error });
      }
    }),
  );
  return async (organizerEmail, meetings, w) => {
    const answer = answers.get(organizerEmail.trim().toLowerCase());
    // An organizer none of the rooms named (not expected): ask Exchange directly.
    if (!answer) return gateway.organizerDetails(organizerEmail, meetings, w);
    if ('error' in answer) throw answer.error;
    if (answer.details === null) return null;
    const wanted = new Set(meetings.map((m) => m.cleanGlobalObjectId));
    return answer.details.filter((d) => wanted.has(d.cleanGlobalObjectId));
  };
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
