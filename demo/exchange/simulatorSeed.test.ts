import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseSeed } from '../../test/exchange-sim/model/seed';
import { allDemoRooms, DEMO_BUILDINGS, DEMO_PEOPLE, DEMO_SERVICE_ACCOUNT } from '../organisation/organisation';
import { DEMO_SIMULATOR_SEED_FILE, demoSimulatorSeed, demoSimulatorSeedJson } from './simulatorSeed';

describe('the demo organisation as the Exchange simulator seed', () => {
  it('is what test/exchange-sim/seeds/demo.json holds (run `npm run demo:simulator-seed` when this fails)', () => {
    expect(readFileSync(DEMO_SIMULATOR_SEED_FILE, 'utf8')).toBe(demoSimulatorSeedJson());
  });

  it('is a seed the simulator accepts, with a mailbox for every demo person and room', () => {
    const seed = parseSeed(demoSimulatorSeed());
    const kinds = new Map(seed.accounts.map((account) => [account.email, account.kind]));
    for (const person of DEMO_PEOPLE) expect(kinds.get(person.email)).toBe('user');
    for (const room of allDemoRooms()) expect(kinds.get(room.email)).toBe('room');
    expect(seed.accounts).toHaveLength(1 + DEMO_PEOPLE.length + allDemoRooms().length);
  });

  it('gives the service account impersonation and each building a room list of its rooms', () => {
    const seed = parseSeed(demoSimulatorSeed());
    const service = seed.accounts.find((account) => account.kind === 'service');
    expect(service).toMatchObject({ username: DEMO_SERVICE_ACCOUNT.username, impersonation: true });
    expect(seed.roomLists.map((list) => [list.name, list.rooms.length])).toEqual(
      DEMO_BUILDINGS.map((building) => [building.name, building.floors.flatMap((f) => f.rooms).length]),
    );
  });
});
