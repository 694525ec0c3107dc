import type { DisplaySettingsView } from '../../../shared/schemas/displays';
import type { BookingPrivacy } from '../../domain/availability/bookingVisibility';
import type { Clock } from '../../ports/clock';
import type {
  BuildingFloor,
  FloorOccupancyRepository,
  OccupancyFloor,
  OccupancyRoom,
} from '../../ports/floorOccupancy';
import type { RoomChange, RoomChanges } from '../../ports/roomChanges';
import { memo } from './memo';

export interface PlanCatalogDeps {
  readonly floors: Pick<FloorOccupancyRepository, 'floor' | 'rooms' | 'buildingFloors'>;
  readonly privacy: () => Promise<BookingPrivacy | undefined>;
  readonly displaySettings: () => Promise<DisplaySettingsView>;
  /** Room facts, floors, buildings and settings changes are published here (on every instance). */
  readonly changes?: Pick<RoomChanges, 'subscribe'> | undefined;
  readonly clock: Clock;
  /** A bound on staleness should a change be lost on its way from another instance. */
  readonly maxAgeMs: number;
}

export interface FloorCatalog {
  readonly floor: OccupancyFloor;
  /** The floor's rooms, by name. */
  readonly rooms: readonly OccupancyRoom[];
}

export interface PlanSettings {
  readonly privacy: BookingPrivacy | undefined;
  readonly display: DisplaySettingsView;
}

/**
 * What a plan read needs besides the bookings, read once and kept: a floor and its rooms, the
 * floors of a building, the privacy and display settings. They change by an admin's hand, and
 * every such change is published on RoomChanges ('room-details' for a room, 'all-rooms' for the
 * settings, floors and buildings), which empties the memory; so does age.
 */
export interface PlanCatalog {
  /** Undefined for an unknown floor. */
  floor(floorId: string): Promise<FloorCatalog | undefined>;
  buildingFloors(buildingId: string): Promise<readonly BuildingFloor[]>;
  settings(): Promise<PlanSettings>;
  /** Stops listening for changes. */
  stop(): void;
}

export function createPlanCatalog(deps: PlanCatalogDeps): PlanCatalog {
  const floors = memo<FloorCatalog | undefined>(deps.clock, deps.maxAgeMs);
  const buildings = memo<readonly BuildingFloor[]>(deps.clock, deps.maxAgeMs);
  const settings = memo<PlanSettings>(deps.clock, deps.maxAgeMs);
  const hear = (change: RoomChange): void => {
    if (change.kind === 'room' || change.kind === 'display') return; // bookings and displays: not catalog facts
    floors.clear();
    buildings.clear();
    if (change.kind === 'all-rooms') settings.clear();
  };
  const unsubscribe = deps.changes?.subscribe(hear);
  return {
    floor: (floorId) =>
      floors.get(
        floorId,
        async () => {
          const [floor, rooms] = await Promise.all([deps.floors.floor(floorId), deps.floors.rooms(floorId)]);
          return floor ? { floor, rooms } : undefined;
        },
        undefined,
      ),
    buildingFloors: (buildingId) => buildings.get(buildingId, () => deps.floors.buildingFloors(buildingId), undefined),
    settings: () =>
      settings.get(
        '',
        async () => {
          const [privacy, display] = await Promise.all([deps.privacy(), deps.displaySettings()]);
          return { privacy, display };
        },
        undefined,
      ),
    stop: () => unsubscribe?.(),
  };
}
