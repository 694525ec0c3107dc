import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { DisplayState } from '../../shared/schemas/displays';
import {
  ALSTER,
  calendarItems,
  displayCall,
  ELBE,
  EMMA,
  emmaBooks,
  roomCalendarOverEws,
  SERVICE_ACCOUNT,
  startDisplayWorld,
  until,
  type DisplayWorld,
} from './displayActionsHarness';

// The harness opens the database with createTestDatabase (test/support/testDatabase): both engines run these.
/**
 * Book now, extend and end early at a room display, against the simulated Exchange with the sync
 * running: every action is checked in Exchange (the room's calendar, the organizer's item).
 */

interface ActionResult {
  requestId: string;
  outcome: 'pending' | 'confirmed';
  state: DisplayState;
}

const MINUTE = 60_000;
let world: DisplayWorld;

beforeAll(async () => {
  world = await startDisplayWorld();
}, 90_000);

afterAll(async () => {
  await world.close();
});

const facts = (kind: string) =>
  world.db.knex('display_actions').where({ kind }).select<{ booking_id: string | null; request_id: string }[]>();
const stateNow = async (): Promise<DisplayState> =>
  (await request(world.app).get('/api/display/state').set('Authorization', `Bearer ${world.token}`))
    .body as DisplayState;
const roomCopies = (span: { start: number; end: number }) => calendarItems(world, ELBE, span);

describe('book now, extend and end early at a display', () => {
  const requestId = randomUUID();
  let bookedFrom = 0;

  it('offers the book-now choices of the settings while the room is free', async () => {
    const state = await stateNow();
    expect(state.state).toBe('free');
    // "Until next" stops at the end of the building's day, which may be near when the test runs late.
    expect(state.bookNowOptions.slice(0, 3)).toEqual([15, 30, 60]);
    expect(state.checkInRequired).toBe(false);
    expect(state.pinRequired).toBe(false);
  });

  it('books 30 minutes from now: pending until the attendant answers, then confirmed, and in the room calendar', async () => {
    const res = await displayCall(world, 'book-now', { minutes: 30, requestId });
    expect(res.status).toBe(200);
    const result = res.body as ActionResult;
    expect(result).toMatchObject({ requestId, outcome: 'confirmed' });
    expect(result.state.state).toBe('busy');
    expect(result.state.current?.status).toBe('confirmed');
    expect(result.state.bookNowOptions).toEqual([]);
    bookedFrom = Date.parse(result.state.current?.start ?? '');
    expect(Date.parse(result.state.current?.end ?? '') - bookedFrom).toBe(30 * MINUTE);
    // Exchange holds it: the room's own calendar, accepted by its attendant, organized by the service account.
    const copies = roomCopies({ start: bookedFrom, end: bookedFrom + 30 * MINUTE });
    expect(copies).toHaveLength(1);
    expect(copies[0]?.start).toBe(bookedFrom);
    expect(copies[0]?.end).toBe(bookedFrom + 30 * MINUTE);
    expect(copies[0]?.organizer.emailAddress.toLowerCase()).toBe(SERVICE_ACCOUNT);
    expect(await roomCalendarOverEws(world, ELBE, { start: bookedFrom, end: bookedFrom + 30 * MINUTE })).toEqual([
      { start: bookedFrom, end: bookedFrom + 30 * MINUTE },
    ]);
    const rows = await facts('book-now');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.booking_id).not.toBeNull();
  });

  it('books once for a repeated request id (a double tap)', async () => {
    const again = await displayCall(world, 'book-now', { minutes: 30, requestId });
    expect(again.status).toBe(200);
    expect((again.body as ActionResult).outcome).toBe('confirmed');
    expect(roomCopies({ start: bookedFrom, end: bookedFrom + 30 * MINUTE })).toHaveLength(1);
    expect(await facts('book-now')).toHaveLength(1);
  });

  it('answers 409 with the next free time and nearby free rooms when the room is taken', async () => {
    const res = await displayCall(world, 'book-now', { minutes: 15, requestId: randomUUID() });
    expect(res.status).toBe(409);
    const details = (res.body as { error: { details: { nextFreeAt: string; nearestFree: { name: string }[] } } }).error
      .details;
    expect(Date.parse(details.nextFreeAt)).toBe(bookedFrom + 30 * MINUTE);
    expect(details.nearestFree.map((r) => r.name)).toContain('Alster');
    expect(await facts('book-now')).toHaveLength(1);
  });

  it('extends by 15 minutes: the organizer’s item and the room’s copy end later', async () => {
    const extendId = randomUUID();
    const res = await displayCall(world, 'extend', { minutes: 15, requestId: extendId });
    expect(res.status).toBe(200);
    const end = bookedFrom + 45 * MINUTE;
    expect(Date.parse((res.body as ActionResult).state.current?.end ?? '')).toBe(end);
    const organizer = calendarItems(world, SERVICE_ACCOUNT, { start: bookedFrom, end }).filter((i) => i.isOrganizer);
    expect(organizer.map((i) => i.end)).toEqual([end]);
    await until('the room to accept the extension', () => roomCopies({ start: bookedFrom, end })[0]?.end === end);
    expect(await roomCalendarOverEws(world, ELBE, { start: bookedFrom, end })).toEqual([{ start: bookedFrom, end }]);
    // The same request again changes nothing more.
    expect((await displayCall(world, 'extend', { minutes: 15, requestId: extendId })).status).toBe(200);
    expect(calendarItems(world, SERVICE_ACCOUNT, { start: bookedFrom, end: end + MINUTE })[0]?.end).toBe(end);
    expect(await facts('extend')).toHaveLength(1);
  });

  it('refuses to extend into the next meeting with 409, and changes nothing', async () => {
    const end = bookedFrom + 45 * MINUTE;
    await emmaBooks(world, ELBE, { start: end + 10 * MINUTE, end: end + 40 * MINUTE }, 'Right after');
    await until('the sync to see Emma’s meeting', async () => (await stateNow()).next.length > 0);
    const res = await displayCall(world, 'extend', { minutes: 30, requestId: randomUUID() });
    expect(res.status).toBe(409);
    expect(calendarItems(world, SERVICE_ACCOUNT, { start: bookedFrom, end })[0]?.end).toBe(end);
    expect(await facts('extend')).toHaveLength(1);
  });

  it('ends early: the organizer’s item ends now and the room is free in Exchange', async () => {
    world.clock.set(new Date(Date.now()));
    const res = await displayCall(world, 'end', { requestId: randomUUID() });
    expect(res.status).toBe(200);
    expect((res.body as ActionResult).state.state).not.toBe('busy');
    const organizer = calendarItems(world, SERVICE_ACCOUNT, { start: bookedFrom, end: bookedFrom + 45 * MINUTE });
    expect(organizer[0]?.end).toBeLessThanOrEqual(Date.now() + MINUTE);
    await until(
      'the room’s copy to be shortened',
      () => roomCopies({ start: Date.now() + MINUTE, end: bookedFrom + 45 * MINUTE }).length === 0,
    );
    const overEws = await roomCalendarOverEws(world, ELBE, { start: bookedFrom, end: bookedFrom + 45 * MINUTE });
    expect(overEws).toHaveLength(1);
    expect(overEws[0]?.end).toBeLessThanOrEqual(Date.now() + MINUTE);
    expect(await facts('end')).toHaveLength(1);
  });
});

