/**
 * Demo mode, the one place main() hands over to: the demo organisation seeded into an empty
 * database, and the bundled Exchange simulator started when no real Exchange is configured.
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { createSyncStore } from '../adapters/db/repositories/syncStore';
import { seedDemoIfEmpty } from '../adapters/db/seeds/demo';
import type { Config } from '../config';
import type { ExchangeService } from '../services/exchange';
import type { LocationsService } from '../services/locations';
import { startDemoExchange, type RunningSimulator } from '../sync/demoExchange';
import { startExchangeSim } from '../../test/exchange-sim';
import type { SeedFile } from '../../test/exchange-sim/model/seed';
// Imported (not read from disk by name) so that the compiled build carries it into dist/.
import demoExchangeSeed from '../../test/exchange-sim/seeds/demo.json';

export interface Demo {
  /** Whether the bundled simulator is what the sync talks to (shown in /api/info). */
  simulatedExchange(): boolean;
  /** Seeds an empty database (demo mode) and starts the simulated Exchange (EXCHANGE_SIM, no real one). */
  start(features: { readonly exchange: ExchangeService; readonly locations: LocationsService }): Promise<void>;
}

export interface DemoDeps {
  readonly config: Pick<Config, 'demo' | 'exchangeSim'>;
  readonly knex: Knex;
  readonly logger: Logger;
}

async function startSimulator(): Promise<RunningSimulator> {
  // The simulator validates the seed itself (parseSeed); the JSON import only loses its literal types.
  // Schema validation of every request would make the demo slow; the simulator's tests cover it.
  const sim = await startExchangeSim({ seed: demoExchangeSeed as unknown as SeedFile, validateRequests: false });
  return { url: sim.url, caCertPem: sim.control.caCertPem, close: () => sim.close() };
}

export function composeDemo(deps: DemoDeps): Demo {
  const { config, knex, logger } = deps;
  let simulator: RunningSimulator | null = null;
  return {
    simulatedExchange: () => simulator !== null,
    async start({ exchange, locations }) {
      if (config.demo) await seedDemoIfEmpty(knex, { logger });
      simulator = await startDemoExchange({
        enabled: config.exchangeSim,
        currentSettings: () => exchange.connectionSettings(),
        startSimulator,
        configure: (settings) => exchange.configure(settings),
        exchangeRooms: () => createSyncStore(knex).listExchangeRooms(),
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
    },
  };
}
