import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import * as ews from 'ews-javascript-api';
import { DateTime } from 'luxon';
import request from 'supertest';
import { at } from '../exchange-sim/ewsjs/client';
import { buildUser } from '../factories/users';
import { displayCall, ELBE, startDisplayWorld, until, type DisplayWorld } from './displayActionsHarness';

// The harness opens the database with createTestDatabase (test/support/testDatabase): both engines run these.
/**
 * Meetings booked, moved, cancelled and released through the simulated Exchange, with a check-in
 * at the display, give the figures worked out by hand; and who may ask, and what bad input gets.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
let world: DisplayWorld;
let roomId: string;
let analyst: string;
let employee: string;
/** A whole day well ahead of real time, so every meeting is made before it starts (UTC hours 08–15 are one Berlin day). */
const day = (Math.floor(Date.now() / DAY) + 3) * DAY;
const berlinDate = DateTime.fromMillis(day, { zone: 'Europe/Berlin' }).toISODate() ?? '';
const berlinDayHours = DateTime.fromISO(berlinDate, { zone: 'Europe/Berlin' })
  .plus({ days: 1 })
  .diff(DateTime.fromISO(berlinDate, { zone: 'Europe/Berlin' }), 'hours').hours;

const liveAt = (start: number) =>
  world.db
    .knex('bookings')
    .where({ room_id: roomId })
    .whereRaw('lower(during) = ?', [new Date(start)])
    .select<{ id: string; status: string }[]>('id', 'status');
const statusAt = async (start: number): Promise<string[]> => (await liveAt(start)).map((b) => b.status);

async function emmaBooks(start: number, end: number, subject: string): Promise<ews.Appointment> {
  const appt = new ews.Appointment(world.emma);
  appt.Subject = subject;
  appt.Start = at(new Date(start).toISOString());
  appt.End = at(new Date(end).toISOString());
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  appt.Resources.Add(ELBE);
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
  await until('the sync to store the meeting', async () => (await statusAt(start)).includes('confirmed'), 20_000);
  return appt;
}

const get = (path: string, token: string) => request(world.app).get(path).set('Authorization', `Bearer ${token}`);
const query = (extra = '') => `from=${berlinDate}&to=${berlinDate}&roomId=${roomId}${extra}`;

beforeAll(async () => {
  world = await startDisplayWorld();
  roomId = world.rooms[ELBE] ?? '';
  const saved = await request(world.app)
    .put(`/api/admin/display-settings/rooms/${roomId}`)
    .set('Authorization', `Bearer ${world.admin}`)
    .send({ checkInRequired: true, releaseAfterMinutes: 10 });
  expect(saved.status).toBe(200);
  const tokenFor = async (role: 'analyst' | 'employee') =>
    (await world.features.services.auth.createApiToken((await buildUser(world.db.knex, { role })).id, { name: role }))
      .token;
  analyst = await tokenFor('analyst');
  employee = await tokenFor('employee');

  // Booked 08:00–09:00 UTC, then moved to 10:00–11:00; checked in at 10:02.
  const moved = await emmaBooks(day + 8 * HOUR, day + 9 * HOUR, 'Planning');
  moved.Start = at(new Date(day + 10 * HOUR).toISOString());
  moved.End = at(new Date(day + 11 * HOUR).toISOString());
  await moved.Update(
    ews.ConflictResolutionMode.AlwaysOverwrite,
    ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
  );
  await until('the move', async () => (await statusAt(day + 10 * HOUR)).includes('confirmed'), 20_000);
  world.clock.set(new Date(day + 10 * HOUR + 2 * MINUTE));
  expect((await displayCall(world, 'check-in', { requestId: randomUUID() })).status).toBe(200);

  // Booked 12:00–13:00; nobody came: released at 12:10.
  await emmaBooks(day + 12 * HOUR, day + 13 * HOUR, 'Ghost');
  world.clock.set(new Date(day + 12 * HOUR + 10 * MINUTE));
  expect(await world.features.displays.release.releaseRoom(roomId)).toMatchObject({ released: 1 });

  // Booked 14:00–15:00, then cancelled by its organizer: kept as a fact, never held the room.
  const cancelled = await emmaBooks(day + 14 * HOUR, day + 15 * HOUR, 'Called off');
  await cancelled.CancelMeeting();
  await until('the cancellation', async () => (await statusAt(day + 14 * HOUR)).includes('cancelled'), 20_000);
  await until(
    'the release to reach the sync',
    async () => (await statusAt(day + 12 * HOUR)).includes('cancelled'),
    20_000,
  );
}, 120_000);

afterAll(async () => {
  await world.close();
});

