import { createDisplaySettingsRepository } from '../adapters/db/repositories/displaySettings';
import {
  createFloorOccupancyRepository,
  createPrivacySettingsRepository,
} from '../adapters/db/repositories/floorOccupancy';
import { DEFAULT_INSTALLATION_SETTINGS } from '../domain/displays/settings';
import type { RoomChanges } from '../ports/roomChanges';
import { createPlanCatalog } from '../services/plan/catalog';
import {
  createFloorOccupancyService,
  createPlanLiveService,
  createPrivacySettingsService,
  type FloorOccupancyService,
  type PlanLiveService,
  type PrivacySettingsService,
} from '../services/plan';
import type { Infrastructure } from './infrastructure';

/** The live office plan (issue 15): occupancy per floor, its push stream, the privacy settings. */
export interface PlanFeature {
  readonly occupancy: FloorOccupancyService;
  readonly live: PlanLiveService;
  readonly privacy: PrivacySettingsService;
  readonly heartbeatMs: number;
  /** Stops listening for catalog changes. */
  readonly stop: () => void;
}

export interface PlanFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock'>;
  /** The displays' RoomChanges: the sync, bookings, check-ins and releases publish to it. */
  readonly roomChanges: RoomChanges;
  readonly heartbeatMs?: number | undefined;
  /** How long the stream gathers changes into one event (default 100 ms). */
  readonly gatherMs?: number | undefined;
}

const DEFAULT_HEARTBEAT_MS = 25_000;
const DEFAULT_GATHER_MS = 100;

/** How long floors, rooms and settings are kept should a change from another instance be lost. */
const CATALOG_MAX_AGE_MS = 60_000;

export function composePlan(deps: PlanFeatureDeps): PlanFeature {
  const { knex, clock } = deps.infrastructure;
  const floors = createFloorOccupancyRepository(knex);
  const privacyStore = createPrivacySettingsRepository(knex);
  const displaySettings = createDisplaySettingsRepository(knex);
  const privacy = createPrivacySettingsService({ settings: privacyStore, clock });
  const catalog = createPlanCatalog({
    floors,
    privacy: () => privacyStore.get(),
    displaySettings: async () => (await displaySettings.installation()) ?? DEFAULT_INSTALLATION_SETTINGS,
    changes: deps.roomChanges,
    clock,
    maxAgeMs: CATALOG_MAX_AGE_MS,
  });
  const occupancy = createFloorOccupancyService({ floors, catalog, clock, changes: deps.roomChanges });
  return {
    occupancy,
    live: createPlanLiveService({
      changes: deps.roomChanges,
      roomsOf: async (floorId) => (await catalog.floor(floorId))?.rooms.map((r) => r.id),
      gatherMs: deps.gatherMs ?? DEFAULT_GATHER_MS,
    }),
    privacy: {
      ...privacy,
      // What every open plan shows may change with the settings.
      async save(settings) {
        const saved = await privacy.save(settings);
        await deps.roomChanges.publish({ kind: 'all-rooms' });
        return saved;
      },
    },
    heartbeatMs: deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    stop: () => {
      occupancy.stop();
      catalog.stop();
    },
  };
}
