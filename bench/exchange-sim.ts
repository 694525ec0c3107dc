/**
 * `npm run bench:exchange-sim`: the simulator's performance goals, each printed with its figure.
 *   1. seed 500 rooms x 200 meetings            goal < 10 s
 *   2. one SyncFolderItems page of 512 changes  goal < 100 ms (HTTP round trip, Basic auth)
 *   3. 200 subscriptions on one streaming connection, latency change -> notification  goal <= 50 ms
 * Request schema validation is off here: it costs one xmllint run per batch and is measured by the tests.
 */
import http from 'node:http';
import { createExchangeModel } from '../test/exchange-sim/model/index';
import { parseSeed } from '../test/exchange-sim/model/seed';
import { startExchangeSim } from '../test/exchange-sim/index';
import { envelope, impersonate } from '../test/exchange-sim/testkit/client';

const ROOMS = 500;
const MEETINGS_PER_ROOM = 200;
const ORGANIZERS = 50;
const PASSWORD = 'bench-pw';
const DOMAIN = 'bench.test';

interface Result {
  name: string;
  value: number;
  unit: string;
  goal: string;
  ok: boolean;
}

function benchSeed(): unknown {
  const accounts: unknown[] = [
    {
      email: `svc@${DOMAIN}`,
      username: 'BENCH\\svc',
      password: PASSWORD,
      displayName: 'Service',
      kind: 'service',
      impersonation: true,
    },
  ];
  for (let o = 0; o < ORGANIZERS; o++) {
    accounts.push({
      email: `user${o}@${DOMAIN}`,
      username: `BENCH\\user${o}`,
      password: PASSWORD,
      displayName: `User ${o}`,
      kind: 'user',
    });
  }
  const rooms: string[] = [];
  for (let r = 0; r < ROOMS; r++) {
    const email = `room${r}@${DOMAIN}`;
    rooms.push(email);
    accounts.push({ email, username: `BENCH\\room${r}`, password: PASSWORD, displayName: `Room ${r}`, kind: 'room' });
  }
  const meetings: unknown[] = [];
  const day0 = Date.parse('2032-01-05T00:00:00Z');
  for (let r = 0; r < ROOMS; r++) {
    for (let m = 0; m < MEETINGS_PER_ROOM; m++) {
      // Two meetings a day per room, no overlaps.
      const start = day0 + Math.floor(m / 2) * 86_400_000 + (m % 2 === 0 ? 9 : 14) * 3_600_000;
      meetings.push({
        organizer: `user${(r + m) % ORGANIZERS}@${DOMAIN}`,
        rooms: [rooms[r]],
        subject: `Meeting ${r}/${m}`,
        start: new Date(start).toISOString(),
        end: new Date(start + 3_600_000).toISOString(),
        timeZone: 'W. Europe Standard Time',
      });
    }
  }
  return { accounts, roomLists: [{ name: 'All rooms', email: `rooms@${DOMAIN}`, rooms }], meetings };
}

