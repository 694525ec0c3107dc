import { locationsEndpoints } from '../../../../../shared/api/locations';
import { roomsEndpoints } from '../../../../../shared/api/rooms';
import type { Building, Floor } from '../../../../../shared/schemas/locations';
import type { RoomSearchResult } from '../../../../../shared/schemas/search';
import type { ApiClient } from '../../../../api/client';

/** The API's largest page; the search is the only way to list rooms, so it is read page by page. */
const PAGE_SIZE = 100;

export interface RoomDirectory {
  readonly buildings: readonly Building[];
  /** By building and level, as the API sorts them. */
  readonly floors: readonly Floor[];
  readonly rooms: readonly RoomSearchResult[];
}

export interface FloorGroup {
  readonly floorId: string;
  readonly label: { readonly building: string; readonly floor: string };
  readonly rooms: readonly RoomSearchResult[];
}

/**
 * Buildings, floors and every room. The room list comes from the search, which only lists
 * active rooms: inactive ones are missing here (there is no admin room list in the API yet).
 */
export async function loadRoomDirectory(api: ApiClient, signal: AbortSignal): Promise<RoomDirectory> {
  const [buildings, floors, rooms] = await Promise.all([
    api.call(locationsEndpoints.listBuildings, { signal }),
    api.call(locationsEndpoints.listFloors, { signal }),
    loadAllRooms(api, signal),
  ]);
  return { buildings, floors, rooms };
}

async function loadAllRooms(api: ApiClient, signal: AbortSignal): Promise<RoomSearchResult[]> {
  const first = await api.call(roomsEndpoints.searchRooms, { query: { page: 1, pageSize: PAGE_SIZE }, signal });
  const pages = Math.ceil(first.total / PAGE_SIZE);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_unused, i) =>
      api.call(roomsEndpoints.searchRooms, { query: { page: i + 2, pageSize: PAGE_SIZE }, signal }),
    ),
  );
  return [first, ...rest].flatMap((page) => page.items);
}

/** Rooms by floor, floors in the API's building-and-level order, rooms by name. */
export function groupByFloor(directory: RoomDirectory): FloorGroup[] {
  const order = new Map(directory.floors.map((floor, index) => [floor.id, index]));
  const groups = new Map<string, RoomSearchResult[]>();
  for (const room of directory.rooms) groups.set(room.floorId, [...(groups.get(room.floorId) ?? []), room]);
  return [...groups.entries()]
    .map(([floorId, rooms]) => {
      const sorted = [...rooms].sort((a, b) => a.name.localeCompare(b.name));
      const sample = sorted[0];
      return {
        floorId,
        label: { building: sample?.buildingName ?? '', floor: sample?.floorName ?? '' },
        rooms: sorted,
      };
    })
    .sort(
      (a, b) =>
        (order.get(a.floorId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.floorId) ?? Number.MAX_SAFE_INTEGER) ||
        `${a.label.building} ${a.label.floor}`.localeCompare(`${b.label.building} ${b.label.floor}`),
    );
}

/** "Building · Floor" for a floor picker. */
export function floorOptions(directory: RoomDirectory): { id: string; label: string }[] {
  const buildings = new Map(directory.buildings.map((b) => [b.id, b.name]));
  return directory.floors.map((floor) => ({
    id: floor.id,
    label: `${buildings.get(floor.buildingId) ?? ''} · ${floor.name}`,
  }));
}