describe('ending a meeting somebody else organized', () => {
  it('the room declines its copy: Emma’s item shows the room declined and the room calendar is free', async () => {
    world.clock.set(new Date(Date.now()));
    // Free the room from the earlier test's meetings: Emma's meeting starts at a fresh time.
    const start = Date.now() + 3 * 3_600_000;
    await emmaBooks(world, ALSTER, { start, end: start + 30 * MINUTE }, 'Elsewhere'); // another room, untouched
    await emmaBooks(world, ELBE, { start, end: start + 60 * MINUTE }, 'Emma’s review');
    world.clock.set(new Date(start + 5 * MINUTE));
    await until(
      'the sync to see Emma’s review',
      async () => (await stateNow()).current?.title === 'Emma’s review',
      20_000,
    );
    const res = await displayCall(world, 'end', { requestId: randomUUID() });
    expect(res.status).toBe(200);
    expect((res.body as ActionResult).state.current).toBeNull();
    expect(roomCopies({ start, end: start + 60 * MINUTE })).toHaveLength(0);
    expect(await roomCalendarOverEws(world, ELBE, { start, end: start + 60 * MINUTE })).toEqual([]);
    const emmaCopy = calendarItems(world, EMMA, { start, end: start + 60 * MINUTE }).find(
      (i) => i.subject === 'Emma’s review',
    );
    expect(emmaCopy?.resources.find((r) => r.mailbox.emailAddress.toLowerCase() === ELBE)?.responseType).toBe(
      'Decline',
    );
    expect(calendarItems(world, ALSTER, { start, end: start + 30 * MINUTE })).toHaveLength(1);
  });
});

