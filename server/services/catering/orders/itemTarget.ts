import { AppError, unprocessable } from '../../../domain/errors';
import { GatewayError } from '../../../ports/calendarGateway';
import type { MeetingOfItem } from '../../../ports/meetingLookup';
import type { MeetingBooking, MeetingIdentity } from '../../../ports/orders';
import { DEFAULT_SYNC_WAIT, type OrdersServiceDeps } from './types';

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

/**
 * The room booking of the item's meeting (in `roomId` when given). A meeting the organizer has just
 * saved reaches the room's calendar, and then the sync, a moment later: wait for it briefly rather
 * than refuse at once, then answer 409 meeting_not_synced so the pane can say "try again shortly".
 */
export async function bookingOfItem(
  deps: OrdersServiceDeps,
  meeting: MeetingOfItem,
  roomId: string | undefined,
): Promise<MeetingBooking> {
  if (meeting.kind === 'series')
    throw unprocessable('This is the whole series: open one occurrence to order for it', {
      field: 'target.itemId',
      reason: 'series-master',
    });
  if (meeting.isCancelled) throw unprocessable('The meeting is cancelled', { reasons: ['event-cancelled'] });
  const wait = deps.syncWait ?? DEFAULT_SYNC_WAIT;
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
