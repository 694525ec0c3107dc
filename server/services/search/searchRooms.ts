import type { RoomSearchPage, RoomSearchQuery, RoomSearchResult } from '../../../shared/schemas/search';
import { availabilityIn } from '../../domain/availability/availability';
import { DEFAULT_BOOKING_PRIVACY, holderOf, type BookingPrivacy } from '../../domain/availability/bookingVisibility';
import { toIsoInterval, type Interval } from '../../domain/availability/interval';
import type { Actor } from '../../domain/actor';
import { invalid } from '../../domain/errors';
import { closedStretches } from '../../domain/availability/openingHours';
import type { BuildingHours, RoomSearchCriteria, RoomSearchHit, RoomSearchRepository } from '../../ports/roomSearch';
import type { BuildingHoursCache } from './buildingHoursCache';
import { windowOf } from './searchWindow';

export interface SearchRoomsDeps {
  readonly roomSearch: RoomSearchRepository;
  readonly buildingHours: BuildingHoursCache;
  /** The installation's privacy settings, for who holds busy rooms; undefined means the defaults. */
  readonly privacy?: (() => Promise<BookingPrivacy | undefined>) | undefined;
}

/** Per building closed during (part of) the window, when it is closed there; open buildings are absent. */
type ClosedBuildings = ReadonlyMap<string, readonly Interval[]>;

function closedBuildingsIn(window: Interval, buildings: ReadonlyMap<string, BuildingHours>): ClosedBuildings {
  const closed = new Map<string, readonly Interval[]>();
  for (const building of buildings.values()) {
    const stretches = closedStretches(window, building.timeZone, building.openingHours);
    if (stretches.length > 0) closed.set(building.buildingId, stretches);
  }
  return closed;
}

const MAX_WORDS = 10;

/** The words of a free-text query; each must occur in the room's texts. */
export function wordsOf(q: string | undefined): string[] {
  if (q === undefined) return [];
  return [
    ...new Set(
      q
        .trim()
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w !== ''),
    ),
  ].slice(0, MAX_WORDS);
}

function windowOfQuery(query: RoomSearchQuery): Interval | undefined {
  if (query.onlyAvailable && query.start === undefined) throw invalid('onlyAvailable needs start and end');
  return query.start !== undefined && query.end !== undefined ? windowOf(query.start, query.end) : undefined;
}

function criteriaOf(
  query: RoomSearchQuery,
  actor: Actor,
  window: Interval | undefined,
  closed: ClosedBuildings,
): RoomSearchCriteria {
  return {
    ...(window ? { window } : {}),
    ...(closed.size > 0 ? { closedBuildingIds: [...closed.keys()] } : {}),
    ...(query.minCapacity !== undefined ? { minCapacity: query.minCapacity } : {}),
    ...(query.building !== undefined ? { buildingId: query.building } : {}),
    ...(query.floor !== undefined ? { floorId: query.floor } : {}),
    // External users find only the rooms they may book.
    ...(actor.role === 'external' ? { bookableExternalOnly: true } : {}),
    tags: [...new Set(query.tags)],
    words: wordsOf(query.q),
    onlyAvailable: query.onlyAvailable,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  };
}

function resultOf(hit: RoomSearchHit, window: Interval | undefined, closed: ClosedBuildings): RoomSearchResult {
  if (window === undefined || hit.busy === undefined) return hit.room;
  const availability = availabilityIn(window, hit.busy, closed.get(hit.room.buildingId));
  // `closed` only when the building is closed: the common answer stays as small as before.
  const view =
    availability.state === 'closed'
      ? {
          state: availability.state,
          busy: availability.busy.map(toIsoInterval),
          closed: availability.closed.map(toIsoInterval),
        }
      : { state: availability.state, busy: availability.busy.map(toIsoInterval) };
  // Object.assign, not spread: copying these rooms by spread measured ~5x slower in V8 (bench:search).
  return Object.assign({}, hit.room, { availability: view });
}

/**
 * With holders=true, each (partly) busy room says who holds it: the taskpane's busy rooms, so the
 * user can ask that person. Read for the busy rooms of the page only when asked, so the plain
 * search stays as fast as before, and in one read: the taskpane's first screen waits for this
 * answer, and a read per busy room (8 of 24 in bench:taskpane) took 20-120 ms there, one read 3-20.
 */
async function withHolders(
  deps: SearchRoomsDeps,
  actor: Actor,
  window: Interval,
  results: RoomSearchResult[],
): Promise<RoomSearchResult[]> {
  const busy = (r: RoomSearchResult) => r.availability?.state === 'busy' || r.availability?.state === 'partial';
  const busyIds = results.filter(busy).map((r) => r.id);
  if (busyIds.length === 0) return results;
  const [privacy, bookingsByRoom] = await Promise.all([
    deps.privacy?.(),
    deps.roomSearch.bookingsOfRooms(busyIds, window),
  ]);
  return results.map((result) => {
    if (!busy(result) || result.availability === undefined) return result;
    const heldBy = (bookingsByRoom.get(result.id) ?? []).map((booking) => ({
      ...toIsoInterval(booking.span),
      ...holderOf(actor, booking, privacy ?? DEFAULT_BOOKING_PRIVACY),
    }));
    return Object.assign({}, result, { availability: { ...result.availability, heldBy } });
  });
}

/**
 * GET /api/rooms. Without a window, results carry no availability: "available" means nothing
 * without a time, and guessing one (say, the rest of today) would need the reader's time zone.
 * With one, a room whose building is closed during the window is `closed` (the booking would be
 * refused for the same rule), ranks last and is left out with onlyAvailable.
 */
export async function searchRooms(
  deps: SearchRoomsDeps,
  actor: Actor,
  query: RoomSearchQuery,
): Promise<RoomSearchPage> {
  const window = windowOfQuery(query);
  const closed = window === undefined ? new Map() : closedBuildingsIn(window, await deps.buildingHours.hours());
  const criteria = criteriaOf(query, actor, window, closed);
  const { hits, total } = await deps.roomSearch.search(criteria);
  const items = hits.map((hit) => resultOf(hit, window, closed));
  return {
    items: window !== undefined && query.holders === true ? await withHolders(deps, actor, window, items) : items,
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
