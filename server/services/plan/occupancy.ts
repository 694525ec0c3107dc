import type { FloorOccupancy, PlanRoom } from '../../../shared/schemas/plan';
import type { Role } from '../../../shared/schemas/users';
import type { Actor } from '../../domain/actor';
import { DEFAULT_BOOKING_PRIVACY, organizerKey, visibilityClass } from '../../domain/availability/bookingVisibility';
import { interval, type Interval } from '../../domain/availability/interval';
import { settingsForRoom } from '../../domain/displays/settings';
import { invalid, notFound } from '../../domain/errors';
import {
  describeHorizon,
  freeFor,
  nextStateChange,
  occupancyHorizon,
  occupancyState,
  roomOccupancy,
  type OccupancyMeeting,
} from '../../domain/plan/occupancy';
import type { Clock } from '../../ports/clock';
import type { FloorBooking, FloorOccupancyRepository, FloorRelease, OccupancyRoom } from '../../ports/floorOccupancy';
import type { RoomChanges } from '../../ports/roomChanges';
import type { FloorCatalog, PlanCatalog, PlanSettings } from './catalog';
import { memo } from './memo';
import { createPlanViews, type ViewFacts } from './views';

export interface FloorOccupancyDeps {
  readonly floors: Pick<FloorOccupancyRepository, 'bookings' | 'releases'>;
  /** Floors, rooms and settings, kept between reads (services/plan/catalog.ts). */
  readonly catalog: Pick<PlanCatalog, 'floor' | 'buildingFloors' | 'settings'>;
  readonly clock: Clock;
  /**
   * Bookings, check-ins and releases are published here (on every instance). With it, each floor's
   * meetings of the coming day are kept between reads of "now" until one of its rooms changes:
   * 300 open plans refetching after one change cost one read, not 300.
   */
  readonly changes?: Pick<RoomChanges, 'subscribe'> | undefined;
  /** A bound on how long kept meetings serve, should a change from another instance be lost. */
  readonly meetingsMaxAgeMs?: number | undefined;
}

/** A room free now by the plan's rule, near another one. */
export interface NearbyFreeRoom {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  readonly floorId: string;
  readonly floorName: string;
  readonly buildingName: string;
}

export interface FloorOccupancyService {
  /** Every room of the floor at `at` (now when undefined), as `reader` may see it. */
  occupancy(reader: Actor, floorId: string, at?: string): Promise<FloorOccupancy>;
  /**
   * Rooms free now and for `minutes` by the plan's rule (bookable by employees), other than
   * `roomId`: its floor's first (by name), then the building's nearest floors by level; at most `limit`.
   */
  /** Stops listening for changes. */
  stop(): void;
  freeNear(
    place: { roomId: string; floorId: string; buildingId: string },
    minutes: number,
    limit: number,
  ): Promise<NearbyFreeRoom[]>;
}

const HOUR_MS = 3_600_000;
/** Far enough ahead to list the next meetings of the day after `at`. */
const LOOKAHEAD_MS = 24 * HOUR_MS;
const MINUTE_MS = 60_000;
const DEFAULT_MEETINGS_MAX_AGE_MS = 30_000;
/** Floors × instants whose answers are kept at once: every floor's "now", and slider instants. */
const MAX_KEPT_VIEWS = 500;

/** What one floor's answers at one instant are built from (the catalog's floor, read once). */
interface FloorFacts extends ViewFacts {
  readonly catalogued: FloorCatalog;
  readonly instant: number;
  readonly horizon: Interval;
  readonly meetings: ReadonlyMap<string, readonly OccupancyMeeting[]>;
  readonly settings: PlanSettings;
}

/** The meetings a floor's kept read holds: which rooms, read in which hour. */
interface KeptMeetings {
  readonly hour: number;
  readonly roomIds: ReadonlySet<string>;
}

const fromBooking = (b: FloorBooking): OccupancyMeeting => ({
  id: b.id,
  span: b.span,
  subject: b.subject,
  organizer: b.organizer,
  attendees: b.attendees,
  isPrivate: b.isPrivate,
  status: b.status,
  // Booked at the door (book now, an extension): whoever booked it is there.
  checkedIn: b.checkedIn || b.source === 'display',
  released: false,
});

const fromRelease = (r: FloorRelease, index: number): OccupancyMeeting => ({
  id: r.bookingId ?? `released-${index}`,
  span: r.span,
  subject: r.subject,
  organizer: { name: r.organizerName, email: r.organizerEmail },
  attendees: [],
  isPrivate: r.isPrivate,
  status: 'confirmed',
  checkedIn: false,
  released: true,
});

