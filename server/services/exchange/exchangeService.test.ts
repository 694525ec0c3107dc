import { describe, expect, it } from '@jest/globals';
import { GatewayError, type RoomMailboxCheck } from '../../ports/calendarGateway';
import type {
  ExchangeConnection,
  ExchangeConnectionFactory,
  ExchangeConnectionSettings,
  ExchangeGateway,
  ExchangeSettingsRepository,
  StoredExchangeSettings,
} from '../../ports/exchangeSettings';
import { createExchangeService, SKIP_TLS_WARNING } from '.';

/** The service with an in-memory settings store and a scripted gateway. */

function memoryRepository(): ExchangeSettingsRepository & { row?: StoredExchangeSettings } {
  const repo: ExchangeSettingsRepository & { row?: StoredExchangeSettings } = {
    get: () => Promise.resolve(repo.row),
    save: (settings, at) => {
      repo.row = { ...settings, updatedAt: at };
      return Promise.resolve(repo.row);
    },
    connectedRoomEmails: () => Promise.resolve(new Set(['room.a@example.com'])),
  };
  return repo;
}

const reversed = {
  seal: (s: string) => `sealed:${[...s].reverse().join('')}`,
  open: (s: string) => [...s.slice(7)].reverse().join(''),
  keyedHash: (purpose: string, s: string) => `${purpose}:${s}`,
};

function scriptedGateway(check: (email: string) => Promise<RoomMailboxCheck>): ExchangeGateway {
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    probe: () => Promise.resolve({ ok: true, roomMailboxes: 2 }),
    close: () => undefined,
    checkRoomMailbox: check,
    listRoomMailboxes: () =>
      Promise.resolve([
        { email: 'room.a@example.com', name: 'A', roomList: 'HQ' },
        { email: 'room.b@example.com', name: 'B', roomList: 'HQ' },
      ]),
    syncCalendarChanges: unused,
    roomItemDetails: unused,
    calendarView: unused,
    organizerDetails: unused,
    organizerCalendar: unused,
    openStream: unused,
    openPullStream: unused,
  };
}

/** A connection whose only view is the gateway (the service uses nothing else here). */
function connectionOf(gateway: ExchangeGateway): ExchangeConnection {
  const unused = (): never => {
    throw new Error('not used here');
  };
  return {
    gateway: () => gateway,
    meetingWriter: unused,
    meetingLookup: unused,
    directory: unused,
    close: () => gateway.close(),
  };
}

const okCheck = (): Promise<RoomMailboxCheck> => Promise.resolve({ ok: true, displayName: 'A' });

function setup(
  check: (email: string) => Promise<RoomMailboxCheck> = okCheck,
  createConnection: ExchangeConnectionFactory = () => Promise.resolve(connectionOf(scriptedGateway(check))),
) {
  const repo = memoryRepository();
  const built: ExchangeConnectionSettings[] = [];
  const warnings: string[] = [];
  let clock = Date.parse('2031-03-01T00:00:00Z');
  const service = createExchangeService({
    settings: repo,
    secrets: reversed,
    createConnection: (s) => (built.push(s), createConnection(s)),
    clock: { now: () => new Date((clock += 1000)) },
    warn: (m) => warnings.push(m),
    verifyTimeoutMs: 100,
  });
  return { service, repo, built, warnings };
}

interface Build {
  readonly settings: ExchangeConnectionSettings;
  readonly closed: boolean;
  finish(): void;
  fail(err: Error): void;
}

/** Connections that are built when the test says so, as the EWS adapter's are once its library has loaded. */
function slowBuilds(): { builds: Build[]; createConnection: ExchangeConnectionFactory } {
  const builds: Build[] = [];
  const createConnection: ExchangeConnectionFactory = (settings) =>
    new Promise((resolve, reject) => {
      const build = {
        settings,
        closed: false,
        finish: () => resolve({ ...connectionOf(scriptedGateway(okCheck)), close }),
        fail: reject,
      };
      function close(): void {
        build.closed = true;
      }
      builds.push(build);
    });
  return { builds, createConnection };
}

