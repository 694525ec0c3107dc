import { idParamsSchema } from '../schemas/common';
import {
  roomScheduleQuerySchema,
  roomScheduleSchema,
  roomSearchPageSchema,
  roomSearchQuerySchema,
} from '../schemas/search';
import { endpoint } from './endpoint';

/**
 * Room search and a room's timeline. Reading, creating and changing one room (GET/PUT/PATCH/
 * DELETE /rooms/:id) are location endpoints, declared in shared/api/locations.ts.
 */
export const roomsEndpoints = {
  searchRooms: endpoint({
    method: 'get',
    path: '/rooms',
    summary:
      'Search active rooms, best fit first: smallest capacity first, then free before partly busy before busy, then name. ' +
      'With start and end, each result carries its availability in that window (pending and confirmed bookings count as busy).',
    tag: 'Rooms',
    access: 'signed-in',
    query: roomSearchQuerySchema,
    response: roomSearchPageSchema,
  }),
  roomSchedule: endpoint({
    method: 'get',
    path: '/rooms/:id/schedule',
    summary:
      "One room's pending and confirmed bookings overlapping from..to (at most 31 days). Private bookings show only " +
      '"Private meeting" unless the reader is the organizer or an admin.',
    tag: 'Rooms',
    access: 'signed-in',
    params: idParamsSchema,
    query: roomScheduleQuerySchema,
    response: roomScheduleSchema,
  }),
};
