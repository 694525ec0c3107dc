import type { Knex } from 'knex';
import type { ExchangeConnectionSettings } from '../server/ports/exchangeSettings';
import type { PreviewOutlook } from '../server/ports/previewOutlook';
import type { ExchangeRoom } from '../server/ports/syncStore';
import { seedDemoIfEmpty } from './database/seed';
import { ensureDemoDisplay, type DemoDisplayPairing } from './display';
import { bookForDemoGuest, type GuestBookings } from './guestBooking';
import { startDemoExchange, type RunningSimulator } from './exchange/demoExchange';
import { createPreviewOutlook } from './exchange/previewOutlook';
import { startDemoSimulator } from './exchange/simulator';
import { DEMO_EXTERNAL_GUEST, DEMO_PASSWORD, DEMO_PEOPLE } from './organisation/organisation';

/**
 * The demo plug-in: the demo organisation (organisation/), its drawn floor plans and room pictures
 * (art/), the database seed generated from it (database/) and the Exchange simulator started for
 * it (exchange/). server/main.ts imports this module only when DEMO or EXCHANGE_SIM is on and calls
 * startDemo once, after the services are composed and before it listens.
 */

export interface DemoLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface DemoOptions {
  /** DEMO: seed the demo organisation when the database has no buildings yet. */
  readonly seed: boolean;
  /** EXCHANGE_SIM: run the simulator with the demo organisation while no real Exchange is configured. */
  readonly simulatedExchange: boolean;
  readonly knex: Knex;
  readonly exchange: {
    connectionSettings(): Promise<ExchangeConnectionSettings | null>;
    configure(settings: ExchangeConnectionSettings): Promise<unknown>;
  };
  readonly locations: {
    updateRoom(roomId: string, patch: { exchangeEmail: string | null }): Promise<unknown>;
  };
  /** The rooms that have an Exchange mailbox, with their verification state. */
  readonly exchangeRooms: () => Promise<ExchangeRoom[]>;
  readonly logger: DemoLogger;
  /** With the seed (DEMO): pairs the demo's room display once and keeps its token in `dataDir`. */
  readonly display?: { readonly dataDir: string; readonly publicUrl: string; readonly pairing: DemoDisplayPairing };
  /** With the seed (DEMO): the demo's guest books a room through it once Roomserve runs. */
  readonly bookings?: GuestBookings;
}

export interface RunningDemo {
  /** Whether Roomserve's Exchange is the bundled simulator (the web app shows a banner). */
  readonly simulatedExchange: boolean;
  /** What to print once Roomserve is ready: the demo accounts and their one password (public, as in the README). */
  readonly signIn: string;
  /** Saves and sends the taskpane preview's appointment in the simulator; null without it. */
  readonly previewOutlook: PreviewOutlook | null;
  /** The demo's paired room display (its page with the device token); null without the seed. */
  readonly displayLink: string | null;
  /** What the demo does once Roomserve runs (the sync started): the guest's booking. */
  readonly whenRunning: () => Promise<void>;
}

async function startSimulatedExchange(options: DemoOptions): Promise<RunningSimulator | null> {
  const { exchange, locations, logger } = options;
  const simulator = await startDemoExchange({
    enabled: options.simulatedExchange,
    currentSettings: () => exchange.connectionSettings(),
    startSimulator: startDemoSimulator,
    configure: (settings) => exchange.configure(settings),
    exchangeRooms: options.exchangeRooms,
    connectRoom: async (roomId, mailbox) => {
      // Clearing and setting the address again runs the same verification as the location editor.
      await locations.updateRoom(roomId, { exchangeEmail: null });
      await locations.updateRoom(roomId, { exchangeEmail: mailbox });
    },
    log: (message, details) => logger.warn(details ?? {}, message),
  }).catch((err: unknown) => {
    logger.error({ err }, 'the simulated Exchange could not start; Roomserve runs without Exchange sync');
    return null;
  });
  return simulator;
}

async function demoDisplay(options: DemoOptions): Promise<string | null> {
  if (!options.seed || !options.display) return null;
  const link = await ensureDemoDisplay({ knex: options.knex, ...options.display }).catch((err: unknown) => {
    options.logger.error({ err }, 'the demo display could not be paired');
    return undefined;
  });
  return link ?? null;
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  if (options.seed) await seedDemoIfEmpty(options.knex, { logger: options.logger, history: true });
  const displayLink = await demoDisplay(options);
  const signIn = [demoSignIn(), ...(displayLink ? [`Display: ${displayLink}`] : [])].join('\n');
  const simulator = await startSimulatedExchange(options);
  if (!simulator) return { simulatedExchange: false, previewOutlook: null, signIn, displayLink, whenRunning: nothing };
  const previewOutlook = createPreviewOutlook({
    simulatorUrl: simulator.url,
    caCertPem: simulator.caCertPem,
    // An admin who enters a real Exchange ends the preview's stand-in at once.
    stillSimulated: async () => (await options.exchange.connectionSettings())?.url === simulator.url,
  });
  return { simulatedExchange: true, previewOutlook, signIn, displayLink, whenRunning: () => guestBooking(options) };
}

const nothing = (): Promise<void> => Promise.resolve();

async function guestBooking(options: DemoOptions): Promise<void> {
  if (!options.seed || !options.bookings) return;
  if (await bookForDemoGuest(options.knex, options.bookings, new Date())) {
    options.logger.info({}, 'the demo guest booked a room (Admin → Externals)');
  }
}

/** One account per role, as the README lists them. */
export function demoSignIn(): string {
  const people = [...DEMO_PEOPLE, DEMO_EXTERNAL_GUEST];
  const firstOfEachRole = people.filter((p, i) => people.findIndex((q) => q.role === p.role) === i);
  const lines = firstOfEachRole.map((p) => `  ${p.email.padEnd(34)} ${p.role}`);
  return [`Demo accounts (password ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
