import type { EarlyAnswers } from '../api/early';
import { getRequest, type HttpRequest, type HttpResponse } from '../api/http';
import type { OfficeHost } from '../office/officeHost';
import { initialFilters, searchQuery } from './rooms/searchQuery';

/**
 * The paths of the pane's first calls. The endpoint contracts (shared/api) carry their zod schemas,
 * which this first script leaves to the pane's chunk; firstCalls.test.ts holds these to the contracts.
 */
export const FIRST_CALL_PATHS = {
  me: '/auth/me',
  buildings: '/buildings',
  floors: '/floors',
  rooms: '/rooms',
} as const;

const BASE_URL = '/api';

/**
 * Starts the pane's first API calls as soon as the first script runs, in parallel with the
 * download of React, Fluent UI and the pane, instead of one after the other (script -> mount ->
 * who am I -> locations and the room search). The ApiClient made later takes these answers
 * (ApiClientOptions.early) when the components ask for the same URLs; anything else goes unused.
 */
export function startFirstCalls(
  early: EarlyAnswers,
  host: OfficeHost,
  send: (request: HttpRequest) => Promise<HttpResponse>,
  options: { readonly session: boolean; readonly rooms: boolean },
): void {
  const start = (path: string, query?: unknown) => early.start(getRequest(BASE_URL, path, undefined, query), send);
  if (options.session) start(FIRST_CALL_PATHS.me);
  if (!options.rooms) return;
  const startLocations = () => {
    start(FIRST_CALL_PATHS.buildings);
    start(FIRST_CALL_PATHS.floors);
  };
  // The search is the slowest answer and the one the first screen waits for: the server takes it
  // up before the filter lists (which the last opening's copy stands in for meanwhile).
  void startSearch(host, (query) => start(FIRST_CALL_PATHS.rooms, query)).finally(startLocations);
}

async function startSearch(host: OfficeHost, start: (query: unknown) => void): Promise<void> {
  try {
    const [appointment, properties] = await Promise.all([host.readAppointment(), host.loadProperties()]);
    if (appointment.mode === 'attendee') return;
    start(searchQuery(appointment, initialFilters(appointment, properties)));
  } catch {
    // The pane reads the item itself and shows why it could not; nothing to start early.
  }
}
