/**
 * `npm run demo:simulator-seed`: writes the Exchange simulator's `demo` seed
 * (test/exchange-sim/seeds/demo.json) from the demo organisation (demo/organisation/). Run it after
 * changing the organisation; demo/exchange/simulatorSeed.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { DEMO_SIMULATOR_SEED_FILE, demoSimulatorSeedJson } from '../demo/exchange/simulatorSeed';

writeFileSync(DEMO_SIMULATOR_SEED_FILE, demoSimulatorSeedJson());
console.log(`wrote ${DEMO_SIMULATOR_SEED_FILE}`);
