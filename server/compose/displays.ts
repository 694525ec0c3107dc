import { createDisplayRepository, createDisplayRoomRepository } from '../adapters/db/repositories/displays';
import { createDisplayActionRepository } from '../adapters/db/repositories/displayActions';
import { createDisplaySettingsRepository } from '../adapters/db/repositories/displaySettings';
import { createRoomSearchRepository } from '../adapters/db/repositories/roomSearch';
import type { DemoDisplayLinkSource } from '../ports/demoDisplay';
import { DEFAULT_PAIR_RATE_LIMIT, type PairRateLimitSettings } from '../http/middleware/pairRateLimit';
import type { RoomChanges } from '../ports/roomChanges';
import {
  createDisplayLiveService,
  createDisplayPinService,
  createDisplayPairingService,
  createDisplaySettingsService,
  createDisplayStateService,
  type DisplayActionsService,
  type DisplayLiveService,
  type DisplayPinService,
  type DisplayPairingService,
  type DisplaySettingsService,
  type DisplayStateService,
} from '../services/displays';
import { bookNowRules, composeDisplayActions, type DisplayActionsWiring } from './displayActions';
import { createRoomReleaseRepository } from '../adapters/db/repositories/roomReleases';
import type { RoomReleaseService } from '../services/displays/release';
import { publishingActions, publishingRevocations, publishingSettings } from './displaysLive';
import type { FloorOccupancyService } from '../services/plan';
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
  /** The demo's display link; null outside the demo. */
  readonly demoLink: DemoDisplayLinkSource;
  /** The push stream (GET /api/display/events) and the PIN (display-live). */
  readonly live: DisplayLiveService;
  readonly pins: DisplayPinService;
  readonly roomChanges: RoomChanges;
  readonly heartbeatMs: number;
}

export interface DisplaysSettings {
  /** The address tablets open (pairing URLs). */
  readonly publicUrl: string;
  /** Default: 5 wrong codes per address a minute. */
  readonly pairRateLimit?: PairRateLimitSettings | undefined;
  /** The demo's paired display (main passes the demo's); default: none, as in every real installation. */
  readonly demoLink?: DemoDisplayLinkSource | undefined;
  /** The stream's keep-alive comment interval (default 25 s). */
  readonly heartbeatMs?: number | undefined;
  /** How long "book now" waits for the room's attendant before answering pending (default 5 s). */
  readonly confirmWaitMs?: number | undefined;
}

export interface DisplaysFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'secrets' | 'logger'>;
  readonly settings: DisplaysSettings;
  readonly actionsWiring: DisplayActionsWiring;
  /** Rooms free near a room by the live plan's rule (the plan feature's occupancy service). */
  readonly freeNear: FloorOccupancyService['freeNear'];
  /** What the streams follow; the sync and Roomserve bookings publish to the same one. */
  readonly roomChanges: RoomChanges;
}

export function composeDisplays(deps: DisplaysFeatureDeps): DisplaysFeature {
  const { knex, clock, secrets, logger } = deps.infrastructure;
  const { roomChanges } = deps;
  const rooms = createDisplayRoomRepository(knex);
  const displays = createDisplayRepository(knex);
  const pins = createDisplayPinService({
    displays,
    keyedHash: (purpose, value) => secrets.keyedHash(purpose, value),
    changes: roomChanges,
  });
  const settings = publishingSettings(
    createDisplaySettingsService({
      settings: createDisplaySettingsRepository(knex),
      roomExists: async (roomId) => (await rooms.roomOf(roomId)) !== undefined,
      clock,
    }),
    roomChanges,
  );
  const actions = publishingActions(createDisplayActionRepository(knex), roomChanges);
  const state = createDisplayStateService({
    rooms,
    roomSearch: createRoomSearchRepository(knex),
    clock,
    settingsFor: (roomId) => settings.settingsFor(roomId),
    checkedIn: (bookingIds) => actions.checkedIn(bookingIds),
    releasedIn: (roomId, window) => createRoomReleaseRepository(knex).releasedIn(roomId, window),
    pinRequired: (displayId) => pins.required(displayId),
    bookNowRules: bookNowRules(knex, clock),
    freeNear: deps.freeNear,
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
    pairing: publishingRevocations(
      createDisplayPairingService({
        displays,
        clock,
        publicUrl: deps.settings.publicUrl.replace(/\/+$/, ''),
        hashPairingCode: (code) => secrets.keyedHash('pairing-code', code),
      }),
      roomChanges,
    ),
    state,
    settings,
    actions: acting.actions,
    release: acting.release,
    pairRateLimit: deps.settings.pairRateLimit ?? DEFAULT_PAIR_RATE_LIMIT,
    demoLink: deps.settings.demoLink ?? (() => null),
    live: createDisplayLiveService({
      changes: roomChanges,
      state,
      stillPaired: async (displayId) => (await displays.pinHashOf(displayId)) !== undefined,
      markSeen: (displayId) => displays.markSeen(displayId, clock.now(), null),
      clock,
      onError: (err) => logger.warn({ err }, 'a display stream could not read its state'),
    }),
    pins,
    roomChanges,
    heartbeatMs: deps.settings.heartbeatMs ?? 25_000,
  };
}