describe('extending a meeting somebody else organized', () => {
  it('books the room on from its end through the attendant; Emma’s meeting itself is unchanged', async () => {
    // Whole minutes, as Outlook books: the extension starts exactly where the meeting ends.
    const start = Math.ceil((Date.now() + 9 * 3_600_000) / MINUTE) * MINUTE;
    const end = start + 60 * MINUTE;
    await emmaBooks(world, ELBE, { start, end }, 'Emma’s planning');
    world.clock.set(new Date(start + 50 * MINUTE));
    await until(
      'the sync to see Emma’s planning',
      async () => (await stateNow()).current?.title === 'Emma’s planning',
      20_000,
    );
    const extendId = randomUUID();
    const res = await displayCall(world, 'extend', { minutes: 15, requestId: extendId });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 200 });
    const result = res.body as ActionResult;
    expect(result.outcome).toBe('confirmed');
    // The room is held from the meeting's end for 15 minutes, in Exchange, by the booking mailbox …
    expect(await roomCalendarOverEws(world, ELBE, { start, end: end + 15 * MINUTE })).toEqual([
      { start, end },
      { start: end, end: end + 15 * MINUTE },
    ]);
    const onward = roomCopies({ start: end, end: end + 15 * MINUTE });
    expect(onward.map((i) => i.organizer.emailAddress.toLowerCase())).toEqual([SERVICE_ACCOUNT]);
    // … Emma's own item keeps its time, and the display shows the extension as the next meeting, checked in.
    const emmaItem = calendarItems(world, EMMA, { start, end }).find((i) => i.subject === 'Emma’s planning');
    expect(emmaItem?.end).toBe(end);
    expect(result.state.next[0]).toMatchObject({ start: new Date(end).toISOString(), checkedIn: true });
    // A double tap books once.
    expect((await displayCall(world, 'extend', { minutes: 15, requestId: extendId })).status).toBe(200);
    expect(roomCopies({ start: end, end: end + 15 * MINUTE })).toHaveLength(1);
  });

  it('answers 409 when the room is taken right after, and books nothing', async () => {
    const start = Math.ceil((Date.now() + 12 * 3_600_000) / MINUTE) * MINUTE;
    const end = start + 30 * MINUTE;
    await emmaBooks(world, ELBE, { start, end }, 'Emma’s sync');
    await emmaBooks(world, ELBE, { start: end + 10 * MINUTE, end: end + 40 * MINUTE }, 'Emma’s next');
    world.clock.set(new Date(start + 20 * MINUTE));
    await until('the sync to see both', async () => (await stateNow()).next[0]?.title === 'Emma’s next', 20_000);
    const res = await displayCall(world, 'extend', { minutes: 15, requestId: randomUUID() });
    expect(res.status).toBe(409);
    expect(await roomCalendarOverEws(world, ELBE, { start: end, end: end + 10 * MINUTE })).toEqual([]);
  });
});

describe('when Exchange cannot be reached', () => {
  it('book now answers 503 in words and keeps nothing; so do end early and extend', async () => {
    world.clock.set(new Date(Date.now() + 6 * 3_600_000));
    const booked = await displayCall(world, 'book-now', { minutes: 30, requestId: randomUUID() });
    expect(booked.status).toBe(200);
    const bookNowFacts = (await facts('book-now')).length;
    const endFacts = (await facts('end')).length;
    await world.sim.close();
    const ended = await displayCall(world, 'end', { requestId: randomUUID() });
    expect(ended.status).toBe(503);
    expect((ended.body as { error: { message: string } }).error.message).toMatch(/Exchange cannot be reached/);
    expect(await facts('end')).toHaveLength(endFacts);
    expect((await displayCall(world, 'extend', { minutes: 15, requestId: randomUUID() })).status).toBe(503);
    expect((await stateNow()).state).toBe('busy');
    world.clock.set(new Date(world.clock.now().getTime() + 3_600_000));
    const before = await world.db
      .knex('bookings')
      .where({ source: 'display' })
      .count<{ count: string }[]>('* as count');
    const res = await displayCall(world, 'book-now', { minutes: 15, requestId: randomUUID() });
    expect(res.status).toBe(503);
    expect((res.body as { error: { message: string } }).error.message).toMatch(/Exchange cannot be reached/);
    const after = await world.db
      .knex('bookings')
      .where({ source: 'display' })
      .whereIn('status', ['pending', 'confirmed'])
      .count<{ count: string }[]>('* as count');
    expect(Number(after[0]?.count)).toBeLessThanOrEqual(Number(before[0]?.count));
    expect(await facts('book-now')).toHaveLength(bookNowFacts);
  }, 90_000);
});
