import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { DEMO_PASSWORD } from '../../demo/organisation/organisation';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Attacks by an admin on the Exchange settings (issue #20): the write-only password must not be
 * extractable by pointing the EWS URL elsewhere, and the connection test must not work as a port
 * scanner that tells closed ports, other services and web servers apart and echoes what they say.
 */

const BANNER = 'secret-banner-7f3a';

let sim: RunningExchangeSim;
let db: TestDatabase;
let t: TestApp;
let admin: string;
const listeners: Array<Server | ReturnType<typeof createTcpServer>> = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 20, validateRequests: false });
  db = await createTestDatabase();
  t = createTestApp(db.knex);
  admin = await t.tokenFor('admin');
}, 120_000);
afterAll(async () => {
  t.deps.exchange.close();
  for (const socket of sockets) socket.destroy();
  for (const server of listeners) await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
  await sim.close();
});
beforeEach(async () => {
  await db.knex('exchange_settings').del();
});

const put = (body: object, token = admin) =>
  request(t.app).put('/api/admin/exchange').set('Authorization', `Bearer ${token}`).send(body);
const testConnection = (token = admin) =>
  request(t.app).post('/api/admin/exchange/test').set('Authorization', `Bearer ${token}`).send({});

const realSettings = {
  ewsUrl: '',
  username: 'NORTHWIND\\svc-roomserve',
  password: DEMO_PASSWORD,
  authMethod: 'basic',
  caBundlePem: null as string | null,
};

async function listening<T extends Server | ReturnType<typeof createTcpServer>>(server: T): Promise<number> {
  listeners.push(server);
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

/** An attacker's web server that records what reaches it. */
async function captureServer(): Promise<{ url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const port = await listening(
    createHttpServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end();
    }),
  );
  return { url: `http://127.0.0.1:${port}/EWS/Exchange.asmx`, seen };
}

describe('the write-only Exchange password', () => {
  beforeEach(() => {
    realSettings.ewsUrl = sim.url;
    realSettings.caBundlePem = sim.control.caCertPem ?? null;
  });

  it('is not sent to a new address saved without entering it again', async () => {
    expect((await put(realSettings)).status).toBe(200);
    const attacker = await captureServer();
    const { password: _keep, ...withoutPassword } = realSettings;

    const moved = await put({ ...withoutPassword, ewsUrl: attacker.url, sendPasswordUnencrypted: true });
    expect(moved.status).toBe(400);
    expect(JSON.stringify(moved.body)).toMatch(/password/i);
    const https = await put({
      ...withoutPassword,
      ewsUrl: attacker.url.replace('http:', 'https:'),
      authMethod: 'ntlm',
    });
    expect(https.status).toBe(400);
    await testConnection();
    expect(attacker.seen).toEqual([]);
    // The stored settings still point at the real Exchange.
    const stored = await request(t.app).get('/api/admin/exchange').set('Authorization', `Bearer ${admin}`);
    expect(stored.body).toMatchObject({ ewsUrl: sim.url, passwordSet: true });
  });

  it('is not sent as Basic after switching the method from NTLM without entering it again', async () => {
    const attacker = await captureServer();
    // NTLM never puts the password itself on the wire, so an http address is allowed without the tick.
    expect((await put({ ...realSettings, ewsUrl: attacker.url, authMethod: 'ntlm' })).status).toBe(200);
    const { password: _keep, ...withoutPassword } = realSettings;

    const switched = await put({ ...withoutPassword, ewsUrl: attacker.url, sendPasswordUnencrypted: true });
    expect(switched.status).toBe(400);
    expect(switched.body).toMatchObject({
      error: {
        code: 'validation_failed',
        message: expect.stringMatching(/password again.*authentication method/),
        details: { field: 'password', reason: 'auth_method_changed' },
      },
    });
    await testConnection();
    const basicHeaders = attacker.seen.filter((h) => /^basic /i.test(h.authorization ?? ''));
    expect(basicHeaders).toEqual([]);
    const stored = await request(t.app).get('/api/admin/exchange').set('Authorization', `Bearer ${admin}`);
    expect(stored.body).toMatchObject({ ewsUrl: attacker.url, authMethod: 'ntlm', passwordSet: true });
  });

  it('is sent as Basic over plain http only when the admin ticks "send the password unencrypted"', async () => {
    const attacker = await captureServer();
    const plain = { ...realSettings, ewsUrl: attacker.url };
    const refused = await put(plain);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/unencrypted/);
    expect((await put({ ...plain, sendPasswordUnencrypted: true })).status).toBe(200);
    // NTLM over http never puts the password on the wire: no tick needed.
    expect((await put({ ...plain, authMethod: 'ntlm' })).status).toBe(200);
  });
});

describe('the connection test', () => {
  async function verdictFor(ewsUrl: string, token = admin): Promise<{ failure: string; message: string }> {
    expect((await put({ ...realSettings, ewsUrl, authMethod: 'ntlm' }, token)).status).toBe(200);
    const res = await testConnection(token);
    expect(res.status).toBe(200);
    return res.body as { failure: string; message: string };
  }

  async function closedPort(): Promise<number> {
    const server = createTcpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it('does not tell a closed port, another service and a web server apart, nor echo them', async () => {
    const closed = await closedPort();
    const ssh = await listening(
      createTcpServer((socket) => {
        socket.end(`SSH-2.0-OpenSSH_9.6 ${BANNER}\r\n`);
      }),
    );
    const web = await listening(
      createHttpServer((_req, res) => {
        res.writeHead(500, { 'Content-Type': 'text/html' }).end(`<html><h1>Intranet ${BANNER}</h1></html>`);
      }),
    );
    const verdicts = [
      await verdictFor(`http://127.0.0.1:${closed}/EWS/Exchange.asmx`),
      await verdictFor(`http://127.0.0.1:${ssh}/EWS/Exchange.asmx`),
      await verdictFor(`http://127.0.0.1:${web}/EWS/Exchange.asmx`),
    ];
    expect(verdicts[0]?.message).toMatch(/not an Exchange server/);
    expect(verdicts[1]).toEqual(verdicts[0]);
    expect(verdicts[2]).toEqual(verdicts[0]);
    expect(JSON.stringify(verdicts)).not.toMatch(new RegExp(`${BANNER}|SSH|Intranet|ECONNREFUSED|127\\.0\\.0\\.1`));
  });

  it('is rate-limited per admin', async () => {
    const other = await t.tokenFor('admin');
    const closed = await closedPort();
    expect(
      (
        await put(
          { ...realSettings, ewsUrl: `http://127.0.0.1:${closed}/EWS/Exchange.asmx`, authMethod: 'ntlm' },
          other,
        )
      ).status,
    ).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await testConnection(other)).status);
    expect(statuses.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(statuses[20]).toBe(429);
  });
});
