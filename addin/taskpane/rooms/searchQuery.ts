import type { AddinProperties, AppointmentSnapshot } from '../../office/officeHost';
import { headcountOf } from '../../office/officeHost';
import { toOffsetIso } from '../../ui/time';
import type { RoomFilterValues } from './RoomFilters';

const PAGE_SIZE = 30;

/** The filters a pane starts with: as many seats as the meeting has people, nothing else. */
export function initialFilters(appointment: AppointmentSnapshot, properties: AddinProperties): RoomFilterValues {
  const chosenEmail = properties.room?.roomEmail.toLowerCase();
  const people = headcountOf(appointment, new Set(chosenEmail ? [chosenEmail] : []));
  return { people, building: '', floor: '', tags: [], text: '' };
}

/**
 * The room search's query for the meeting and filters. One function for the pane and for the
 * search main.tsx starts before React mounts, so the early answer is the one the pane asks for.
 */
export function searchQuery(meeting: { readonly start: Date; readonly end: Date }, filters: RoomFilterValues) {
  return {
    start: toOffsetIso(meeting.start),
    end: toOffsetIso(meeting.end),
    minCapacity: filters.people,
    tags: [...filters.tags],
    building: filters.building || undefined,
    floor: filters.floor || undefined,
    q: filters.text.trim() || undefined,
    pageSize: PAGE_SIZE,
    // Busy rooms say who holds them, so the user can ask that person or pick a free room.
    holders: 'true' as const,
  };
}
