import type { DisplayMeeting, DisplayState } from '../../../shared/schemas/displays';

/** Test data for the display app: a room in Berlin on 7 December 2026 (UTC+1). */
export const ROOM_ZONE = 'Europe/Berlin';
export const at = (hhmm: string): string => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2026, 11, 7, (h ?? 0) - 1, m ?? 0)).toISOString();
};
export const atMs = (hhmm: string): number => Date.parse(at(hhmm));

export function meeting(start: string, end: string, overrides: Partial<DisplayMeeting> = {}): DisplayMeeting {
  return {
    start: at(start),
    end: at(end),
    title: 'Design review',
    organizer: 'Emma Schmidt',
    status: 'confirmed',
    checkedIn: false,
    released: false,
    ...overrides,
  };
}

/** A state as the server would send it at `now` for the given meetings (today's timeline = all). */
export function displayState(
  now: string,
  meetings: DisplayMeeting[],
  overrides: Partial<DisplayState> = {},
): DisplayState {
  const nowMs = atMs(now);
  const holding = meetings.filter((m) => !m.released);
  const current = holding.find((m) => Date.parse(m.start) <= nowMs && nowMs < Date.parse(m.end)) ?? null;
  return {
    now: at(now),
    room: {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Elbe',
      capacity: 8,
      tags: ['Screen', 'Whiteboard'],
      floorName: 'Floor 2',
      buildingName: 'Harbour House',
      timeZone: ROOM_ZONE,
    },
    state: current ? 'busy' : 'free',
    current,
    minutesLeft: null,
    next: holding.filter((m) => Date.parse(m.start) > nowMs).slice(0, 3),
    today: meetings,
    nearestFree: current
      ? [
          {
            id: '00000000-0000-4000-8000-000000000002',
            name: 'Alster',
            capacity: 6,
            floorName: 'Floor 2',
            buildingName: 'Harbour House',
            sameFloor: true,
          },
        ]
      : [],
    bookNowOptions: current ? [] : [15, 30, 60, 'until-next'],
    checkInRequired: false,
    checkInWindow: { beforeMinutes: 10, afterMinutes: 10 },
    pinRequired: false,
    ...overrides,
  };
}
