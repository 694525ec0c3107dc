import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverEntry } from '../support/serverEntry';
import * as ews from 'ews-javascript-api';
import request from 'supertest';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { LEASE_NAMESPACE, lockKey } from '../../server/adapters/db/advisoryRoomLeases';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';
import { buildRoom } from '../factories/locations';
import { createTestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Two real Roomserve processes on one PostgreSQL: the rooms are spread over them, each synced by one;
 * when one is killed with SIGKILL, the other takes its rooms over within 30 s.
 */

const ROOMS = ['room.harbour.0.elbe@northwind.test', 'room.harbour.0.alster@northwind.test'];
const onPostgres = process.env.TEST_DB === 'postgres' ? describe : describe.skip;

let db: TestDatabase;
let sim: RunningExchangeSim;
const children: ChildProcess[] = [];
const key = randomBytes(32);

function startInstance(name: string): Promise<ChildProcess> {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.searchParams.set('options', `-c search_path=${db.label.split(':')[1] ?? 'public'},public`);
  const child = spawn(process.execPath, [...serverEntry()], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: url.toString(),
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: 'off',
      EXCHANGE_SIM: 'off',
      ROOMSERVE_SECRET_KEY: key.toString('base64'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), `roomserve-${name}-`)),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${output.slice(-2000)}`)), 90_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Roomserve listening')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${String(code)}: ${output.slice(-2000)}`)));
  });
}

const roomIds: string[] = [];

/** The database sessions holding this test's room leases. */
async function leaseHolders(): Promise<number[]> {
  const keys = roomIds.map((id) => lockKey(id) >>> 0);
  const result = await db.knex.raw<{ rows: { pid: number }[] }>(
    `SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = ? AND objid IN (${keys.map(() => '?').join(', ')}) AND granted`,
    [LEASE_NAMESPACE, ...keys],
  );
  return result.rows.map((r) => r.pid);
}

async function confirmedSubjects(): Promise<string[]> {
  const rows: { subject: string }[] = await db
    .knex('bookings')
    .where({ status: 'confirmed', source: 'exchange' })
    .select<{ subject: string }[]>('subject');
  return rows.map((r) => r.subject);
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - started;
}

async function bookMeeting(subject: string, start: string): Promise<void> {
  const emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', 'Roomserve-demo-1', 'basic', sim.control.caCertPem);
  const appt = new ews.Appointment(emma);
  appt.Subject = subject;
  appt.Start = at(start);
  appt.End = at(new Date(Date.parse(start) + 3600_000).toISOString());
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  for (const room of ROOMS) appt.Resources.Add(room);
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
}

onPostgres('two server instances on one PostgreSQL', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 5, validateRequests: false });
    const setup = createTestApp(db.knex, { secrets: createSecretBox(key) });
    const admin = await setup.tokenFor('admin');
    const saved = await request(setup.app).put('/api/admin/exchange').set('Authorization', `Bearer ${admin}`).send({
      ewsUrl: sim.url,
      username: 'NORTHWIND\\svc-roomserve',
      password: 'Roomserve-demo-1',
      authMethod: 'basic',
      caBundlePem: sim.control.caCertPem,
    });
    expect(saved.status).toBe(200);
    for (const email of ROOMS) {
      const id = await buildRoom(db.knex, { exchangeEmail: email });
      await db.knex('rooms').where({ id }).update({ exchange_state: 'verified' });
      roomIds.push(id);
    }
  }, 60_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await sim?.close();
    await db?.close();
  });

  it('syncs each room in one instance, and hands the rooms over within 30 s of a kill -9', async () => {
    const first = await startInstance('first');
    await until('the first instance to claim the rooms', async () => (await leaseHolders()).length === 1, 30_000);
    await startInstance('second');
    // The first leaves the second its share: one room each, each room held by one session only.
    await until('the rooms to be spread over both instances', async () => (await leaseHolders()).length === 2, 40_000);
    await bookMeeting('Before the crash', new Date(Date.now() + 86_400_000).toISOString());
    await until('the meeting to be synced', async () => (await confirmedSubjects()).length === 2, 30_000);

    first.kill('SIGKILL');
    await bookMeeting('After the crash', new Date(Date.now() + 2 * 86_400_000).toISOString());
    const tookMs = await until(
      'the other instance to take over',
      async () => (await confirmedSubjects()).length === 4,
      30_000,
    );
    expect(tookMs).toBeLessThan(30_000);
    expect(await leaseHolders()).toHaveLength(1);
  }, 180_000);
});
