import type { RemoteOccurrence } from '../domain/sync/remoteCalendar';
import type { RemoteItemHeader, TimeWindow } from '../ports/calendarGateway';

export const overlaps = (item: { start: Date; end: Date }, window: TimeWindow): boolean =>
  item.start < window.end && item.end > window.start;

/**
 * A changed single meeting as SyncFolderItems reported it: the room copy's times, subject and
 * location, without body and attendees, which the organizer's copy (or the room's full copy) adds.
 */
export function singleFromHeader(header: RemoteItemHeader): RemoteOccurrence {
  return {
    cleanGlobalObjectId: header.cleanGlobalObjectId,
    uid: header.uid,
    originalStart: null,
    start: header.start,
    end: header.end,
    itemId: header.itemId,
    changeKey: header.changeKey,
    recurringMasterId: null,
    isCancelled: header.isCancelled,
    subject: header.subject,
    description: '',
    location: header.location,
    isPrivate: false,
    organizer: header.organizer,
    attendees: [],
    joinOnlineMeetingUrl: null,
    detailSource: 'room',
  };
}
