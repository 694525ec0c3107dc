import { createDisplaySettingsRepository } from '../adapters/db/repositories/displaySettings';
import {
  createFloorOccupancyRepository,
  createPrivacySettingsRepository,
} from '../adapters/db/repositories/floorOccupancy';
import { DEFAULT_INSTALLATION_SETTINGS } from '../domain/displays/settings';
import type { RoomChanges } from '../ports/roomChanges';
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

export function composePlan(deps: PlanFeatureDeps): PlanFeature {
  const { knex, clock } = deps.infrastructure;
  const floors = createFloorOccupancyRepository(knex);
  const privacyStore = createPrivacySettingsRepository(knex);
  const displaySettings = createDisplaySettingsRepository(knex);
  const privacy = createPrivacySettingsService({ settings: privacyStore, clock });
  return {
    occupancy: createFloorOccupancyService({
      floors,
      privacy: () => privacyStore.get(),
      displaySettings: async () => (await displaySettings.installation()) ?? DEFAULT_INSTALLATION_SETTINGS,
      clock,
    }),
    live: createPlanLiveService({
      changes: deps.roomChanges,
      roomsOf: async (floorId) =>
        (await floors.floor(floorId)) ? (await floors.rooms(floorId)).map((r) => r.id) : undefined,
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
  };
}
