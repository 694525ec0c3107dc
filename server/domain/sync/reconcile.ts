import { onlineMeetingLink } from './onlineMeetingLink';
import { occurrenceKey, type Attendee, type DetailSource, type RemoteOccurrence } from './remoteCalendar';

/** The synced fields of a booking: what Exchange decides. */
export interface SyncedBookingFields {
  readonly start: Date;
  readonly end: Date;
  readonly subject: string;
  readonly organizerName: string;
  readonly organizerEmail: string;
  readonly attendees: readonly Attendee[];
  readonly description: string;
  readonly location: string;
  readonly onlineMeetingUrl: string | null;
  readonly isPrivate: boolean;
  readonly ewsItemId: string;
  readonly ewsChangeKey: string;
  readonly cleanGlobalObjectId: string;
  readonly uid: string;
  readonly recurringMasterId: string | null;
  readonly originalStart: Date | null;
  readonly isOccurrence: boolean;
  readonly detailSource: DetailSource;
  /** Written from headers by phase 1 of a first sync; phase 2 fills in the organizer's details. */
  readonly detailsPending: boolean;
}

export type BookingStatus = 'pending' | 'confirmed' | 'declined' | 'cancelled';

export interface StoredBooking extends SyncedBookingFields {
  readonly id: string;
  readonly status: BookingStatus;
  readonly source: 'exchange' | 'app' | 'display';
  /**
   * Roomserve cancelled the meeting in Exchange. A cancelled meeting never comes back, so a room's
   * copy that still shows it is only behind (the attendant has not processed the cancellation yet).
   */
  readonly meetingCancelled: boolean;
}

export interface BookingUpdate {
  readonly bookingId: string;
  readonly fields: SyncedBookingFields;
  /** The booking was not confirmed before (pending echo, or a meeting that came back). */
  readonly confirms: boolean;
}

export interface BookingCancellation {
  readonly bookingId: string;
  readonly reason: 'cancelled-in-exchange' | 'removed-from-room-calendar';
}

export interface ReconcilePlan {
  readonly create: readonly SyncedBookingFields[];
  readonly update: readonly BookingUpdate[];
  readonly cancel: readonly BookingCancellation[];
  readonly unchanged: number;
}

export function fieldsOf(o: RemoteOccurrence): SyncedBookingFields {
  return {
    start: o.start,
    end: o.end,
    subject: o.subject,
    organizerName: o.organizer.name,
    organizerEmail: o.organizer.email,
    attendees: o.attendees,
    description: o.description,
    location: o.location,
    onlineMeetingUrl: onlineMeetingLink({
      joinOnlineMeetingUrl: o.joinOnlineMeetingUrl,
      location: o.location,
      body: o.description,
    }),
    isPrivate: o.isPrivate,
    ewsItemId: o.itemId,
    ewsChangeKey: o.changeKey,
    cleanGlobalObjectId: o.cleanGlobalObjectId,
    uid: o.uid,
    recurringMasterId: o.recurringMasterId,
    originalStart: o.originalStart,
    isOccurrence: o.originalStart !== null,
    detailSource: o.detailSource,
    detailsPending: o.detailsPending ?? false,
  };
}

const sameTime = (a: Date | null, b: Date | null): boolean =>
  a === null || b === null ? a === b : a.getTime() === b.getTime();

function sameAttendees(a: readonly Attendee[], b: readonly Attendee[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        x.email.toLowerCase() === y.email.toLowerCase() &&
        x.name === y.name &&
        x.kind === y.kind &&
        x.response === y.response
      );
    })
  );
}

export function sameSyncedFields(a: SyncedBookingFields, b: SyncedBookingFields): boolean {
  return (
    sameTime(a.start, b.start) &&
    sameTime(a.end, b.end) &&
    sameTime(a.originalStart, b.originalStart) &&
    a.subject === b.subject &&
    a.organizerName === b.organizerName &&
    a.organizerEmail.toLowerCase() === b.organizerEmail.toLowerCase() &&
    a.description === b.description &&
    a.location === b.location &&
    a.onlineMeetingUrl === b.onlineMeetingUrl &&
    a.isPrivate === b.isPrivate &&
    a.ewsItemId === b.ewsItemId &&
    a.ewsChangeKey === b.ewsChangeKey &&
    a.cleanGlobalObjectId === b.cleanGlobalObjectId &&
    a.uid === b.uid &&
    a.recurringMasterId === b.recurringMasterId &&
    a.isOccurrence === b.isOccurrence &&
    a.detailSource === b.detailSource &&
    a.detailsPending === b.detailsPending &&
    sameAttendees(a.attendees, b.attendees)
  );
}

const isLive = (b: StoredBooking): boolean => b.status === 'confirmed' || b.status === 'pending';

/**
 * Compares what one room's calendar holds in a scope (one series, or a time window) with the
 * bookings stored for the same room and scope, and says what to write so they match.
 *
 * Meetings are matched by identity (clean global object id + original start), never by ItemId, so
 * a meeting that moved, changed its ItemId or came back after a resync keeps its booking: users
 * never see a booking vanish and reappear. Unchanged bookings are not written at all, and a booking
 * whose meeting Roomserve cancelled is never confirmed again.
 */
export function reconcile(remote: readonly RemoteOccurrence[], stored: readonly StoredBooking[]): ReconcilePlan {
  const wanted = new Map<string, RemoteOccurrence>();
  for (const o of remote) if (!o.isCancelled) wanted.set(occurrenceKey(o), o);
  const cancelledRemotely = new Set(remote.filter((o) => o.isCancelled).map(occurrenceKey));

  const matched = new Set<string>();
  const update: BookingUpdate[] = [];
  const cancel: BookingCancellation[] = [];
  let unchanged = 0;

  // Prefer the live booking when a key is stored twice, so the duplicate is what gets cancelled.
  const ordered = [...stored].sort((a, b) => Number(isLive(b)) - Number(isLive(a)));
  for (const booking of ordered) {
    const key = occurrenceKey(booking);
    const occurrence = wanted.get(key);
    if (occurrence && !matched.has(key)) {
      matched.add(key);
      if (booking.meetingCancelled) {
        unchanged += 1;
        continue;
      }
      const fields = fieldsOf(occurrence);
      const confirms = booking.status !== 'confirmed';
      if (confirms || !sameSyncedFields(booking, fields)) update.push({ bookingId: booking.id, fields, confirms });
      else unchanged += 1;
      continue;
    }
    if (booking.status === 'confirmed') {
      cancel.push({
        bookingId: booking.id,
        reason: cancelledRemotely.has(key) ? 'cancelled-in-exchange' : 'removed-from-room-calendar',
      });
    }
  }

  const create = [...wanted.entries()].filter(([key]) => !matched.has(key)).map(([, o]) => fieldsOf(o));
  return { create, update, cancel, unchanged };
}