/** Lets the service's pending reads of the settings settle. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const input = {
  ewsUrl: 'https://mail.example.com/EWS/Exchange.asmx',
  username: 'EX\\svc',
  password: 'pw-1',
  authMethod: 'ntlm' as const,
  caBundlePem: null,
  skipTlsVerification: false,
};

describe('the Exchange service', () => {
  it('seals the password, answers passwordSet, and keeps the password when a save omits it', async () => {
    const { service, repo, built } = setup();
    const saved = await service.saveSettings(input);
    expect(saved).toMatchObject({ configured: true, passwordSet: true });
    expect(JSON.stringify(saved)).not.toContain('pw-1');
    expect(repo.row?.passwordSealed).toBe('sealed:1-wp');
    const { password: _omit, ...rest } = input;
    await service.saveSettings({ ...rest, username: 'EX\\svc2' });
    await service.gateway();
    expect(built.at(-1)).toMatchObject({ password: 'pw-1', username: 'EX\\svc2', authMethod: 'ntlm' });
  });

  it('asks for the password again when the authentication method changes (issue #20)', async () => {
    const { service, repo } = setup();
    await service.saveSettings(input);
    const { password: _omit, ...rest } = input;
    await expect(service.saveSettings({ ...rest, authMethod: 'basic' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { field: 'password', reason: 'auth_method_changed' },
    });
    expect(repo.row?.authMethod).toBe('ntlm');
    await service.saveSettings({ ...input, authMethod: 'basic', password: 'pw-2' });
    expect(repo.row).toMatchObject({ authMethod: 'basic', passwordSealed: 'sealed:2-wp' });
  });

  it('rebuilds the gateway after a save and tells listeners', async () => {
    const { service, built } = setup();
    let told = 0;
    service.onSettingsChanged(() => told++);
    await service.saveSettings(input);
    const first = await service.gateway();
    expect(await service.gateway()).toBe(first);
    await service.saveSettings({ ...input, username: 'EX\\other' });
    expect(await service.gateway()).not.toBe(first);
    expect(built.map((b) => b.username)).toEqual(['EX\\svc', 'EX\\other']);
    expect(told).toBe(2);
  });

  it('warns while TLS verification is skipped, on save and at every start', async () => {
    const { service, warnings } = setup();
    await service.saveSettings({ ...input, skipTlsVerification: true });
    await service.startupCheck();
    expect(warnings).toEqual([SKIP_TLS_WARNING, SKIP_TLS_WARNING]);
  });

  it('gives no verdict while nothing is configured, and fails in words when Exchange is too slow', async () => {
    const slow = setup(() => new Promise((resolve) => setTimeout(() => resolve({ ok: true, displayName: 'A' }), 500)));
    await expect(slow.service.mailboxVerifier.verify('room.a@example.com')).resolves.toEqual({ ok: 'not-configured' });
    await slow.service.saveSettings(input);
    await expect(slow.service.mailboxVerifier.verify('room.a@example.com')).resolves.toEqual({
      ok: false,
      error: expect.stringContaining('did not answer within 0.1 s'),
    });
  });

  it('passes the mailbox check on to the room', async () => {
    const { service } = setup((email) =>
      Promise.resolve(
        email.startsWith('room')
          ? { ok: true, displayName: 'A' }
          : { ok: false, reason: 'not-a-room', message: `${email} is not a room` },
      ),
    );
    await service.saveSettings(input);
    await expect(service.mailboxVerifier.verify('room.a@example.com')).resolves.toEqual({ ok: true });
    await expect(service.mailboxVerifier.verify('emma@example.com')).resolves.toEqual({
      ok: false,
      error: 'emma@example.com is not a room',
    });
  });

  it('imports room mailboxes, skipping connected ones and those not in a room list', async () => {
    const { service } = setup();
    await service.saveSettings(input);
    const created: string[] = [];
    const result = await service
      .importRooms(
        { floorId: 'f', mailboxes: ['room.a@example.com', 'ROOM.B@example.com', 'x@example.com'], capacity: 4 },
        (room) => {
          created.push(`${room.name}:${room.exchangeEmail}:${room.capacity}`);
          return Promise.reject(new GatewayError('transient', 'not reached'));
        },
      )
      .catch((e: unknown) => e);
    expect(created).toEqual(['B:room.b@example.com:4']);
    expect(result).toBeInstanceOf(GatewayError);
  });

  it('builds one connection for uses that ask while it is being built', async () => {
    const { builds, createConnection } = slowBuilds();
    const { service } = setup(okCheck, createConnection);
    await service.saveSettings(input);
    const first = service.gateway();
    const second = service.gateway();
    await settle();
    expect(builds).toHaveLength(1);
    builds[0]?.finish();
    const gateway = await first;
    expect(await second).toBe(gateway);
    expect(await service.gateway()).toBe(gateway);
    expect(builds).toHaveLength(1);
  });

  it('builds again at the next use after a build failed', async () => {
    const { builds, createConnection } = slowBuilds();
    const { service } = setup(okCheck, createConnection);
    await service.saveSettings(input);
    const failing = service.gateway();
    await settle();
    builds[0]?.fail(new Error('the EWS adapter did not load'));
    await expect(failing).rejects.toThrow('the EWS adapter did not load');
    const again = service.gateway();
    await settle();
    expect(builds).toHaveLength(2);
    builds[1]?.finish();
    await expect(again).resolves.toMatchObject({ probe: expect.any(Function) });
  });

  it('closes a connection of settings saved over while it was being built, once built', async () => {
    const { builds, createConnection } = slowBuilds();
    const { service } = setup(okCheck, createConnection);
    await service.saveSettings(input);
    const old = service.gateway();
    await settle();
    await service.saveSettings({ ...input, username: 'EX\\other' });
    expect(builds[0]?.closed).toBe(false);
    builds[0]?.finish();
    await old;
    expect(builds[0]?.closed).toBe(true);
    const next = service.gateway();
    await settle();
    builds[1]?.finish();
    await next;
    expect(builds.map((b) => [b.settings.username, b.closed])).toEqual([
      ['EX\\svc', true],
      ['EX\\other', false],
    ]);
  });
});
