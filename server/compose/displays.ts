import { createDisplayRepository, createDisplayRoomRepository } from '../adapters/db/repositories/displays';
import { createDisplayActionRepository } from '../adapters/db/repositories/displayActions';
import { createDisplaySettingsRepository } from '../adapters/db/repositories/displaySettings';
import { createRoomSearchRepository } from '../adapters/db/repositories/roomSearch';
import type { DemoDisplayLinkSource } from '../ports/demoDisplay';
import { DEFAULT_PAIR_RATE_LIMIT, type PairRateLimitSettings } from '../http/middleware/pairRateLimit';
import {
  createDisplayActionsService,
  createDisplayPairingService,
  createDisplaySettingsService,
  createDisplayStateService,
  type DisplayActionsService,
  type DisplayPairingService,
  type DisplaySettingsService,
  type DisplayStateService,
} from '../services/displays';
import type { Infrastructure } from './infrastructure';

/** Room displays (issue 14): pairing and device tokens. */
export interface DisplaysFeature {
  readonly pairing: DisplayPairingService;
  readonly state: DisplayStateService;
  readonly settings: DisplaySettingsService;
  readonly actions: DisplayActionsService;
  readonly pairRateLimit: PairRateLimitSettings;
  /** The demo's display link; null outside the demo. */
  readonly demoLink: DemoDisplayLinkSource;
}

export interface DisplaysSettings {
  /** The address tablets open (pairing URLs). */
  readonly publicUrl: string;
  /** Default: 5 wrong codes per address a minute. */
  readonly pairRateLimit?: PairRateLimitSettings | undefined;
  /** The demo's paired display (main passes the demo's); default: none, as in every real installation. */
  readonly demoLink?: DemoDisplayLinkSource | undefined;
}

export interface DisplaysFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock'>;
  readonly settings: DisplaysSettings;
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
  });
  return {
    pairing: createDisplayPairingService({
      displays: createDisplayRepository(knex),
      clock,
      publicUrl: deps.settings.publicUrl.replace(/\/+$/, ''),
    }),
    state,
    settings,
    actions: createDisplayActionsService({ actions, state }),
    pairRateLimit: deps.settings.pairRateLimit ?? DEFAULT_PAIR_RATE_LIMIT,
    demoLink: deps.settings.demoLink ?? (() => null),
  };
}
