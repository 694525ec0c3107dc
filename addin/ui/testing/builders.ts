import type { User } from '../../../shared/schemas/auth';
import type { Building, Floor, Room } from '../../../shared/schemas/locations';
import type { RoomSchedule, RoomSearchPage, RoomSearchResult } from '../../../shared/schemas/search';

/** Valid-by-schema objects for tests; each test overrides what it is about. */
let counter = 0;
export function uuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export function buildUser(overrides: Partial<User> = {}): User {
  return {
    id: uuid(),
    email: 'eve.employee@northwind.test',
    name: 'Eve Employee',
    role: 'employee',
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function buildBuilding(overrides: Partial<Building> = {}): Building {
  return {
    id: uuid(),
    name: 'Harbour House',
    address: '1 Quay Street',
    timeZone: 'Europe/Berlin',
    openingHours: {},
    ...overrides,
  };
}

export function buildFloor(building: Building, overrides: Partial<Floor> = {}): Floor {
  return { id: uuid(), buildingId: building.id, name: 'Ground floor', level: 0, plan: null, ...overrides };
}

/** A room as the locations API stores it. */
export function buildLocationRoom(overrides: Partial<Room> = {}): Room {
  return {
    id: uuid(),
    floorId: uuid(),
    buildingId: uuid(),
    name: 'Lighthouse',
    description: '',
    capacity: 6,
    tags: [],
    images: [],
    shape: null,
    exchange: { email: null, state: 'unconnected', checkedAt: null, error: null },
    bookableInternal: true,
    bookableExternal: false,
    active: true,
    ...overrides,
  };
}

/** A room as the search lists it: with its place and availability. */
export function buildRoom(overrides: Partial<RoomSearchResult> = {}): RoomSearchResult {
  return {
    ...buildLocationRoom(),
    floorName: 'Ground floor',
    buildingName: 'Harbour House',
    timeZone: 'Europe/Berlin',
    availability: { state: 'free', busy: [] },
    ...overrides,
  };
}

export function pageOf(items: RoomSearchResult[], overrides: Partial<RoomSearchPage> = {}): RoomSearchPage {
  return { items, page: 1, pageSize: 12, total: items.length, ...overrides };
}

export function emptySchedule(roomId: string): RoomSchedule {
  return {
    roomId,
    timeZone: 'Europe/Berlin',
    from: '2026-05-04T05:00:00Z',
    to: '2026-05-04T18:00:00Z',
    entries: [],
    closed: [],
  };
}
