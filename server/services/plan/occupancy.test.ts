import { describe, expect, it } from '@jest/globals';
import { DEFAULT_INSTALLATION_SETTINGS, NO_ROOM_OVERRIDES } from '../../domain/displays/settings';
import type { BookingPrivacy } from '../../domain/availability/bookingVisibility';
import type { Actor } from '../../domain/actor';
import type { Clock } from '../../ports/clock';
import type { RoomChange, RoomChanges } from '../../ports/roomChanges';
import type { FloorBooking, FloorOccupancyRepository, FloorRelease, OccupancyRoom } from '../../ports/floorOccupancy';
import { createPlanCatalog } from './catalog';
import { createPlanLiveService } from './live';
import { createFloorOccupancyService } from './occupancy';

const NOW = Date.parse('2026-05-04T08:20:00Z');
const MIN = 60_000;
const fixedClock: Clock = { now: () => new Date(NOW) };

/** RoomChanges on one instance: every listener hears each change. */
function changeBus(): RoomChanges {
  const listeners = new Set<(change: RoomChange) => void>();
  return {
    publish: (change) => {
      for (const listener of listeners) listener(change);
      return Promise.resolve();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => Promise.resolve(),
  };
}

const room = (
  id: string,
  floorId: string,
  extra: Partial<OccupancyRoom> = {},
): OccupancyRoom & { floorId: string } => ({
  id,
  name: id,
  floorId,
  capacity: 6,
  tags: [],
  images: [],
  shape: null,
  active: true,
  bookableInternal: true,
  bookableExternal: false,
  displayOverrides: NO_ROOM_OVERRIDES,
  ...extra,
});

const booking = (id: string, roomId: string, fromMin: number, toMin: number): FloorBooking => ({
  id,
  roomId,
  span: { start: NOW + fromMin * MIN, end: NOW + toMin * MIN },
  subject: 'Planning',
  organizer: { name: 'Olga Organizer', email: 'olga@example.test' },
  attendees: [],
  isPrivate: false,
  status: 'confirmed',
  source: 'exchange',
  checkedIn: false,
});

/** Floors at levels 0, 1 and 5 of one building; "Here" is the display's room, busy. */
function building() {
  const rooms = [
    room('Here', 'ground'),
    room('Free', 'ground'),
    room('Soon taken', 'ground'),
    room('Released', 'ground'),
    room('Inactive', 'ground', { active: false }),
    room('Far', 'top'),
    room('Upstairs', 'first'),
  ];
  const bookings = [
    booking('b1', 'Here', -20, 40),
    booking('b2', 'Soon taken', 20, 60),
    // Released at the display; the sync has not yet seen the room's decline, so it is still listed.
    booking('b3', 'Released', -20, 40),
  ];
  const releases: FloorRelease[] = [
    {
      roomId: 'Released',
      bookingId: 'b3',
      span: bookings[2]!.span,
      subject: 'Planning',
      organizerName: 'Olga Organizer',
      organizerEmail: 'olga@example.test',
      isPrivate: false,
    },
  ];
  const levels: Record<string, number> = { ground: 0, first: 1, top: 5 };
  let reads = 0;
  const floors: FloorOccupancyRepository = {
    floor: (id) =>
      Promise.resolve(
        id in levels
          ? { id, name: id, buildingId: 'hq', buildingName: 'HQ', timeZone: 'Europe/Berlin', plan: null }
          : undefined,
      ),
    rooms: (floorId) =>
      Promise.resolve(rooms.filter((r) => r.floorId === floorId).sort((a, b) => a.name.localeCompare(b.name))),
    buildingFloors: () => Promise.resolve(Object.entries(levels).map(([id, level]) => ({ id, level }))),
    bookings: (ids, window) => {
      reads += 1;
      return Promise.resolve(
        bookings.filter((b) => ids.includes(b.roomId) && b.span.end > window.start && b.span.start < window.end),
      );
    },
    releases: (ids) => Promise.resolve(releases.filter((r) => ids.includes(r.roomId))),
  };
  return { floors, rooms, bookings, reads: () => reads };
}

function serviceOver(
  floors: FloorOccupancyRepository,
  options: { clock?: Clock; privacy?: () => BookingPrivacy | undefined } = {},
) {
  const changes = changeBus();
  const clock = options.clock ?? fixedClock;
  const catalog = createPlanCatalog({
    floors,
    privacy: () => Promise.resolve(options.privacy?.()),
    displaySettings: () => Promise.resolve(DEFAULT_INSTALLATION_SETTINGS),
    changes,
    clock,
    maxAgeMs: 60_000,
  });
  return { changes, catalog, service: createFloorOccupancyService({ floors, catalog, clock, changes }) };
}

describe('the displays’ nearest free rooms', () => {
  it('are the rooms the plan draws free for 30 minutes: own floor first, then the nearest floors', async () => {
    const { floors } = building();
    const { service } = serviceOver(floors);
    const place = { roomId: 'Here', floorId: 'ground', buildingId: 'hq' };
    const near = await service.freeNear(place, 30, 4);
    // Released counts as free (as on the plan); "Soon taken" starts within 30 min; inactive is not bookable.
    expect(near.map((r) => [r.name, r.floorName])).toEqual([
      ['Free', 'ground'],
      ['Released', 'ground'],
      ['Upstairs', 'first'],
      ['Far', 'top'],
    ]);
    const plan = await service.occupancy(
      { userId: 'u', email: 'e@example.test', name: 'E', role: 'employee', via: 'session' },
      'ground',
    );
    const drawn = Object.fromEntries(plan.rooms.map((r) => [r.name, r.state]));
    expect(drawn).toMatchObject({ Free: 'free', Released: 'released', 'Soon taken': 'free', Inactive: 'not-bookable' });
    expect((await service.freeNear(place, 10, 3)).map((r) => r.name)).toEqual(['Free', 'Released', 'Soon taken']);
  });

  it('read the floor’s meetings once until one of its rooms changes', async () => {
    const { floors, bookings, reads } = building();
    const { service, changes } = serviceOver(floors);
    const reader = {
      userId: 'u',
      email: 'e@example.test',
      name: 'E',
      role: 'employee' as const,
      via: 'session' as const,
    };
    await Promise.all([service.occupancy(reader, 'ground'), service.occupancy(reader, 'ground')]);
    expect(reads()).toBe(1);
    bookings.push(booking('b4', 'Free', -5, 30));
    await changes.publish({ kind: 'room', roomId: 'Free' });
    const after = await service.occupancy(reader, 'ground');
    expect(reads()).toBe(2);
    expect(after.rooms.find((r) => r.name === 'Free')?.state).toBe('busy');
  });
});

const readerOf = (role: Actor['role'], email = `${role}@example.test`): Actor => ({
  userId: email,
  email,
  name: email,
  role,
  via: 'session',
});
const stateOf = (plan: { rooms: readonly { name: string; state: string }[] }, name: string) =>
  plan.rooms.find((r) => r.name === name)?.state;

describe('the plan’s kept answers', () => {
  it('are shared by readers of one class until a room of the floor changes, then show the change', async () => {
    const { floors, bookings } = building();
    const { service, changes } = serviceOver(floors);
    const first = await service.occupancy(readerOf('employee', 'ann@example.test'), 'ground');
    expect(await service.occupancy(readerOf('employee', 'ben@example.test'), 'ground')).toBe(first);
    await changes.publish({ kind: 'room', roomId: 'Far' }); // another floor
    expect(await service.occupancy(readerOf('employee', 'ben@example.test'), 'ground')).toBe(first);
    bookings.push(booking('b4', 'Free', -5, 30));
    await changes.publish({ kind: 'room', roomId: 'Free' });
    const after = await service.occupancy(readerOf('employee', 'ann@example.test'), 'ground');
    expect(stateOf(first, 'Free')).toBe('free');
    expect(stateOf(after, 'Free')).toBe('busy');
  });

  it('never give one reader’s view to a reader who may see less', async () => {
    const { floors, bookings } = building();
    bookings.push({
      ...booking('b5', 'Free', -10, 30),
      subject: 'Salary talks',
      organizer: { name: 'Pia Private', email: 'pia@example.test' },
      isPrivate: true,
    });
    let privacy: BookingPrivacy = { organizerNames: 'employees', subjects: 'non-private' };
    const { service, changes } = serviceOver(floors, { privacy: () => privacy });
    const text = async (reader: Actor) => JSON.stringify(await service.occupancy(reader, 'ground'));
    // The organizer and an admin read first: their views hold the private subject.
    const pia = readerOf('employee', ' Pia@Example.test');
    expect(await text(pia)).toContain('Salary talks');
    // Hers alone, so not kept: one kept view per organizer would grow with the organizers.
    expect(await service.occupancy(pia, 'ground')).not.toBe(await service.occupancy(pia, 'ground'));
    expect(await text(readerOf('admin'))).toContain('Salary talks');
    expect(await text(readerOf('employee'))).not.toContain('Salary talks');
    expect(await text(readerOf('employee'))).toContain('Pia Private');
    // Facility staff are not employees here: no names at all, whoever read before.
    expect(await text(readerOf('facility'))).not.toMatch(/Pia|Olga/);
    expect(await text(readerOf('external'))).not.toMatch(/Pia|Olga|Planning|Salary/);
    // The organizer as an external guest still sees their own meeting, and only that one's details.
    const guest = await text(readerOf('external', 'pia@example.test'));
    expect(guest).toContain('Salary talks');
    expect(guest).not.toContain('Olga');
    // The admin hides names: no reader keeps the view from before.
    privacy = { organizerNames: 'nobody', subjects: 'never' };
    await changes.publish({ kind: 'all-rooms' });
    expect(await text(readerOf('employee'))).not.toMatch(/Pia|Olga|Planning/);
  });

  it('follow the clock within a minute: a meeting booked at the door on the second shows at once', async () => {
    const { floors, bookings } = building();
    let now = NOW;
    const clock: Clock = { now: () => new Date(now) };
    bookings.push({ ...booking('b6', 'Free', 0.5, 30), source: 'display' });
    const { service } = serviceOver(floors, { clock });
    const reader = readerOf('employee');
    expect(stateOf(await service.occupancy(reader, 'ground'), 'Free')).toBe('starting-soon');
    now += 40_000;
    const later = await service.occupancy(reader, 'ground');
    expect(later.at).toBe(new Date(NOW + 40_000).toISOString());
    expect(stateOf(later, 'Free')).toBe('checked-in');
  });

  it('do not keep an answer built while one of its rooms changed', async () => {
    const { floors, bookings } = building();
    let reached!: () => void;
    const reading = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: FloorOccupancyRepository = {
      ...floors,
      bookings: async (ids, window) => {
        const read = await floors.bookings(ids, window);
        reached();
        await gate;
        return read;
      },
    };
    const { service, changes } = serviceOver(slow);
    const reader = readerOf('employee');
    const underWay = service.occupancy(reader, 'ground');
    await reading;
    bookings.push(booking('b7', 'Free', -5, 30));
    await changes.publish({ kind: 'room', roomId: 'Free' });
    release();
    expect(stateOf(await underWay, 'Free')).toBe('free'); // read before the change
    expect(stateOf(await service.occupancy(reader, 'ground'), 'Free')).toBe('busy');
  });
});

describe('an open plan', () => {
  it('hears of a room added to its floor, and then of that room’s bookings', async () => {
    const { floors, rooms } = building();
    const { changes, catalog } = serviceOver(floors);
    const live = createPlanLiveService({
      changes,
      roomsOf: async (floorId) => (await catalog.floor(floorId))?.rooms.map((r) => r.id),
      gatherMs: 5,
    });
    const heard: (readonly string[])[] = [];
    const followed = await live.follow('ground', { changed: (ids) => heard.push(ids) });
    rooms.push(room('New', 'ground'));
    await changes.publish({ kind: 'room-details', roomId: 'New' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(heard).toEqual([[]]);
    await changes.publish({ kind: 'room', roomId: 'New' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(heard).toEqual([[], ['New']]);
    // A room changed on another floor is not this plan's business.
    await changes.publish({ kind: 'room-details', roomId: 'Far' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(heard).toHaveLength(2);
    followed?.stop();
  });
});
