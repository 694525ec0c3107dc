import type { DisplaySettingsView } from '../../../shared/schemas/displays';
import type { FloorOccupancy, PlanRoom } from '../../../shared/schemas/plan';
import type { Actor } from '../../domain/actor';
import { DEFAULT_BOOKING_PRIVACY, type BookingPrivacy } from '../../domain/availability/bookingVisibility';
import { interval } from '../../domain/availability/interval';
import { settingsForRoom } from '../../domain/displays/settings';
import { invalid, notFound } from '../../domain/errors';
import { describeHorizon, occupancyHorizon, roomOccupancy, type OccupancyMeeting } from '../../domain/plan/occupancy';
import type { Clock } from '../../ports/clock';
import type { FloorBooking, FloorOccupancyRepository, FloorRelease, OccupancyRoom } from '../../ports/floorOccupancy';

export interface FloorOccupancyDeps {
  readonly floors: FloorOccupancyRepository;
  readonly privacy: () => Promise<BookingPrivacy | undefined>;
  /** The installation's display settings: the check-in rules behind "awaiting check-in". */
  readonly displaySettings: () => Promise<DisplaySettingsView>;
  readonly clock: Clock;
}

export interface FloorOccupancyService {
  /** Every room of the floor at `at` (now when undefined), as `reader` may see it. */
  occupancy(reader: Actor, floorId: string, at?: string): Promise<FloorOccupancy>;
}

/** Far enough ahead to list the next meetings of the day after `at`. */
const LOOKAHEAD_MS = 24 * 3_600_000;

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

function bookableBy(reader: Actor, room: OccupancyRoom): boolean {
  if (!room.active) return false;
  return reader.role === 'external' ? room.bookableExternal : room.bookableInternal;
}

function groupByRoom(meetings: readonly (OccupancyMeeting & { roomId: string })[]): Map<string, OccupancyMeeting[]> {
  const byRoom = new Map<string, OccupancyMeeting[]>();
  for (const m of meetings) byRoom.set(m.roomId, [...(byRoom.get(m.roomId) ?? []), m]);
  return byRoom;
}

/** GET /api/floors/:id/occupancy: the live plan's one read, also what the page's live updates refetch. */
export function createFloorOccupancyService(deps: FloorOccupancyDeps): FloorOccupancyService {
  return {
    async occupancy(reader, floorId, at) {
      const floor = await deps.floors.floor(floorId);
      if (!floor) throw notFound('Floor', floorId);
      const now = deps.clock.now().getTime();
      const horizon = occupancyHorizon(now, floor.timeZone);
      const instant = at === undefined ? now : Date.parse(at);
      if (instant < horizon.start || instant >= horizon.end) {
        throw invalid(describeHorizon(horizon, floor.timeZone), { field: 'at' });
      }
      const rooms = await deps.floors.rooms(floorId);
      const ids = rooms.map((r) => r.id);
      const window = interval(instant, instant + LOOKAHEAD_MS);
      const [bookings, releases, privacy, display] = await Promise.all([
        deps.floors.bookings(ids, window),
        deps.floors.releases(ids, window),
        deps.privacy(),
        deps.displaySettings(),
      ]);
      // A release is a fact before the sync sees the room's decline: the booking may still be listed.
      const releasedIds = new Set(releases.map((r) => r.bookingId));
      const meetings = groupByRoom([
        ...bookings.filter((b) => !releasedIds.has(b.id)).map((b) => ({ ...fromBooking(b), roomId: b.roomId })),
        ...releases.map((r, i) => ({ ...fromRelease(r, i), roomId: r.roomId })),
      ]);
      const planRooms = rooms.map((room): PlanRoom => {
        const bookable = bookableBy(reader, room);
        const occupancy = roomOccupancy({
          at: instant,
          timeZone: floor.timeZone,
          reader,
          privacy: privacy ?? DEFAULT_BOOKING_PRIVACY,
          bookable,
          checkIn: settingsForRoom(display, room.displayOverrides).checkIn,
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
        floor,
        horizon: { from: new Date(horizon.start).toISOString(), to: new Date(horizon.end).toISOString() },
        rooms: planRooms,
      };
    },
  };
}
