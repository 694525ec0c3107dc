import type { DisplayState } from '../../../shared/schemas/displays';
import { interval, type Interval } from '../../domain/availability/interval';
import { bookNowOptionsNow, type BookNowContext } from '../../domain/displays/bookNow';
import type { DisplayPrincipal } from '../../domain/displays/principal';
import { isTaken, localDay, roomState, type DisplaySettings, type RoomMeeting } from '../../domain/displays/state';
import { notFound } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { DisplayRoom, DisplayRoomRepository } from '../../ports/displays';
import type { ReleasedMeeting } from '../../ports/roomReleases';
import type { RoomSearchRepository, ScheduledBooking } from '../../ports/roomSearch';
import type { FloorOccupancyService } from '../plan';
import type { OpeningHours } from '../../../shared/schemas/locations';

export interface DisplayStateDeps {
  readonly rooms: DisplayRoomRepository;
  readonly roomSearch: RoomSearchRepository;
  readonly clock: Clock;
  /** The privacy and check-in settings that apply to this room. */
  readonly settingsFor: (roomId: string) => Promise<DisplaySettings>;
  /** Of these bookings, those someone checked in to at a display. */
  readonly checkedIn: (bookingIds: readonly string[]) => Promise<Set<string>>;
  /** The room's released meetings in a window (kept on the timeline, greyed). */
  readonly releasedIn: (roomId: string, window: Interval) => Promise<ReleasedMeeting[]>;
  /** Whether actions on this display need its PIN. */
  readonly pinRequired: (displayId: string) => Promise<boolean>;
  /**
   * Rooms free now and for `minutes` near a room, by the live plan's rule (FloorOccupancyService.freeNear):
   * one rule for "free" on the plan and on the wall.
   */
  readonly freeNear: FloorOccupancyService['freeNear'];
  /** The room's booking rules as a test of a book-now slot (none: every slot passes). */
  readonly bookNowRules?: (roomId: string) => Promise<(slot: Interval) => boolean>;
}

/** What the state and the actions are computed from, read at one instant. */
export interface RoomSnapshot {
  readonly room: DisplayRoom;
  readonly now: number;
  readonly meetings: readonly RoomMeeting[];
  readonly settings: DisplaySettings;
  readonly openingHours: OpeningHours;
}

/** What "book now" is decided on: the meetings that hold the room, and the building's hours. */
export function bookNowContext(snap: RoomSnapshot): BookNowContext {
  return {
    now: snap.now,
    timeZone: snap.room.timeZone,
    openingHours: snap.openingHours,
    busy: snap.meetings.filter((m) => m.released !== true).map((m) => m.span),
  };
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
    // Booked at the door (book now, or an extension): whoever booked it is there, so no check-in is asked.
    checkedIn: checkedIn.has(booking.id) || booking.source === 'display',
  };
}

function releasedMeeting(released: ReleasedMeeting, index: number): RoomMeeting {
  return {
    id: released.bookingId ?? `released-${index}`,
    span: released.span,
    subject: released.subject,
    organizerName: released.organizerName === '' ? null : released.organizerName,
    isPrivate: released.isPrivate,
    status: 'confirmed',
    checkedIn: false,
    released: true,
  };
}

export function createDisplayStateService(deps: DisplayStateDeps): DisplayStateService {
  /** Same floor first, then the building's nearest floors: free now and for 30 minutes by the plan's rule. */
  async function nearestFree(room: DisplayRoom): Promise<DisplayState['nearestFree']> {
    const free = await deps.freeNear(
      { roomId: room.id, floorId: room.floorId, buildingId: room.buildingId },
      NEARBY_FREE_MINUTES,
      NEARBY_SHOWN,
    );
    return free.map((other) => ({
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
    const [bookings, settings, released, schedule] = await Promise.all([
      deps.roomSearch.bookingsOf(room.id, window),
      deps.settingsFor(room.id),
      deps.releasedIn(room.id, window),
      deps.roomSearch.scheduleRoom(room.id),
    ]);
    const checkedIn = await deps.checkedIn(bookings.map((b) => b.id));
    // A release is a fact before the sync sees the room's decline: the booking may still be listed.
    const releasedIds = new Set(released.map((r) => r.bookingId));
    const meetings = [
      ...bookings.filter((b) => !releasedIds.has(b.id)).map((b) => toMeeting(b, checkedIn)),
      ...released.map(releasedMeeting),
    ];
    return { room, now, settings, meetings, openingHours: schedule?.openingHours ?? {} };
  }

  return {
    snapshot,
    async stateOf(display) {
      const snap = await snapshot(display);
      const { room, now, meetings, settings } = snap;
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
        nearestFree: isTaken(state.state, state.current) ? await nearestFree(room) : [],
        bookNowOptions: bookNowOptionsNow(
          settings.bookNowOptions,
          bookNowContext(snap),
          deps.bookNowRules ? await deps.bookNowRules(room.id) : undefined,
        ),
        checkInRequired: settings.checkIn.required,
        checkInWindow: {
          beforeMinutes: settings.checkIn.windowBeforeMinutes,
          afterMinutes: settings.checkIn.windowAfterMinutes,
        },
        pinRequired: await deps.pinRequired(display.displayId),
      };
    },
  };
}