describe('figures from meetings made in Exchange', () => {
  it('count the moved and the released meeting, not the cancelled one', async () => {
    const res = await get(`/api/analytics/rooms?${query()}`, analyst);
    expect(res.status).toBe(200);
    const rooms = (res.body as { items: Record<string, unknown>[] }).items;
    expect(rooms).toHaveLength(1);
    const elbe = rooms[0] ?? {};
    expect(elbe).toMatchObject({ roomId, roomName: 'Elbe', bookings: 2, averageMinutes: 60, medianMinutes: 60 });
    expect(elbe.openHours).toBe(berlinDayHours);
    expect(elbe.bookedUtilisation).toBeCloseTo(2 / berlinDayHours, 10);
    expect(elbe.checkedInUtilisation).toBeCloseTo(58 / 60 / berlinDayHours, 10);
    expect(elbe.noShowRate).toBe(0.5);
    expect(elbe.releasedHours).toBeCloseTo(50 / 60, 10);
    // Nothing was deleted: the cancelled and the released bookings are still rows.
    expect(await statusAt(day + 14 * HOUR)).toEqual(['cancelled']);
    expect(await statusAt(day + 8 * HOUR)).toEqual([]);
  });

  it('the heat map puts the booked hours on the building’s clock', async () => {
    const res = await get(`/api/analytics/heatmap?${query()}`, analyst);
    expect(res.status).toBe(200);
    const cells = (res.body as { cells: { weekday: number; hour: number; bookedMinutes: number }[] }).cells;
    const local = DateTime.fromMillis(day + 10 * HOUR, { zone: 'Europe/Berlin' });
    expect(cells.find((c) => c.weekday === local.weekday - 1 && c.hour === local.hour)?.bookedMinutes).toBe(60);
    expect(cells.reduce((s, c) => s + c.bookedMinutes, 0)).toBe(120);
  });

  it('exports the rooms as CSV and every view as XLSX', async () => {
    const csv = await get(`/api/analytics/export.csv?${query()}`, analyst);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toContain('bookedUtilisation');
    expect(lines[1]).toContain('Elbe');
    const xlsx = await get(`/api/analytics/export.xlsx?${query()}`, analyst)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    const bytes = xlsx.body as Buffer;
    const copy = new ArrayBuffer(bytes.length);
    new Uint8Array(copy).set(bytes);
    await workbook.xlsx.load(copy);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Rooms', 'Peak hours', 'Trend', 'Recommendations', 'Catering']),
    );
    expect(workbook.getWorksheet('Rooms')?.getRow(2).getCell(3).value).toBe('Elbe');
  });
});

describe('who may ask, and bad input', () => {
  it('admins and analysts read; an employee gets 403, nobody signed in 401', async () => {
    expect((await get(`/api/analytics/overview?${query()}`, world.admin)).status).toBe(200);
    expect((await get(`/api/analytics/recommendations?${query()}`, analyst)).status).toBe(200);
    expect((await get(`/api/analytics/rooms?${query()}`, employee)).status).toBe(403);
    expect((await get(`/api/analytics/export.csv?${query()}`, employee)).status).toBe(403);
    expect((await request(world.app).get(`/api/analytics/rooms?${query()}`)).status).toBe(401);
  });

  it('an analyst gains no facility or admin powers', async () => {
    expect((await get('/api/users', analyst)).status).toBe(403);
    expect(
      (await get(`/api/facility/orders?from=${berlinDate}T00:00:00Z&to=${berlinDate}T23:00:00Z`, analyst)).status,
    ).toBe(403);
    expect((await get('/api/rooms', analyst)).status).toBe(200);
  });

  it('a range over 2 years or backwards is 400; an unknown building, floor or room 404', async () => {
    expect((await get('/api/analytics/rooms?from=2024-01-01&to=2026-01-02', analyst)).status).toBe(400);
    expect((await get('/api/analytics/rooms?from=2026-02-01&to=2026-01-31', analyst)).status).toBe(400);
    expect((await get('/api/analytics/rooms?from=2026-02-30&to=2026-03-01', analyst)).status).toBe(400);
    for (const part of ['buildingId', 'floorId', 'roomId'])
      expect(
        (await get(`/api/analytics/rooms?from=2026-01-01&to=2026-01-31&${part}=${randomUUID()}`, analyst)).status,
      ).toBe(404);
  });

  it('only admins change the thresholds, and the recommendations follow them', async () => {
    const current = (await get('/api/analytics/settings', analyst)).body as Record<string, number>;
    expect(current.noShowRate).toBe(0.2);
    const changed = { ...current, minBookings: 1, noShowRate: 0.5 };
    expect(
      (await request(world.app).put('/api/analytics/settings').set('Authorization', `Bearer ${analyst}`).send(changed))
        .status,
    ).toBe(403);
    const saved = await request(world.app)
      .put('/api/analytics/settings')
      .set('Authorization', `Bearer ${world.admin}`)
      .send(changed);
    expect(saved.status).toBe(200);
    const res = await get(`/api/analytics/recommendations?${query()}`, analyst);
    expect((res.body as { items: { text: string; figure: number }[] }).items).toContainEqual(
      expect.objectContaining({ text: 'Elbe: 50% of bookings are released as no-shows.', figure: 0.5 }),
    );
  });

  it('keeps the anonymisation age and the works-council switch as installation settings only admins change', async () => {
    const put = (token: string, body: object) =>
      request(world.app).put('/api/analytics/settings').set('Authorization', `Bearer ${token}`).send(body);
    const current = (await get('/api/analytics/settings', analyst)).body as Record<string, unknown>;
    expect(current).toMatchObject({ anonymiseAfterDays: 90, worksCouncil: false });
    expect((await get('/api/analytics/settings', employee)).status).toBe(403);
    expect((await put(analyst, { ...current, worksCouncil: true })).status).toBe(403);
    expect((await put(world.admin, { ...current, anonymiseAfterDays: 0 })).status).toBe(400);
    expect((await get('/api/analytics/settings', analyst)).body).toEqual(current);

    const saved = await put(world.admin, { ...current, anonymiseAfterDays: 30, worksCouncil: true });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...current, anonymiseAfterDays: 30, worksCouncil: true });
    // Thresholds alone leave the privacy settings as they are.
    const thresholdsOnly = Object.fromEntries(
      Object.entries(current).filter(([k]) => k !== 'anonymiseAfterDays' && k !== 'worksCouncil'),
    );
    expect((await put(world.admin, thresholdsOnly)).body).toMatchObject({ anonymiseAfterDays: 30, worksCouncil: true });
  });
});
