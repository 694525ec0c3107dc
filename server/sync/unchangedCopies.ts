import type { StoredBooking } from '../domain/sync/reconcile';
import { occurrenceKey, type RemoteOccurrence } from '../domain/sync/remoteCalendar';

function withStoredDetails(o: RemoteOccurrence, known: StoredBooking): RemoteOccurrence {
  return {
    ...o,
    subject: known.subject,
    description: known.description,
    isPrivate: known.isPrivate,
    attendees: known.attendees,
    joinOnlineMeetingUrl: known.onlineMeetingUrl,
    detailSource: known.detailSource,
  };
}

/**
 * The daily pass and resyncs re-read every meeting of the horizon. A room copy whose ItemId and
 * ChangeKey are still those of its stored booking has not changed since we read it (an organizer's
 * update reaches the room as a new ChangeKey), so it keeps the details we stored from the
 * organizer's copy instead of asking the organizer's mailbox again.
 *
 * Returns the occurrences with stored details filled in where unchanged, and the ones that still
 * need the organizer's copy.
 */
export function reuseUnchangedDetails(
  remote: readonly RemoteOccurrence[],
  stored: readonly StoredBooking[],
): { readonly reused: RemoteOccurrence[]; readonly fresh: RemoteOccurrence[] } {
  const byKey = new Map(
    stored.filter((b) => b.status === 'confirmed' || b.status === 'pending').map((b) => [occurrenceKey(b), b] as const),
  );
  const reused: RemoteOccurrence[] = [];
  const fresh: RemoteOccurrence[] = [];
  for (const o of remote) {
    const known = byKey.get(occurrenceKey(o));
    // Details that came from the room's copy are asked for again: the organizer may be reachable now.
    const unchanged =
      known !== undefined &&
      known.detailSource === 'organizer' &&
      known.ewsItemId === o.itemId &&
      known.ewsChangeKey === o.changeKey;
    if (!known || !unchanged || o.isCancelled) {
      fresh.push(o);
      continue;
    }
    reused.push(withStoredDetails(o, known));
  }
  return { reused, fresh };
}

/**
 * Where the organizer's copy could not be read this time (a mailbox move, a network hiccup) but a
 * stored booking of the same meeting carries details read from it earlier, those stay: the
 * booking must not flip to the room's stripped subject and back.
 */
export function keepOrganizerDetails(
  remote: readonly RemoteOccurrence[],
  stored: readonly StoredBooking[],
): RemoteOccurrence[] {
  const byKey = new Map(
    stored.filter((b) => b.detailSource === 'organizer').map((b) => [occurrenceKey(b), b] as const),
  );
  return remote.map((o) => {
    const known = o.detailSource === 'room' ? byKey.get(occurrenceKey(o)) : undefined;
    if (!known || known.organizerEmail.toLowerCase() !== o.organizer.email.toLowerCase()) return o;
    return withStoredDetails(o, known);
  });
}

/** A stored booking as the occurrence it was written from (phase 2 asks its organizer for the rest). */
export function occurrenceOf(b: StoredBooking): RemoteOccurrence {
  return {
    cleanGlobalObjectId: b.cleanGlobalObjectId,
    uid: b.uid,
    originalStart: b.originalStart,
    start: b.start,
    end: b.end,
    itemId: b.ewsItemId,
    changeKey: b.ewsChangeKey,
    recurringMasterId: b.recurringMasterId,
    isCancelled: false,
    subject: b.subject,
    description: b.description,
    location: b.location,
    isPrivate: b.isPrivate,
    organizer: { name: b.organizerName, email: b.organizerEmail },
    attendees: b.attendees,
    joinOnlineMeetingUrl: b.onlineMeetingUrl,
    detailSource: b.detailSource,
  };
}
