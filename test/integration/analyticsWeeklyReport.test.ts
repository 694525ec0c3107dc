import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createOutboxStore } from '../../server/adapters/db/repositories/outbox';
import { composeAnalytics } from '../../server/compose/analytics';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import type { MailSender } from '../../server/ports/mail';
import { createOutboxDispatcher, DEFAULT_DISPATCH } from '../../server/services/catering/orders/dispatcher';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { ManualClock } from '../fakes/manualClock';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testInfrastructure } from '../support/testInfrastructure';

// The weekly analytics email (docs/analytics.md): queued once per week and recipient through the
// outbox, whatever the number of runs and instances, sent with its HTML part; set up by admins only.

let db: TestDatabase;
let testApp: TestApp;
let admin: string;
let analyst: string;
// A Tuesday: the week of Monday 30 November to Sunday 6 December is finished everywhere.
const clock = new ManualClock('2026-12-08T06:00:00Z');

const instance = () =>
  composeAnalytics({ infrastructure: testInfrastructure(db.knex, { clock }), publicUrl: 'https://rooms.example.test' });
const weeklyRows = () =>
  db
    .knex('outbox')
    .where({ kind: 'analytics-weekly-report' })
    .orderBy('recipient')
    .select<{ dedupe_key: string; recipient: string; payload: unknown; state: string }[]>(
      'dedupe_key',
      'recipient',
      'payload',
      'state',
    );

beforeAll(async () => {
  db = await createTestDatabase();
  const buildingId = await buildBuilding(db.knex, { name: 'Harbour House', timeZone: 'Europe/Berlin' });
  const floorId = await buildFloor(db.knex, { buildingId });
  const roomId = await buildRoom(db.knex, { floorId, name: 'Lighthouse', capacity: 12 });
  await db.knex('rooms').where({ id: roomId }).update({ created_at: '2026-01-01T00:00:00Z' });
  for (const day of ['2026-12-01', '2026-12-02', '2026-12-03'])
    await buildBooking(db.knex, { roomId, start: `${day}T09:00:00Z`, end: `${day}T10:00:00Z` });
  testApp = createTestApp(db.knex, { clock });
  admin = await testApp.tokenFor('admin');
  analyst = await testApp.tokenFor('analyst');
}, 120_000);

afterAll(async () => {
  await db.close();
});

describe('the weekly analytics email', () => {
  it('reaches each recipient once per week, however often and on however many instances the job runs', async () => {
    const saved = await request(testApp.app)
      .put('/api/analytics/report')
      .set('Authorization', `Bearer ${admin}`)
      .send({ recipients: ['fm@example.test', 'Boss@Example.test', 'boss@example.test'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ recipients: ['fm@example.test', 'Boss@Example.test'] });

    const [first, second] = [instance(), instance()];
    const runs = await Promise.all([first.weeklyReport.run(), second.weeklyReport.run()]);
    expect(runs[0] + runs[1]).toBe(2);
    expect(await first.weeklyReport.run()).toBe(0);
    const rows = await weeklyRows();
    expect(rows.map((r) => r.recipient)).toEqual(['Boss@Example.test', 'fm@example.test']);
    const payload = (typeof rows[0]?.payload === 'string' ? JSON.parse(rows[0].payload) : rows[0]?.payload) as {
      subject: string;
      text: string;
    };
    expect(payload.subject).toBe('Room analytics, week 2026-11-30 to 2026-12-06');
    expect(payload.text).toContain('- Bookings: 3');
    expect(payload.text).toContain('https://rooms.example.test/analytics');

    // The next week brings the next report, once.
    clock.set(new Date('2026-12-15T06:00:00Z'));
    expect(await second.weeklyReport.run()).toBe(2);
    expect(await first.weeklyReport.run()).toBe(0);
    expect(await weeklyRows()).toHaveLength(4);
    clock.set(new Date('2026-12-08T06:00:00Z'));
  });

  it('is sent through the outbox with plain text and HTML', async () => {
    const sent: Parameters<MailSender['send']>[0][] = [];
    const dispatcher = createOutboxDispatcher(
      {
        outbox: createOutboxStore(db.knex),
        mail: {
          send: (m) => {
            sent.push(m);
            return Promise.resolve();
          },
        },
        webhooks: { post: () => Promise.reject(new Error('no webhooks here')) },
        secrets: createSecretBox(Buffer.alloc(32)),
        clock,
        log: { warn: () => undefined },
      },
      DEFAULT_DISPATCH,
    );
    await dispatcher.runOnce();
    const boss = sent.find((m) => m.to === 'Boss@Example.test' && m.subject.includes('2026-11-30'));
    expect(boss?.text).toContain('Key figures');
    expect(boss?.html).toContain('<h2 style="font-size: 15px">Key figures</h2>');
    expect((await weeklyRows()).every((r) => r.state === 'sent')).toBe(true);
  });

  it('sends a preview now, to the admin or the given addresses, without using up the week', async () => {
    const mine = await request(testApp.app)
      .post('/api/analytics/report/preview')
      .set('Authorization', `Bearer ${admin}`)
      .send({});
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ queued: 1 });
    const previews = await db
      .knex('outbox')
      .where('dedupe_key', 'like', 'analytics-preview:%')
      .select<{ recipient: string; payload: unknown }[]>('recipient', 'payload');
    expect(previews).toHaveLength(1);
    expect(JSON.stringify(previews[0]?.payload)).toContain('[Preview] Room analytics, week 2026-11-30 to 2026-12-06');
    const other = await request(testApp.app)
      .post('/api/analytics/report/preview')
      .set('Authorization', `Bearer ${admin}`)
      .send({ to: ['new@example.test'] });
    expect(other.body).toEqual({ queued: 1, to: ['new@example.test'] });
    // The weekly report for the new address is still due: a preview is not the week's report.
    await request(testApp.app)
      .put('/api/analytics/report')
      .set('Authorization', `Bearer ${admin}`)
      .send({ recipients: ['new@example.test'] });
    expect(await instance().weeklyReport.run()).toBe(1);
  });

  it('refuses bad input with 400 and non-admins with 403, changing nothing', async () => {
    const before = await request(testApp.app).get('/api/analytics/report').set('Authorization', `Bearer ${admin}`);
    for (const body of [{ recipients: ['not an address'] }, { recipients: 'fm@example.test' }, {}]) {
      const res = await request(testApp.app)
        .put('/api/analytics/report')
        .set('Authorization', `Bearer ${admin}`)
        .send(body);
      expect(res.status).toBe(400);
    }
    const badPreview = await request(testApp.app)
      .post('/api/analytics/report/preview')
      .set('Authorization', `Bearer ${admin}`)
      .send({ to: ['nope'] });
    expect(badPreview.status).toBe(400);
    const tooMany = await request(testApp.app)
      .put('/api/analytics/report')
      .set('Authorization', `Bearer ${admin}`)
      .send({ recipients: Array.from({ length: 51 }, (_, i) => `p${i}@example.test`) });
    expect(tooMany.status).toBe(400);
    expect(
      (await request(testApp.app).get('/api/analytics/report').set('Authorization', `Bearer ${analyst}`)).status,
    ).toBe(403);
    expect(
      (
        await request(testApp.app)
          .post('/api/analytics/report/preview')
          .set('Authorization', `Bearer ${analyst}`)
          .send({})
      ).status,
    ).toBe(403);
    const after = await request(testApp.app).get('/api/analytics/report').set('Authorization', `Bearer ${admin}`);
    expect(after.body).toEqual(before.body);
  });
});
