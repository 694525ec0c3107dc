import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  calendarItems,
  calendarView,
  displayCall,
  ELBE,
  EMMA,
  emmaBooks,
  roomBusyOverEws,
  startDisplayWorld,
  until,
  type DisplayWorld,
} from './displayActionsHarness';

// The harness opens the database with createTestDatabase (test/support/testDatabase): both engines run these.
/**
 * Releasing meetings nobody checked in to, with a clock the test moves, against the simulated
 * Exchange: the room declines its copy, the organizer's item shows the decline, the organizer is
 * emailed, the fact is kept; strikes on a series; and the two exemptions.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
let world: DisplayWorld;
let roomId: string;

beforeAll(async () => {
  world = await startDisplayWorld();
  roomId = world.rooms[ELBE] ?? '';
  const saved = await request(world.app)
    .put(`/api/admin/display-settings/rooms/${roomId}`)
    .set('Authorization', `Bearer ${world.admin}`)
    .send({ checkInRequired: true, releaseAfterMinutes: 10 });
  expect(saved.status).toBe(200);
}, 90_000);

afterAll(async () => {
  await world.close();
});

/** A whole hour well ahead of real time, so every meeting is made before it starts. */
const hourAhead = (days: number, hour: number): number => (Math.floor(Date.now() / DAY) + 2 + days) * DAY + hour * HOUR;

const bookingsAt = (start: number) =>
  world.db
    .knex('bookings')
    .where({ room_id: roomId })
    .whereRaw('lower(during) = ?', [new Date(start)])
    .select<{ id: string; status: string }[]>('id', 'status');
const releases = () => world.db.knex('room_releases').orderBy('meeting_start').select<Record<string, unknown>[]>();
const runJob = () => world.features.displays.release.releaseRoom(roomId);
const synced = (start: number) =>
  until(
    'the sync to store the meeting',
    async () => (await bookingsAt(start)).some((b) => b.status === 'confirmed'),
    20_000,
  );
const elbeAnswer = (item: { resources: readonly { mailbox: { emailAddress: string }; responseType: string }[] }) =>
  item.resources.find((r) => r.mailbox.emailAddress.toLowerCase() === ELBE)?.responseType;

