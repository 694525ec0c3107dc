import { attendeeCount } from '../../../domain/catering/follow';
import { AppError, notFound, unprocessable } from '../../../domain/errors';
import { GatewayError } from '../../../ports/calendarGateway';
import type { MeetingOfItem } from '../../../ports/meetingLookup';
import type { MeetingBooking, MeetingIdentity } from '../../../ports/orders';
import { DEFAULT_SYNC_WAIT, type OrdersServiceDeps, type SyncWait } from './types';

/**
 * Outlook items as order targets. The add-in knows the EWS ItemId of the appointment it shows;
 * the meeting's identity (CleanGlobalObjectId, UID, original start) is read through EWS in the
 * mailbox of the person asking, so an id from someone else's mailbox is not found — that is the
 * check that keeps people to meetings they are part of. Nothing is written to Exchange.
 */

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function meetingOfItem(deps: OrdersServiceDeps, mailbox: string, itemId: string): Promise<MeetingOfItem> {
  const lookup = deps.meetingLookup ? await deps.meetingLookup() : null;
  if (!lookup)
    throw new AppError('unavailable', 'No Exchange connection is configured, so Outlook meetings cannot be looked up.');
  let found: MeetingOfItem | null;
  try {
    found = await lookup.identityOfItem(mailbox, itemId);
  } catch (err) {
    if (err instanceof GatewayError)
      throw new AppError(
        'unavailable',
        `Exchange cannot be reached, so the meeting could not be looked up: ${err.message}`,
      );
    throw err;
  }
  if (!found) throw new AppError('not_found', `No such appointment in the calendar of ${mailbox}`);
  if (found.cleanGlobalObjectId === null && found.uid === null)
    throw unprocessable('This appointment is not a meeting Exchange can identify', { field: 'target.itemId' });
  return found;
}

export const identityOf = (meeting: MeetingOfItem): MeetingIdentity => ({
  cleanGlobalObjectId: meeting.cleanGlobalObjectId,
  uid: meeting.uid,
  originalStart: meeting.originalStart,
});

function refuseUnorderable(meeting: MeetingOfItem): void {
  if (meeting.kind === 'series')
    throw unprocessable('This is the whole series: open one occurrence to order for it', {
      field: 'target.itemId',
      reason: 'series-master',
    });
  if (meeting.isCancelled) throw unprocessable('The meeting is cancelled', { reasons: ['event-cancelled'] });
}

/**
 * The room booking of the item's meeting (in `roomId` when given). A meeting the organizer has just
 * saved reaches the room's calendar, and then the sync, a moment later: wait for it briefly rather
 * than refuse at once, then answer 409 meeting_not_synced so the pane can say "try again shortly".
 */
export async function bookingOfItem(
  deps: OrdersServiceDeps,
  meeting: MeetingOfItem,
  roomId: string | undefined,
  wait: SyncWait = deps.syncWait ?? DEFAULT_SYNC_WAIT,
): Promise<MeetingBooking> {
  refuseUnorderable(meeting);
  const sleep = wait.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    const found = (await deps.bookings.liveOfMeeting(identityOf(meeting))).filter(
      (b) => roomId === undefined || b.roomId === roomId,
    );
    const [first, ...others] = found;
    if (first && others.length === 0) return first;
    if (first)
      throw unprocessable('The meeting has several rooms: say which one (roomId)', {
        field: 'target.roomId',
        roomIds: found.map((b) => b.roomId),
      });
    if (attempt >= wait.attempts) break;
    await sleep(wait.intervalMs);
  }
  throw new AppError(
    'meeting_not_synced',
    "The meeting is not in the room's calendar yet — try again in a moment. (A meeting that was saved but not " +
      'sent has not invited the room yet.)',
    { reason: 'meeting-not-synced', ...(roomId === undefined ? {} : { roomId }) },
  );
}

/** What an Outlook item target orders for: the room's booking, or the meeting as the organizer saved it. */
export interface ItemTarget {
  /** With `awaiting`, a stand-in built from the organizer's copy: its id is no booking's and is never stored. */
  readonly booking: MeetingBooking;
  readonly awaiting: boolean;
}

const ONE_LOOK: SyncWait = { attempts: 1, intervalMs: 0 };

/** The meeting as the organizer's own copy has it, placed in the room the add-in added. */
async function meetingAsSaved(
  deps: OrdersServiceDeps,
  meeting: MeetingOfItem,
  roomId: string,
): Promise<MeetingBooking> {
  const place = await deps.bookings.roomPlace(roomId);
  if (!place) throw notFound('Room', roomId);
  const organizerEmail = meeting.organizerEmail ?? '';
  const people = meeting.attendeeEmails
    .filter((email) => email.trim().toLowerCase() !== place.exchangeEmail)
    .map((email) => ({ email, kind: 'required' }));
  return {
    id: '',
    status: 'pending',
    start: meeting.start,
    end: meeting.end,
    roomId,
    buildingId: place.buildingId,
    timeZone: place.timeZone,
    subject: meeting.subject,
    organizerEmail,
    organizerName: '',
    attendeeCount: attendeeCount(people, organizerEmail),
    cleanGlobalObjectId: meeting.cleanGlobalObjectId,
    uid: meeting.uid,
    originalStart: meeting.originalStart,
    isOccurrence: meeting.kind !== 'single',
  };
}

/**
 * The order target of an Outlook item. Without a room the meeting must already be in a room's
 * calendar (bookingOfItem). With the room the add-in put in the meeting, a meeting that has no
 * booking there yet is ordered for as it is saved, and the order waits for the room's booking
 * (awaitingMeeting): Outlook's saveAsync on a new appointment saves it without sending it, and
 * the room only gets it when the organizer presses Send. A meeting that was never sent cannot
 * be in the room's calendar, so it is not waited for; one that was sent gets the usual wait.
 */
export async function targetOfItem(
  deps: OrdersServiceDeps,
  meeting: MeetingOfItem,
  roomId: string | undefined,
): Promise<ItemTarget> {
  if (roomId === undefined) return { booking: await bookingOfItem(deps, meeting, undefined), awaiting: false };
  try {
    const wait = meeting.requestWasSent ? undefined : ONE_LOOK;
    return { booking: await bookingOfItem(deps, meeting, roomId, wait), awaiting: false };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'meeting_not_synced') throw err;
  }
  return { booking: await meetingAsSaved(deps, meeting, roomId), awaiting: true };
}
