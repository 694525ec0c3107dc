import pLimit from 'p-limit';
import type { ExchangeConnectionSettings } from '../../server/ports/exchangeSettings';
import type { ExchangeRoom } from '../../server/ports/syncStore';
import { DEMO_PASSWORD, DEMO_SERVICE_ACCOUNT } from '../organisation/organisation';

/**
 * Demo out of the box: with no real Exchange configured, Roomserve runs the Exchange simulator with
 * the demo organisation, points the integration at it and connects the demo rooms, so a newcomer
 * sees live sync at once. Settings this module wrote are recognised on the next start (service
 * account of the demo seed on a loopback address) and re-pointed at the new simulator.
 */

export interface RunningSimulator {
  readonly url: string;
  readonly caCertPem: string | undefined;
  close(): Promise<void>;
}

export interface DemoExchangeDeps {
  readonly enabled: boolean;
  readonly currentSettings: () => Promise<ExchangeConnectionSettings | null>;
  readonly startSimulator: () => Promise<RunningSimulator>;
  readonly configure: (settings: ExchangeConnectionSettings) => Promise<unknown>;
  readonly exchangeRooms: () => Promise<ExchangeRoom[]>;
  /** Connects a room to its mailbox through the normal path (verification included). */
  readonly connectRoom: (roomId: string, mailbox: string) => Promise<void>;
  readonly log: (message: string, details?: object) => void;
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/** Settings that the demo wrote for an earlier simulator, not an Exchange the admin entered. */
export function isSimulatorSettings(settings: ExchangeConnectionSettings): boolean {
  return settings.username === DEMO_SERVICE_ACCOUNT.username && isLoopback(settings.url);
}

/**
 * Rooms are verified a few at a time: one by one, the demo's 40 took most of its start-up, each
 * waiting on its own EWS round trips. The gateway's concurrency budget still bounds the requests.
 */
const CONNECT_CONCURRENCY = 4;

async function connectAll(deps: DemoExchangeDeps, rooms: readonly ExchangeRoom[]): Promise<void> {
  const limit = pLimit(CONNECT_CONCURRENCY);
  const outcomes = await Promise.allSettled(
    rooms.map((room) => limit(() => deps.connectRoom(room.roomId, room.mailbox))),
  );
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Starts the simulator when the demo applies; null when a real Exchange is configured or it is off. */
export async function startDemoExchange(deps: DemoExchangeDeps): Promise<RunningSimulator | null> {
  if (!deps.enabled) return null;
  const current = await deps.currentSettings();
  if (current && !isSimulatorSettings(current)) return null;
  const simulator = await deps.startSimulator();
  await deps.configure({
    url: simulator.url,
    username: DEMO_SERVICE_ACCOUNT.username,
    password: DEMO_PASSWORD,
    authMethod: 'basic',
    caBundlePem: simulator.caCertPem ?? null,
    skipTlsVerification: false,
  });
  const waiting = (await deps.exchangeRooms()).filter((room) => room.verification !== 'verified' && room.active);
  await connectAll(deps, waiting);
  deps.log('simulated Exchange started with the demo organisation', {
    url: simulator.url,
    connectedRooms: waiting.length,
  });
  return simulator;
}
