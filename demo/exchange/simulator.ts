import type { RunningSimulator } from './demoExchange';
import { demoSimulatorSeed } from './simulatorSeed';

/**
 * Starts the bundled Exchange simulator with the demo organisation. The simulator lives with the
 * tests (test/exchange-sim) and is imported here, on demand, so that a server that never starts it
 * never loads it.
 */
export async function startDemoSimulator(): Promise<RunningSimulator> {
  const [{ startExchangeSim }, { parseSeed }] = await Promise.all([
    import('../../test/exchange-sim/index.js'),
    import('../../test/exchange-sim/model/seed.js'),
  ]);
  // Schema validation of every request would make the demo slow; the simulator's tests cover it.
  const sim = await startExchangeSim({ seed: parseSeed(demoSimulatorSeed()), validateRequests: false });
  return { url: sim.url, caCertPem: sim.control.caCertPem, close: () => sim.close() };
}
