import type { DisplayState } from '../../../shared/schemas/displays';
import { interval, type Interval } from '../../domain/availability/interval';
import type { DisplayPrincipal } from '../../domain/displays/principal';
import { isTaken, localDay, roomState, type DisplaySettings, type RoomMeeting } from '../../domain/displays/state';
import { notFound } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { DisplayRoom, DisplayRoomRepository } from '../../ports/displays';
import type { RoomSearchRepository, ScheduledBooking } from '../../ports/roomSearch';

export interface DisplayStateDeps {
  readonly rooms: DisplayRoomRepository;
  readonly roomSearch: RoomSearchRepository;
  readonly clock: Clock;
  /** The privacy and check-in settings that apply to this room. */
  readonly settingsFor: (roomId: string) => Promise<DisplaySettings>;
  /** Of these bookings, those someone checked in to at a display. */
  readonly checkedIn: (bookingIds: readonly string[]) => Promise<Set<string>>;
  /** Whether actions on this display need its PIN. */
  readonly pinRequired: (displayId: string) => Promise<boolean>;
}

/** What the state and the actions are computed from, read at one instant. */
export interface RoomSnapshot {
  readonly room: DisplayRoom;
  readonly now: number;
  readonly meetings: readonly RoomMeeting[];
  readonly settings: DisplaySettings;
}

export interface DisplayStateService {
  snapshot(display: DisplayPrincipal): Promise<RoomSnapshot>;
  stateOf(display: DisplayPrincipal): Promise<DisplayState>;
}

/** Rooms offered when this one is taken must be free for this long from now. */
export const NEARBY_FREE_MINUTES = 30;
const NEARBY_SHOWN = 4;
const DAY_MS = 24 * 3_600_000;

function toMeeting(booking: ScheduledBooking, checkedIn: Set<string>): RoomMeeting {
  return {
    id: booking.id,
    span: booking.span,
    subject: booking.subject,
    organizerName: booking.organizer.name === '' ? null : booking.organizer.name,
    isPrivate: booking.isPrivate,
    status: booking.status,
    checkedIn: checkedIn.has(booking.id),
  };
}

export function createDisplayStateService(deps: DisplayStateDeps): DisplayStateService {
  async function freeRooms(room: DisplayRoom, window: Interval, where: { floorId?: string; buildingId?: string }) {
    const { hits } = await deps.roomSearch.search({
      window,
      tags: [],
      words: [],
      onlyAvailable: true,
      offset: 0,
      limit: NEARBY_SHOWN + 1,
      ...where,
    });
    return hits.map((hit) => hit.room).filter((other) => other.id !== room.id);
  }

  /** Same floor first, then the rest of the building; each best fit first as the search ranks them. */
  async function nearestFree(room: DisplayRoom, now: number): Promise<DisplayState['nearestFree']> {
    const window = interval(now, now + NEARBY_FREE_MINUTES * 60_000);
    const sameFloor = await freeRooms(room, window, { floorId: room.floorId });
    const building =
      sameFloor.length >= NEARBY_SHOWN ? [] : await freeRooms(room, window, { buildingId: room.buildingId });
    const seen = new Set<string>();
    return [...sameFloor, ...building]
      .filter((other) => !seen.has(other.id) && seen.add(other.id))
      .slice(0, NEARBY_SHOWN)
      .map((other) => ({
        id: other.id,
        name: other.name,
        capacity: other.capacity,
        floorName: other.floorName,
        buildingName: other.buildingName,
        sameFloor: other.floorId === room.floorId,
      }));
  }

  async function snapshot(display: DisplayPrincipal): Promise<RoomSnapshot> {
    const room = await deps.rooms.roomOf(display.roomId);
    if (!room) throw notFound('Room', display.roomId);
    const now = deps.clock.now().getTime();
    const day = localDay(now, room.timeZone);
    // Today, and far enough ahead that "next meetings" are shown late in the evening too.
    const window = interval(day.start, Math.max(day.end, now + DAY_MS));
    const [bookings, settings] = await Promise.all([
      deps.roomSearch.bookingsOf(room.id, window),
      deps.settingsFor(room.id),
    ]);
    const checkedIn = await deps.checkedIn(bookings.map((b) => b.id));
    return { room, now, settings, meetings: bookings.map((b) => toMeeting(b, checkedIn)) };
  }

  return {
    snapshot,
    async stateOf(display) {
      const { room, now, meetings, settings } = await snapshot(display);
      const state = roomState({ now, timeZone: room.timeZone, meetings, settings });
      return {
        now: new Date(now).toISOString(),
        room: {
          id: room.id,
          name: room.name,
          capacity: room.capacity,
          tags: [...room.tags],
          floorName: room.floorName,
          buildingName: room.buildingName,
          timeZone: room.timeZone,
        },
        ...state,
        nearestFree: isTaken(state.state, state.current) ? await nearestFree(room, now) : [],
        pinRequired: await deps.pinRequired(display.displayId),
      };
    },
  };
}
