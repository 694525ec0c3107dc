import { createDisplayRepository, createDisplayRoomRepository } from '../adapters/db/repositories/displays';
import { createDisplayActionRepository } from '../adapters/db/repositories/displayActions';
import { createDisplaySettingsRepository } from '../adapters/db/repositories/displaySettings';
import { createRoomSearchRepository } from '../adapters/db/repositories/roomSearch';
import { DEFAULT_PAIR_RATE_LIMIT, type PairRateLimitSettings } from '../http/middleware/pairRateLimit';
import {
  createDisplayPairingService,
  createDisplaySettingsService,
  createDisplayStateService,
  type DisplayActionsService,
  type DisplayPairingService,
  type DisplaySettingsService,
  type DisplayStateService,
} from '../services/displays';
import { composeDisplayActions, type DisplayActionsWiring } from './displayActions';
import { createRoomReleaseRepository } from '../adapters/db/repositories/roomReleases';
import type { RoomReleaseService } from '../services/displays/release';
import type { Infrastructure } from './infrastructure';

/** Room displays (issue 14): pairing and device tokens. */
export interface DisplaysFeature {
  readonly pairing: DisplayPairingService;
  readonly state: DisplayStateService;
  readonly settings: DisplaySettingsService;
  readonly actions: DisplayActionsService;
  readonly pairRateLimit: PairRateLimitSettings;
  /** Releases meetings nobody checked in to; main runs it every minute. */
  readonly release: RoomReleaseService;
}

export interface DisplaysSettings {
  /** The address tablets open (pairing URLs). */
  readonly publicUrl: string;
  /** Default: 5 wrong codes per address a minute. */
  readonly pairRateLimit?: PairRateLimitSettings | undefined;
  /** How long "book now" waits for the room's attendant before answering pending (default 5 s). */
  readonly confirmWaitMs?: number | undefined;
}

export interface DisplaysFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger'>;
  readonly settings: DisplaysSettings;
  readonly actionsWiring: DisplayActionsWiring;
}

export function composeDisplays(deps: DisplaysFeatureDeps): DisplaysFeature {
  const { knex, clock } = deps.infrastructure;
  const rooms = createDisplayRoomRepository(knex);
  const settings = createDisplaySettingsService({
    settings: createDisplaySettingsRepository(knex),
    roomExists: async (roomId) => (await rooms.roomOf(roomId)) !== undefined,
    clock,
  });
  const actions = createDisplayActionRepository(knex);
  const state = createDisplayStateService({
    rooms,
    roomSearch: createRoomSearchRepository(knex),
    clock,
    settingsFor: (roomId) => settings.settingsFor(roomId),
    checkedIn: (bookingIds) => actions.checkedIn(bookingIds),
    releasedIn: (roomId, window) => createRoomReleaseRepository(knex).releasedIn(roomId, window),
  });
  const acting = composeDisplayActions({
    infrastructure: deps.infrastructure,
    wiring: deps.actionsWiring,
    actions,
    rooms,
    state,
    settings,
  });
  return {
    pairing: createDisplayPairingService({
      displays: createDisplayRepository(knex),
      clock,
      publicUrl: deps.settings.publicUrl.replace(/\/+$/, ''),
    }),
    state,
    settings,
    actions: acting.actions,
    release: acting.release,
    pairRateLimit: deps.settings.pairRateLimit ?? DEFAULT_PAIR_RATE_LIMIT,
  };
}
