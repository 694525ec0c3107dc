import path from 'node:path';
import type { z } from 'zod';
import type { seedSchema } from '../../test/exchange-sim/model/seed';
import {
  DEMO_BUILDINGS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_SERVICE_ACCOUNT,
  demoLogon,
  demoRoomListEmail,
} from '../organisation/organisation';

/**
 * The demo organisation in the Exchange simulator's seed format (test/exchange-sim/model/seed.ts):
 * the service account with impersonation, a mailbox for every person with one (not the external
 * guest) and every room, and a room list per building. The simulator knows nothing of ours, so
 * this adapts the organisation to its format, never the other way round.
 *
 * test/exchange-sim/seeds/demo.json (the simulator's `demo` seed, used by its CLI and the tests)
 * is this seed written out by `npm run demo:simulator-seed`; simulatorSeed.test.ts fails when it
 * is stale.
 */

/** What the simulator accepts (its defaults not yet filled in), so the written file stays lean. */
export type SimulatorSeedInput = z.input<typeof seedSchema>;
type SeedAccountInput = SimulatorSeedInput['accounts'][number];

function mailbox(email: string, displayName: string, kind: 'user' | 'room'): SeedAccountInput {
  return { email, username: demoLogon(email), password: DEMO_PASSWORD, displayName, kind };
}

export function demoSimulatorSeed(): SimulatorSeedInput {
  const service: SeedAccountInput = {
    email: DEMO_SERVICE_ACCOUNT.email,
    username: DEMO_SERVICE_ACCOUNT.username,
    password: DEMO_PASSWORD,
    displayName: DEMO_SERVICE_ACCOUNT.name,
    kind: 'service',
    impersonation: true,
  };
  const rooms = DEMO_BUILDINGS.flatMap((building) => building.floors.flatMap((floor) => floor.rooms));
  return {
    accounts: [
      service,
      ...DEMO_PEOPLE.map((person) => mailbox(person.email, person.name, 'user')),
      ...rooms.map((room) => mailbox(room.email, room.name, 'room')),
    ],
    roomLists: DEMO_BUILDINGS.map((building) => ({
      name: building.name,
      email: demoRoomListEmail(building),
      rooms: building.floors.flatMap((floor) => floor.rooms.map((room) => room.email)),
    })),
    attendant: {},
  };
}

/** The simulator's `demo` seed; it loads it by name (`seed: 'demo'`, `--seed demo`). */
export const DEMO_SIMULATOR_SEED_FILE = path.resolve(
  __dirname,
  '..',
  '..',
  'test',
  'exchange-sim',
  'seeds',
  'demo.json',
);

/** The seed file's text, as written to DEMO_SIMULATOR_SEED_FILE. */
export function demoSimulatorSeedJson(): string {
  return `${JSON.stringify(demoSimulatorSeed(), null, 2)}\n`;
}