const bookableBy = (role: Role, room: OccupancyRoom): boolean =>
  room.active && (role === 'external' ? room.bookableExternal : room.bookableInternal);

function groupByRoom(meetings: readonly (OccupancyMeeting & { roomId: string })[]): Map<string, OccupancyMeeting[]> {
  const byRoom = new Map<string, OccupancyMeeting[]>();
  for (const m of meetings) {
    const list = byRoom.get(m.roomId);
    if (list) list.push(m);
    else byRoom.set(m.roomId, [m]);
  }
  return byRoom;
}

export function createFloorOccupancyService(deps: FloorOccupancyDeps): FloorOccupancyService {
  const kept = deps.changes
    ? memo<Map<string, OccupancyMeeting[]>, KeptMeetings>(
        deps.clock,
        deps.meetingsMaxAgeMs ?? DEFAULT_MEETINGS_MAX_AGE_MS,
      )
    : undefined;
  const views = deps.changes
    ? createPlanViews<FloorFacts>({ changes: deps.changes, maxEntries: MAX_KEPT_VIEWS })
    : undefined;
  const unsubscribe = deps.changes?.subscribe((change) => {
    if (change.kind === 'room') kept?.forget((k) => k.roomIds.has(change.roomId));
    else if (change.kind !== 'display') kept?.clear();
  });

  /** Each room's meetings overlapping `window`: two set-based reads for the whole floor. */
  async function readMeetings(
    rooms: readonly OccupancyRoom[],
    window: Interval,
  ): Promise<Map<string, OccupancyMeeting[]>> {
    const ids = rooms.map((r) => r.id);
    const [bookings, releases] = await Promise.all([
      deps.floors.bookings(ids, window),
      deps.floors.releases(ids, window),
    ]);
    // A release is a fact before the sync sees the room's decline: the booking may still be listed.
    const releasedIds = new Set(releases.map((r) => r.bookingId));
    return groupByRoom([
      ...bookings.filter((b) => !releasedIds.has(b.id)).map((b) => ({ ...fromBooking(b), roomId: b.roomId })),
      ...releases.map((r, i) => ({ ...fromRelease(r, i), roomId: r.roomId })),
    ]);
  }

  /**
   * Each room's meetings in the day from `instant`. An instant in this hour (the plan showing
   * now) is served from the floor's read of this hour to a day after it, kept until a room of the
   * floor changes; other instants (the slider) are read as asked.
   */
  async function meetingsOf(
    floorId: string,
    rooms: readonly OccupancyRoom[],
    instant: number,
  ): Promise<Map<string, OccupancyMeeting[]>> {
    const hour = Math.floor(deps.clock.now().getTime() / HOUR_MS) * HOUR_MS;
    const window = interval(instant, instant + LOOKAHEAD_MS);
    if (!kept || instant < hour || instant >= hour + HOUR_MS) return readMeetings(rooms, window);
    kept.forget((k) => k.hour !== hour);
    const day = await kept.get(
      `${floorId}@${hour}`,
      () => readMeetings(rooms, interval(hour, hour + HOUR_MS + LOOKAHEAD_MS)),
      { hour, roomIds: new Set(rooms.map((r) => r.id)) },
    );
    const inWindow = new Map<string, OccupancyMeeting[]>();
    for (const [roomId, meetings] of day) {
      inWindow.set(
        roomId,
        meetings.filter((m) => m.span.end > window.start && m.span.start < window.end),
      );
    }
    return inWindow;
  }

  /** Everything the answers for one floor at `instant` are built from, with how long they hold. */
  async function factsAt(catalogued: FloorCatalog, instant: number, now: number, showsNow: boolean) {
    const [meetings, settings] = await Promise.all([
      meetingsOf(catalogued.floor.id, catalogued.rooms, instant),
      deps.catalog.settings(),
    ]);
    const organizers = new Set<string>();
    let until = (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS;
    for (const room of catalogued.rooms) {
      const own = meetings.get(room.id) ?? [];
      for (const m of own) organizers.add(organizerKey(m.organizer.email));
      // "Now" moves on: the answer holds until a state, holder or next meeting may differ.
      if (showsNow) {
        const checkIn = settingsForRoom(settings.display, room.displayOverrides).checkIn;
        until = Math.min(until, nextStateChange(instant, own, checkIn));
      }
    }
    return {
      catalogued,
      instant,
      horizon: occupancyHorizon(now, catalogued.floor.timeZone),
      meetings,
      settings,
      roomIds: new Set(catalogued.rooms.map((r) => r.id)),
      organizers,
      until,
    };
  }

  /** The floor as `reader` may see it, from the facts. */
  function answerFor(reader: Actor, facts: FloorFacts): FloorOccupancy {
    const { catalogued, instant, horizon, meetings, settings } = facts;
    const privacy = settings.privacy ?? DEFAULT_BOOKING_PRIVACY;
    const planRooms = catalogued.rooms.map((room): PlanRoom => {
      const bookable = bookableBy(reader.role, room);
      const occupancy = roomOccupancy({
        at: instant,
        reader,
        privacy,
        bookable,
        checkIn: settingsForRoom(settings.display, room.displayOverrides).checkIn,
        meetings: meetings.get(room.id) ?? [],
      });
      return {
        id: room.id,
        name: room.name,
        capacity: room.capacity,
        tags: [...room.tags],
        images: [...room.images],
        shape: room.shape === null ? null : room.shape.map(([x, y]): [number, number] => [x, y]),
        ...occupancy,
        bookable,
      };
    });
    return {
      at: new Date(instant).toISOString(),
      floor: catalogued.floor,
      horizon: { from: new Date(horizon.start).toISOString(), to: new Date(horizon.end).toISOString() },
      rooms: planRooms,
    };
  }

  /**
   * GET /api/floors/:id/occupancy: the live plan's one read, also what the page's live updates
   * refetch. With changes to listen to, each answer is built once per visibility class and kept
   * (views.ts); "now" is then the instant the kept answer was built, at most a minute ago and
   * with nothing on the floor differing since.
   */
  async function occupancy(reader: Actor, floorId: string, at?: string): Promise<FloorOccupancy> {
    const catalogued = await deps.catalog.floor(floorId);
    if (!catalogued) throw notFound('Floor', floorId);
    const { floor } = catalogued;
    const now = deps.clock.now().getTime();
    const instant = at === undefined ? now : Date.parse(at);
    // Now lies in the horizon (it starts at today's midnight): only a chosen instant is checked,
    // which spares the zone arithmetic on every read of a kept answer.
    if (at !== undefined) {
      const horizon = occupancyHorizon(now, floor.timeZone);
      if (instant < horizon.start || instant >= horizon.end) {
        throw invalid(describeHorizon(horizon, floor.timeZone), { field: 'at' });
      }
    }
    const load = () => factsAt(catalogued, instant, now, at === undefined);
    if (!views) return answerFor(reader, await load());
    const kept = await views.get(`${floorId} ${at === undefined ? 'now' : instant}`, now, load);
    const shared = visibilityClass(reader, kept.facts.organizers);
    // An organizer's own view is built for each of their reads: kept, one per organizer could grow without bound.
    if (shared === undefined) return answerFor(reader, kept.facts);
    return kept.answer(shared, () => answerFor(reader, kept.facts));
  }

  /** The floor's rooms free now for `minutes`, by name. */
  async function freeOn(floorId: string, now: number, minutes: number): Promise<NearbyFreeRoom[]> {
    const catalogued = await deps.catalog.floor(floorId);
    if (!catalogued) return [];
    const [meetings, settings] = await Promise.all([
      meetingsOf(floorId, catalogued.rooms, now),
      deps.catalog.settings(),
    ]);
    return catalogued.rooms
      .filter((room) => {
        const state = occupancyState({
          at: now,
          bookable: bookableBy('employee', room),
          checkIn: settingsForRoom(settings.display, room.displayOverrides).checkIn,
          meetings: meetings.get(room.id) ?? [],
        });
        return freeFor(state, now, minutes);
      })
      .map((room) => ({
        id: room.id,
        name: room.name,
        capacity: room.capacity,
        floorId: catalogued.floor.id,
        floorName: catalogued.floor.name,
        buildingName: catalogued.floor.buildingName,
      }));
  }

  return {
    occupancy,
    stop: () => {
      unsubscribe?.();
      views?.stop();
    },
    async freeNear(place, minutes, limit) {
      const now = deps.clock.now().getTime();
      const floors = await deps.catalog.buildingFloors(place.buildingId);
      const level = floors.find((f) => f.id === place.floorId)?.level ?? 0;
      // Its own floor first, then up or down by as few levels as can be.
      const order = [
        place.floorId,
        ...[...floors]
          .filter((f) => f.id !== place.floorId)
          .sort((a, b) => Math.abs(a.level - level) - Math.abs(b.level - level) || a.level - b.level)
          .map((f) => f.id),
      ];
      const found: NearbyFreeRoom[] = [];
      for (const floorId of order) {
        if (found.length >= limit) break;
        found.push(...(await freeOn(floorId, now, minutes)).filter((r) => r.id !== place.roomId));
      }
      return found.slice(0, limit);
    },
  };
}