describe('releasing a meeting nobody came to', () => {
  it('waits for the delay, then the room declines, Emma’s item shows it, she gets one email, the fact stays', async () => {
    const start = hourAhead(0, 8);
    await emmaBooks(world, ELBE, { start, end: start + HOUR }, 'Ghost meeting');
    await synced(start);
    expect(await roomBusyOverEws(world, ELBE, { start, end: start + HOUR })).toHaveLength(1);
    world.clock.set(new Date(start + 9 * MINUTE));
    expect(await runJob()).toEqual({ released: 0, seriesDeclined: 0 });
    world.clock.set(new Date(start + 10 * MINUTE));
    expect(await runJob()).toEqual({ released: 1, seriesDeclined: 0 });
    // Exchange: the room's calendar is free and the organizer's item shows the room declined.
    expect(calendarItems(world, ELBE, { start, end: start + HOUR })).toHaveLength(0);
    expect(await roomBusyOverEws(world, ELBE, { start, end: start + HOUR })).toEqual([]);
    const emmaCopy = calendarItems(world, EMMA, { start, end: start + HOUR }).find(
      (i) => i.subject === 'Ghost meeting',
    );
    expect(emmaCopy && elbeAnswer(emmaCopy)).toBe('Decline');
    await until('the email', () => world.smtp.messages.some((m) => m.to.includes(EMMA)));
    const mails = world.smtp.messages.filter((m) => m.to.includes(EMMA));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Elbe was released: nobody checked in');
    expect(mails[0]?.text).toContain('Ghost meeting');
    const facts = await releases();
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ kind: 'release', actor: 'release-job', subject: 'Ghost meeting', strike: 1 });
    // The display shows it greyed, and the room free.
    const state = await request(world.app).get('/api/display/state').set('Authorization', `Bearer ${world.token}`);
    expect(state.body).toMatchObject({ state: 'free', current: null });
    expect((state.body as { today: { title: string; released: boolean }[] }).today).toContainEqual(
      expect.objectContaining({ title: 'Ghost meeting', released: true }),
    );
    // Another round releases nothing again.
    expect(await runJob()).toEqual({ released: 0, seriesDeclined: 0 });
    expect(await releases()).toHaveLength(1);
  });

  it('keeps a meeting somebody checked in to', async () => {
    const start = hourAhead(0, 11);
    await emmaBooks(world, ELBE, { start, end: start + HOUR }, 'Attended');
    await synced(start);
    world.clock.set(new Date(start + 2 * MINUTE));
    expect((await displayCall(world, 'check-in', { requestId: randomUUID() })).status).toBe(200);
    world.clock.set(new Date(start + 30 * MINUTE));
    expect(await runJob()).toEqual({ released: 0, seriesDeclined: 0 });
    expect(calendarItems(world, ELBE, { start, end: start + HOUR })).toHaveLength(1);
  });

  it('exempts meetings of 8 hours or more', async () => {
    const start = hourAhead(1, 6);
    await emmaBooks(world, ELBE, { start, end: start + 8 * HOUR }, 'Workshop day');
    await synced(start);
    world.clock.set(new Date(start + 3 * HOUR));
    expect(await runJob()).toEqual({ released: 0, seriesDeclined: 0 });
    expect(calendarItems(world, ELBE, { start, end: start + 8 * HOUR })).toHaveLength(1);
  });

  it('exempts walk-ins: a meeting booked after its start (here: book now at the display)', async () => {
    const start = hourAhead(2, 9);
    world.clock.set(new Date(start));
    const booked = await displayCall(world, 'book-now', { minutes: 60, requestId: randomUUID() });
    expect(booked.status).toBe(200);
    world.clock.set(new Date(start + 30 * MINUTE));
    expect(await runJob()).toEqual({ released: 0, seriesDeclined: 0 });
    expect(calendarItems(world, ELBE, { start, end: start + HOUR })).toHaveLength(1);
  });
});

describe('strikes on a series', () => {
  it('releases one occurrence at a time, warns at the second, and declines the rest at the third', async () => {
    const first = hourAhead(4, 7);
    await emmaBooks(world, ELBE, { start: first, end: first + 30 * MINUTE }, 'Daily stand-up', 5);
    await synced(first);
    const before = world.smtp.messages.length;
    for (const day of [0, 1, 2]) {
      const start = first + day * DAY;
      await synced(start);
      world.clock.set(new Date(start + 15 * MINUTE));
      const outcome = await runJob();
      expect(outcome).toEqual({ released: 1, seriesDeclined: day === 2 ? 1 : 0 });
      if (day < 2) {
        // Only that occurrence: the next one is still in the room's calendar.
        const next = calendarView(world, ELBE, { start: start + DAY, end: start + DAY + 30 * MINUTE });
        expect(next).toHaveLength(1);
      }
    }
    // The rest of the series is declined by the room: nothing left from day 4 on.
    expect(calendarView(world, ELBE, { start: first + 3 * DAY, end: first + 5 * DAY })).toHaveLength(0);
    const organizerSeries = calendarView(world, EMMA, { start: first + 3 * DAY, end: first + 3 * DAY + HOUR });
    expect(organizerSeries.map((i) => elbeAnswer(i))).toEqual(['Decline']);
    await until('three emails', () => world.smtp.messages.length >= before + 3);
    const mails = world.smtp.messages.slice(before);
    expect(mails[0]?.text).not.toContain('in a row');
    expect(mails[1]?.text).toContain('If the next one is');
    expect(mails[2]?.text).toContain('declined the rest of the series');
    const facts = (await releases()).filter((f) => f.subject === 'Daily stand-up');
    expect(facts.map((f) => [f.kind, f.strike])).toEqual([
      ['release', 1],
      ['release', 2],
      ['release', 3],
      ['series-declined', 3],
    ]);
  }, 60_000);
});
