import type { ApiClient } from '../api/client';
import type { OfficeHost } from '../office/officeHost';
import { authEndpoints } from '../../shared/api/auth';
import { locationsEndpoints } from '../../shared/api/locations';
import { roomsEndpoints } from '../../shared/api/rooms';
import { initialFilters, searchQuery } from './rooms/searchQuery';

/**
 * Starts the pane's first API calls as soon as the script runs, in parallel with React's mount
 * and the session check, instead of one after the other (who am I -> mount -> locations and the
 * room search). The components then call as they always do and take these answers
 * (ApiClient.prefetch); if the pane asks for something else, the early answer simply goes unused.
 */
export function startFirstCalls(
  client: ApiClient,
  host: OfficeHost,
  options: { readonly session: boolean; readonly rooms: boolean },
): void {
  if (options.session) client.prefetch(authEndpoints.me);
  if (!options.rooms) return;
  client.prefetch(locationsEndpoints.listBuildings);
  client.prefetch(locationsEndpoints.listFloors);
  void prefetchSearch(client, host);
}

async function prefetchSearch(client: ApiClient, host: OfficeHost): Promise<void> {
  try {
    const [appointment, properties] = await Promise.all([host.readAppointment(), host.loadProperties()]);
    if (appointment.mode === 'attendee') return;
    client.prefetch(roomsEndpoints.searchRooms, {
      query: searchQuery(appointment, initialFilters(appointment, properties)),
    });
  } catch {
    // The pane reads the item itself and shows why it could not; nothing to start early.
  }
}
