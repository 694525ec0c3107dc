import { describe, expect, it } from '@jest/globals';
import type { ExchangeConnectionSettings } from '../../server/ports/exchangeSettings';
import type { ExchangeRoom } from '../../server/ports/syncStore';
import { DEMO_PASSWORD, DEMO_SERVICE_ACCOUNT } from '../organisation/organisation';
import { startDemoExchange, type DemoExchangeDeps } from './demoExchange';

const SIMULATOR_URL = 'https://127.0.0.1:40123/EWS/Exchange.asmx';

function room(roomId: string, verification: ExchangeRoom['verification'], active = true): ExchangeRoom {
  return {
    roomId,
    name: roomId,
    mailbox: `room.${roomId}@northwind.test`,
    verification,
    checkedAt: null,
    verificationError: null,
    active,
  };
}

function setup(current: ExchangeConnectionSettings | null, rooms: ExchangeRoom[] = []) {
  const configured: ExchangeConnectionSettings[] = [];
  const connected: string[] = [];
  let started = 0;
  const deps: DemoExchangeDeps = {
    enabled: true,
    currentSettings: () => Promise.resolve(current),
    startSimulator: () => {
      started += 1;
      return Promise.resolve({ url: SIMULATOR_URL, caCertPem: 'PEM', close: () => Promise.resolve() });
    },
    configure: (settings) => {
      configured.push(settings);
      return Promise.resolve();
    },
    exchangeRooms: () => Promise.resolve(rooms),
    connectRoom: (roomId, mailbox) => {
      connected.push(`${roomId} ${mailbox}`);
      return Promise.resolve();
    },
    log: () => undefined,
  };
  return { deps, configured, connected, started: () => started };
}

const earlierSimulator: ExchangeConnectionSettings = {
  url: 'https://127.0.0.1:39999/EWS/Exchange.asmx',
  username: DEMO_SERVICE_ACCOUNT.username,
  password: DEMO_PASSWORD,
  authMethod: 'basic',
  caBundlePem: 'OLD',
  skipTlsVerification: false,
};

describe('the simulated Exchange of the demo', () => {
  it('points a Roomserve without Exchange at the simulator as the demo service account', async () => {
    const { deps, configured } = setup(null);
    const simulator = await startDemoExchange(deps);
    expect(simulator?.url).toBe(SIMULATOR_URL);
    expect(configured).toEqual([
      {
        url: SIMULATOR_URL,
        username: DEMO_SERVICE_ACCOUNT.username,
        password: DEMO_PASSWORD,
        authMethod: 'basic',
        caBundlePem: 'PEM',
        skipTlsVerification: false,
      },
    ]);
  });

  it('verifies several rooms at once, never more than four, and waits for all of them', async () => {
    const rooms = Array.from({ length: 10 }, (_, i) => room(`r${i}`, 'unconnected'));
    const { deps } = setup(null, rooms);
    let running = 0;
    let most = 0;
    const done: string[] = [];
    const connectRoom = async (roomId: string): Promise<void> => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      done.push(roomId);
    };
    await startDemoExchange({ ...deps, connectRoom });
    expect(most).toBe(4);
    expect(done.sort()).toEqual(rooms.map((r) => r.roomId).sort());
  });

  it('fails when a room cannot be connected, once every other room has had its turn', async () => {
    const rooms = Array.from({ length: 6 }, (_, i) => room(`r${i}`, 'unconnected'));
    const { deps } = setup(null, rooms);
    const tried: string[] = [];
    const connectRoom = async (roomId: string): Promise<void> => {
      tried.push(roomId);
      await Promise.resolve();
      if (roomId === 'r1') throw new Error('room r1 is not a room mailbox');
    };
    await expect(startDemoExchange({ ...deps, connectRoom })).rejects.toThrow('room r1 is not a room mailbox');
    expect(tried).toHaveLength(6);
  });

  it('connects the active rooms not yet verified, and leaves verified and inactive rooms alone', async () => {
    const rooms = [
      room('a', 'unconnected'),
      room('b', 'verified'),
      room('c', 'failed'),
      room('d', 'unconnected', false),
    ];
    const { deps, connected } = setup(null, rooms);
    await startDemoExchange(deps);
    expect(connected).toEqual(['a room.a@northwind.test', 'c room.c@northwind.test']);
  });

  it('re-points settings an earlier simulator left at the new one', async () => {
    const { deps, configured } = setup(earlierSimulator);
    await startDemoExchange(deps);
    expect(configured.map((s) => s.url)).toEqual([SIMULATOR_URL]);
  });

  it('never starts when a real Exchange is configured or the simulator is switched off', async () => {
    const real = setup({ ...earlierSimulator, url: 'https://mail.example.com/EWS/Exchange.asmx' });
    expect(await startDemoExchange(real.deps)).toBeNull();
    const otherAccount = setup({ ...earlierSimulator, username: 'CONTOSO\\svc-rooms' });
    expect(await startDemoExchange(otherAccount.deps)).toBeNull();
    const off = setup(null);
    expect(await startDemoExchange({ ...off.deps, enabled: false })).toBeNull();
    expect([real, otherAccount, off].map((s) => [s.started(), s.configured.length])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});
