import { XhrApi } from '@ewsjs/xhr';
import { expect } from '@jest/globals';
import https from 'node:https';
import * as ews from 'ews-javascript-api';
import type { Knex } from 'knex';
import { CLEAN_GOID, impersonating } from '../exchange-sim/ewsjs/client';

/**
 * "Roomserve's bookings equal what Exchange holds", compared on both sides in one form:
 * `meeting|start|end` per occurrence, sorted. Exchange's side is read over EWS with
 * ews-javascript-api (a CalendarView of the room's calendar, as the service account impersonating
 * the room), not through Roomserve's adapter: a misreading there must not be mirrored here.
 */

export interface TimeWindow {
  readonly start: Date;
  readonly end: Date;
}

export interface ExchangeAccount {
  readonly url: string;
  readonly caCertPem?: string | undefined;
  readonly username?: string;
  readonly password?: string;
}

export interface RoomCalendarEntry {
  readonly meeting: string;
  readonly start: string;
  readonly end: string;
  readonly subject: string;
  readonly type: string;
}

const DAY_MS = 86_400_000;

/** Roomserve's horizon around `now` (30 days back, 365 ahead), widened by a day on each side. */
export function comparisonWindow(now: Date): TimeWindow {
  return { start: new Date(now.getTime() - 31 * DAY_MS), end: new Date(now.getTime() + 366 * DAY_MS) };
}

function base64Of(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return Buffer.from(value as number[]).toString('base64');
  return '';
}

function cleanGlobalObjectIdOf(item: ews.Appointment): string {
  const found = item.ExtendedProperties.GetEnumerator().find((p) => p.PropertyDefinition.Id === 35);
  return found ? base64Of(found.Value) : '';
}

const keyOf = (meeting: string, start: string, end: string): string => `${meeting}|${start}|${end}`;

/** Every item of a room's calendar in the window, as Exchange answers a CalendarView over EWS. */
export async function readRoomCalendar(
  account: ExchangeAccount,
  mailbox: string,
  window: TimeWindow,
): Promise<RoomCalendarEntry[]> {
  const service = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013_SP1);
  service.Url = new ews.Uri(account.url);
  service.Credentials = new ews.WebCredentials(
    account.username ?? 'NORTHWIND\\svc-roomserve',
    account.password ?? 'Roomserve-demo-1',
  );
  // No keep-alive: a comparison is a one-off read, and idle sockets would outlive the test.
  service.XHRApi = new XhrApi({ httpsAgent: new https.Agent({ ca: account.caCertPem, keepAlive: false }) });
  impersonating(service, mailbox);
  const view = new ews.CalendarView(
    new ews.DateTime(window.start.getTime()),
    new ews.DateTime(window.end.getTime()),
    1000,
  );
  view.PropertySet = new ews.PropertySet(ews.BasePropertySet.IdOnly, [
    ews.AppointmentSchema.Start,
    ews.AppointmentSchema.End,
    ews.AppointmentSchema.Subject,
    ews.AppointmentSchema.AppointmentType,
    ews.AppointmentSchema.IsCancelled,
    CLEAN_GOID,
  ]);
  const found = await service.FindAppointments(
    new ews.FolderId(ews.WellKnownFolderName.Calendar, new ews.Mailbox(mailbox)),
    view,
  );
  return found.Items.filter((item) => !item.IsCancelled).map((item) => ({
    meeting: cleanGlobalObjectIdOf(item),
    start: new Date(item.Start.TotalMilliSeconds).toISOString(),
    end: new Date(item.End.TotalMilliSeconds).toISOString(),
    subject: item.Subject ?? '',
    type: ews.AppointmentType[item.AppointmentType],
  }));
}

/** What Exchange holds for a room: `meeting|start|end` per item, sorted. */
export async function exchangeHolds(account: ExchangeAccount, mailbox: string, window: TimeWindow): Promise<string[]> {
  return (await readRoomCalendar(account, mailbox, window)).map((e) => keyOf(e.meeting, e.start, e.end)).sort();
}

/**
 * What Roomserve holds for a room: every booking that takes the room (pending and confirmed: both
 * show busy), so a duplicate parked as pending by the overlap constraint still shows up.
 */
export async function roomserveHolds(knex: Knex, roomId: string, window: TimeWindow): Promise<string[]> {
  const result = await knex.raw<{ rows: { meeting: string | null; s: Date | string; e: Date | string }[] }>(
    `SELECT clean_global_object_id AS meeting, lower(during) AS s, upper(during) AS e
       FROM bookings
      WHERE room_id = ? AND status IN ('pending', 'confirmed') AND during && tstzrange(?, ?)`,
    [roomId, window.start.toISOString(), window.end.toISOString()],
  );
  return result.rows
    .map((r) => keyOf(r.meeting ?? '', new Date(r.s).toISOString(), new Date(r.e).toISOString()))
    .sort();
}

export interface Comparison {
  readonly roomserve: string[];
  readonly exchange: string[];
}

export async function compareRoom(
  knex: Knex,
  account: ExchangeAccount,
  room: { roomId: string; mailbox: string },
  window: TimeWindow,
): Promise<Comparison> {
  const [roomserve, exchange] = await Promise.all([
    roomserveHolds(knex, room.roomId, window),
    exchangeHolds(account, room.mailbox, window),
  ]);
  return { roomserve, exchange };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Polls until Roomserve mirrors Exchange for every room, or the deadline passes; returns the last
 * comparison per room either way, for the test to assert on (so a failure shows the difference).
 */
export async function waitForMirror(
  knex: Knex,
  account: ExchangeAccount,
  rooms: readonly { roomId: string; mailbox: string }[],
  window: TimeWindow,
  deadlineMs: number,
): Promise<Map<string, Comparison>> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const result = new Map<string, Comparison>();
    for (const room of rooms) result.set(room.mailbox, await compareRoom(knex, account, room, window));
    const converged = [...result.values()].every((c) => sameList(c.roomserve, c.exchange));
    if (converged || Date.now() > until) return result;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Exchange-linked bookings of a room that share one meeting identity and start: must be none. */
export async function duplicateBookings(knex: Knex, roomIds: readonly string[]): Promise<string[]> {
  const result = await knex.raw<{ rows: { room_id: string; meeting: string; s: Date | string; n: number }[] }>(
    `SELECT room_id, clean_global_object_id AS meeting, lower(during) AS s, count(*)::int AS n
       FROM bookings
      WHERE room_id IN (${roomIds.map(() => '?').join(', ')}) AND status IN ('pending', 'confirmed')
      GROUP BY room_id, clean_global_object_id, lower(during)
     HAVING count(*) > 1`,
    [...roomIds],
  );
  return result.rows.map((r) => `${r.room_id}|${r.meeting}|${new Date(r.s).toISOString()}|${r.n}`);
}

/**
 * Asserts, once Roomserve has caught up (or the deadline passed), that every room's bookings are
 * its calendar in Exchange, meeting for meeting, and that no meeting is stored twice.
 */
export async function expectMirrorsExchange(
  knex: Knex,
  account: ExchangeAccount,
  rooms: readonly { roomId: string; mailbox: string }[],
  window: TimeWindow,
  deadlineMs: number,
): Promise<void> {
  const result = await waitForMirror(knex, account, rooms, window, deadlineMs);
  for (const [mailbox, { roomserve, exchange }] of result) {
    expect({ mailbox, holds: roomserve }).toEqual({ mailbox, holds: exchange });
  }
  expect(
    await duplicateBookings(
      knex,
      rooms.map((r) => r.roomId),
    ),
  ).toEqual([]);
}
