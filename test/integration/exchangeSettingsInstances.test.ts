import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { openDatabase, type Database } from '../../server/adapters/db/database';
import {
  createPgExchangeSettingsChanges,
  type PgExchangeSettingsChanges,
} from '../../server/adapters/exchangeSettings/postgres';
import type { ExchangeGateway, ExchangeGatewayFactory } from '../../server/ports/exchangeSettings';
import { InMemoryCalendarGateway } from '../fakes/inMemoryCalendarGateway';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Two app instances on one PostgreSQL, each with its own pool and LISTEN connection: Exchange
 * settings saved through instance A restart the sync of instance B on the new connection, as on A
 * (issue 21: before, B kept its old connection, or none, until it was restarted).
 */

const onPostgres = process.env.TEST_DB === 'postgres' ? describe : describe.skip;

/** The gateways an instance built, with the URL of the settings each was built from. */
interface BuiltGateway {
  readonly url: string;
  closed: boolean;
}

class FakeExchangeGateway extends InMemoryCalendarGateway implements ExchangeGateway {
  constructor(private readonly built: BuiltGateway) {
    super();
  }
  probe(): ReturnType<ExchangeGateway['probe']> {
    return Promise.resolve({ ok: true, roomMailboxes: 0 });
  }
  close(): void {
    this.built.closed = true;
  }
}

function recordingFactory(into: BuiltGateway[]): ExchangeGatewayFactory {
  return (settings) => {
    const built: BuiltGateway = { url: settings.url, closed: false };
    into.push(built);
    return new FakeExchangeGateway(built);
  };
}

async function until(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

onPostgres('Exchange settings across instances (LISTEN/NOTIFY)', () => {
  let db: TestDatabase;
  let secondPool: Database;
  const changes: PgExchangeSettingsChanges[] = [];
  const builtOnA: BuiltGateway[] = [];
  const builtOnB: BuiltGateway[] = [];
  let a: TestApp;
  let b: TestApp;
  let admin: string;
  const key = randomBytes(32);

  const instance = (knex: TestDatabase['knex'], built: BuiltGateway[]): TestApp =>
    createTestApp(knex, {
      secrets: createSecretBox(key),
      exchangeGateway: recordingFactory(built),
      sync: { followSettings: true },
      exchangeSettingsChanges: (pool) => {
        const created = createPgExchangeSettingsChanges({
          connectionString: process.env.DATABASE_URL ?? '',
          knex: pool,
          reconnectMs: 100,
          applicationName: `exchange settings ${db.label}`,
        });
        changes.push(created);
        return created;
      },
    });

  const save = (url: string) =>
    request(a.app).put('/api/admin/exchange').set('Authorization', `Bearer ${admin}`).send({
      ewsUrl: url,
      username: 'NORTHWIND\\svc-roomserve',
      password: 'Roomserve-demo-1',
      authMethod: 'ntlm',
      caBundlePem: null,
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    const schema = db.label.split(':')[1] ?? 'public';
    secondPool = await openDatabase({ engine: 'postgres', url: process.env.DATABASE_URL ?? '', schema, poolMax: 3 });
    a = instance(db.knex, builtOnA);
    b = instance(secondPool.knex, builtOnB);
    await Promise.all(changes.map((c) => c.ready()));
    admin = await a.tokenFor('admin');
    // Both started as main() starts them: without settings, so their sync is off.
    await Promise.all([a, b].map(async (t) => t.sync.restart(await t.deps.exchange.gateway())));
  }, 60_000);

  afterAll(async () => {
    await a.sync.stop();
    await b.sync.stop();
    for (const c of changes) await c.close();
    await secondPool.close();
    await db.close();
  });

  it('starts, moves and keeps the sync of the other instance as the settings saved on one change', async () => {
    expect(b.sync.current()).toBeNull();

    expect((await save('https://mail-1.example.test/EWS/Exchange.asmx')).status).toBe(200);
    await until('the sync of B to start on the saved connection', () => b.sync.current() !== null);
    expect(builtOnB.map((g) => g.url)).toEqual(['https://mail-1.example.test/EWS/Exchange.asmx']);
    const first = b.sync.current();

    // A message that changes nothing (another installation's schema on the same database, a
    // repeated message) leaves B's sync as it is: the next save is the only one B follows.
    const stray = createPgExchangeSettingsChanges({
      connectionString: process.env.DATABASE_URL ?? '',
      knex: db.knex,
      applicationName: `exchange settings ${db.label} stray`,
    });
    await stray.ready();
    await stray.publish();
    await stray.close();

    expect((await save('https://mail-2.example.test/EWS/Exchange.asmx')).status).toBe(200);
    await until(
      'the sync of B to move to the new connection',
      () => builtOnB.length === 2 && b.sync.current() !== first,
    );
    await until('the old connection of B to be closed', () => builtOnB[0]?.closed === true);
    expect(builtOnB.map((g) => g.url)).toEqual([
      'https://mail-1.example.test/EWS/Exchange.asmx',
      'https://mail-2.example.test/EWS/Exchange.asmx',
    ]);
    await until('the sync of B to run', () => b.sync.current() !== null);
    expect(builtOnB[1]?.closed).toBe(false);
    // A followed its own saves once each, as before.
    expect(builtOnA.map((g) => g.url)).toEqual(builtOnB.map((g) => g.url));
  }, 30_000);
});