function post(url: string, agent: http.Agent, xml: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          Authorization: `Basic ${Buffer.from(`BENCH\\svc:${PASSWORD}`).toString('base64')}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(xml);
  });
}

const SYNC_FIRST_PAGE =
  '<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>' +
  '<m:SyncFolderId><t:DistinguishedFolderId Id="calendar"/></m:SyncFolderId><m:MaxChangesReturned>512</m:MaxChangesReturned></m:SyncFolderItems>';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function benchSeeding(seedJson: unknown): Result {
  const started = performance.now();
  const model = createExchangeModel(parseSeed(seedJson), { attendantDelayMs: 0 });
  const ms = performance.now() - started;
  model.dispose();
  return {
    name: `seed ${ROOMS} rooms x ${MEETINGS_PER_ROOM} meetings`,
    value: ms,
    unit: 'ms',
    goal: '< 10000 ms',
    ok: ms < 10_000,
  };
}

async function benchSyncPage(url: string, agent: http.Agent): Promise<Result> {
  const timings: number[] = [];
  let changes = 0;
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    const res = await post(url, agent, envelope(SYNC_FIRST_PAGE, { impersonation: impersonate(`user0@${DOMAIN}`) }));
    timings.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`SyncFolderItems failed with ${res.status}: ${res.text.slice(0, 300)}`);
    changes = (res.text.match(/<t:Create>/g) ?? []).length;
  }
  const ms = median(timings.slice(2));
  return {
    name: `SyncFolderItems page (${changes} changes, median of 5 after warm-up)`,
    value: ms,
    unit: 'ms',
    goal: '< 100 ms',
    ok: ms < 100 && changes === 512,
  };
}

const SUBSCRIBE_CALENDAR =
  '<m:Subscribe><m:StreamingSubscriptionRequest><t:FolderIds><t:DistinguishedFolderId Id="calendar"/></t:FolderIds>' +
  '<t:EventTypes><t:EventType>CreatedEvent</t:EventType></t:EventTypes></m:StreamingSubscriptionRequest></m:Subscribe>';

/**
 * The service account subscribes to 200 room calendars (impersonating each room), opens ONE
 * GetStreamingEvents connection for all of them, then writes into each room in turn; each
 * notification's latency runs from the start of the write that caused it.
 */
async function benchStreaming(url: string, agent: http.Agent): Promise<Result> {
  const rooms = Array.from({ length: 200 }, (_v, i) => `room${i}@${DOMAIN}`);
  const ids: string[] = [];
  for (const room of rooms) {
    const res = await post(url, agent, envelope(SUBSCRIBE_CALENDAR, { impersonation: impersonate(room) }));
    const id = /<m:SubscriptionId>([^<]+)<\/m:SubscriptionId>/.exec(res.text)?.[1];
    if (!id) throw new Error(`Subscribe failed: ${res.text.slice(0, 300)}`);
    ids.push(id);
  }
  const streamAgent = new http.Agent({ keepAlive: true });
  const seen = new Map<string, number>();
  const stream = http.request(url, {
    method: 'POST',
    agent: streamAgent,
    headers: {
      'Content-Type': 'text/xml; charset=utf-8',
      Authorization: `Basic ${Buffer.from(`BENCH\\svc:${PASSWORD}`).toString('base64')}`,
    },
  });
  let buffer = '';
  let failure = '';
  const opened = new Promise<void>((resolve) => {
    stream.on('response', (res) => {
      res.on('data', (c: Buffer) => {
        buffer += c.toString('utf8');
        if (buffer.includes('ConnectionStatus')) resolve();
        if (buffer.includes('ResponseClass="Error"')) failure = buffer;
        for (const m of buffer.matchAll(/<t:SubscriptionId>([^<]+)<\/t:SubscriptionId>/g)) {
          if (m[1] && !seen.has(m[1])) seen.set(m[1], performance.now());
        }
        const lastEnvelope = buffer.lastIndexOf('</Envelope>');
        if (lastEnvelope >= 0) buffer = buffer.slice(lastEnvelope + '</Envelope>'.length);
      });
    });
  });
  stream.end(
    envelope(
      `<m:GetStreamingEvents><m:SubscriptionIds>${ids.map((id) => `<t:SubscriptionId>${id}</t:SubscriptionId>`).join('')}</m:SubscriptionIds><m:ConnectionTimeout>5</m:ConnectionTimeout></m:GetStreamingEvents>`,
      { impersonation: impersonate(rooms[0] ?? '') },
    ),
  );
  await opened;
  if (failure) throw new Error(`GetStreamingEvents failed: ${failure.slice(0, 400)}`);
  const latencies: number[] = [];
  for (let i = 0; i < rooms.length; i++) {
    const changedAt = performance.now();
    const created = await post(
      url,
      agent,
      envelope(
        '<m:CreateItem SendMeetingInvitations="SendToNone"><m:Items><t:CalendarItem><t:Subject>Bench</t:Subject>' +
          '<t:Start>2033-01-01T09:00:00Z</t:Start><t:End>2033-01-01T10:00:00Z</t:End></t:CalendarItem></m:Items></m:CreateItem>',
        { impersonation: impersonate(rooms[i] ?? '') },
      ),
    );
    if (created.status !== 200) throw new Error(`CreateItem failed: ${created.text.slice(0, 300)}`);
    const id = ids[i] ?? '';
    const deadline = Date.now() + 2000;
    while (!seen.has(id) && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    latencies.push((seen.get(id) ?? Infinity) - changedAt);
  }
  stream.destroy();
  streamAgent.destroy();
  const worst = Math.max(...latencies);
  return {
    name: `200 room subscriptions on one stream: worst change-to-notification latency (median ${median(latencies).toFixed(1)} ms, ${seen.size}/200 notified)`,
    value: worst,
    unit: 'ms',
    goal: '<= 50 ms',
    ok: worst <= 50,
  };
}

async function main(): Promise<void> {
  const seedJson = benchSeed();
  const results: Result[] = [benchSeeding(seedJson)];
  const sim = await startExchangeSim({
    http: true,
    seed: parseSeed(seedJson),
    validateRequests: false,
    attendantDelayMs: 0,
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    results.push(await benchSyncPage(sim.url, agent));
    results.push(await benchStreaming(sim.url, agent));
  } finally {
    agent.destroy();
    await sim.close();
  }
  for (const r of results) {
    console.log(`${r.ok ? 'PASS' : 'MISS'}  ${r.name}: ${r.value.toFixed(1)} ${r.unit} (goal ${r.goal})`);
  }
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
