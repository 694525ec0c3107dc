/**
 * (a) and (b): Outlook users change meetings over EWS (ews-javascript-api, as the integration tests
 * do), one change at a time; for each, the time from the organizer's write being answered to the
 * booking showing in GET /api/rooms/:id/schedule, and the service account's EWS requests that the
 * change caused. The simulator runs without attendant delay, so the room's copy is in its calendar
 * when the write is answered: "committed" = the organizer's EWS write returned.
 */
import * as ews from 'ews-javascript-api';
import { at, ewsService } from '../../test/exchange-sim/ewsjs/client';
import type { BenchOptions } from './options';
import type { BenchRoom } from './roomserve';
import { difference, total, type BenchSim, type OperationCounts } from './simClient';
import { BENCH_PASSWORD, organizerLogin } from './seed';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const HALF_HOUR_MS = 1_800_000;
/** Bench meetings stay inside one schedule window (at most 31 days). */
const WINDOW_DAYS = 30;
/** Every change lands within this many days after today (at most 28: a single's lap, a series' first week and three more). */
export const CHANGED_DAYS = WINDOW_DAYS;
const SERIES_OCCURRENCES = 4;

export type ChangeKind = 'create' | 'move';

export interface ChangeResult {
  readonly kind: ChangeKind;
  readonly recurring: boolean;
  /** null when the change did not show within the timeout. */
  readonly latencyMs: number | null;
  readonly requests: OperationCounts;
}

interface Expectation {
  readonly present: readonly number[];
  readonly absent: readonly number[];
}

interface Change {
  readonly kind: ChangeKind;
  readonly recurring: boolean;
  readonly room: BenchRoom;
  /** Makes the change as the organizer; resolves when the EWS write has been answered. */
  apply(): Promise<void>;
  readonly expected: Expectation;
}

interface ScheduleEntry {
  readonly start: string;
}

/** Meetings (or series) `first` to `end - 1` of the bench's list, each created then moved. */
export interface MeetingRange {
  readonly first: number;
  readonly end: number;
}

/** A part of the bench's changes: some of its single meetings and some of its series. */
export interface ChangePart {
  readonly meetings: MeetingRange;
  readonly series: MeetingRange;
}

/**
 * The bench's changes in two parts, each with about half of the meetings and half of the series;
 * together they are the changes one run of the whole list makes (no room and time used twice).
 */
export function twoParts(options: BenchOptions): readonly [ChangePart, ChangePart] {
  const meetings = Math.ceil(options.changes / 2);
  const series = Math.ceil(options.recurringChanges / 2);
  const half = (n: number) => Math.ceil(n / 2);
  return [
    { meetings: { first: 0, end: half(meetings) }, series: { first: 0, end: half(series) } },
    { meetings: { first: half(meetings), end: meetings }, series: { first: half(series), end: series } },
  ];
}

export interface ChangeDriverContext {
  readonly options: BenchOptions;
  readonly sim: BenchSim;
  readonly rooms: readonly BenchRoom[];
  readonly baseUrl: string;
  readonly authorization: string;
  /** UTC midnight of today: bench meetings go on the following days. */
  readonly today: number;
}

function organizerService(url: string, index: number, cache: Map<number, ews.ExchangeService>): ews.ExchangeService {
  let service = cache.get(index);
  if (!service) {
    service = ewsService(url, organizerLogin(index), BENCH_PASSWORD, 'basic');
    cache.set(index, service);
  }
  return service;
}

function pickRoom(rooms: readonly BenchRoom[], index: number, offset: number): { room: BenchRoom; lap: number } {
  // 37 is prime to any room count that is not a multiple of 37: consecutive meetings land in rooms far apart.
  const slot = index * 37 + offset;
  const room = rooms[slot % rooms.length];
  if (!room) throw new Error('no rooms');
  return { room, lap: Math.floor(index / rooms.length) };
}

async function save(appt: ews.Appointment): Promise<void> {
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
}

async function moveTo(appt: ews.Appointment, service: ews.ExchangeService, start: number, end: number): Promise<void> {
  const fresh = await ews.Appointment.Bind(service, appt.Id);
  fresh.Start = at(new Date(start).toISOString());
  fresh.End = at(new Date(end).toISOString());
  await fresh.Update(
    ews.ConflictResolutionMode.AlwaysOverwrite,
    ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
  );
}

function newAppointment(
  service: ews.ExchangeService,
  subject: string,
  start: number,
  room: BenchRoom,
): ews.Appointment {
  const appt = new ews.Appointment(service);
  appt.Subject = subject;
  appt.Start = at(new Date(start).toISOString());
  appt.End = at(new Date(start + HALF_HOUR_MS).toISOString());
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  appt.Resources.Add(room.mailbox);
  return appt;
}

/**
 * Single meetings: a new one at 11:00 UTC, then (next change) the same moved to 16:00. The seeded
 * meetings sit at 09:00 and 14:00, so the booking attendant accepts every change.
 */
function singleChanges(
  context: ChangeDriverContext,
  meetings: MeetingRange,
  services: Map<number, ews.ExchangeService>,
): Change[] {
  const count = context.options.changes;
  const changes: Change[] = [];
  for (let m = meetings.first; m < meetings.end && m * 2 < count; m++) {
    const { room, lap } = pickRoom(context.rooms, m, 0);
    const day = context.today + (1 + (lap % (WINDOW_DAYS - 2))) * DAY_MS;
    const first = day + 11 * HOUR_MS;
    const moved = day + 16 * HOUR_MS;
    const service = organizerService(context.sim.url, m, services);
    const appt = newAppointment(service, `Bench meeting ${m}`, first, room);
    changes.push({
      kind: 'create',
      recurring: false,
      room,
      apply: () => save(appt),
      expected: { present: [first], absent: [] },
    });
    if (m * 2 + 1 < count)
      changes.push({
        kind: 'move',
        recurring: false,
        room,
        apply: () => moveTo(appt, service, moved, moved + HALF_HOUR_MS),
        expected: { present: [moved], absent: [first] },
      });
  }
  return changes;
}

/** Weekly series of four at 12:00 UTC, then moved (the whole series) to 17:00. */
function seriesChanges(
  context: ChangeDriverContext,
  series: MeetingRange,
  services: Map<number, ews.ExchangeService>,
): Change[] {
  const count = context.options.recurringChanges;
  const changes: Change[] = [];
  for (let s = series.first; s < series.end && s * 2 < count; s++) {
    const { room, lap } = pickRoom(context.rooms, s, 11);
    const day = context.today + (1 + (lap % 7)) * DAY_MS;
    const first = day + 12 * HOUR_MS;
    const moved = day + 17 * HOUR_MS;
    const weeks = Array.from({ length: SERIES_OCCURRENCES }, (_v, w) => w * 7 * DAY_MS);
    const service = organizerService(context.sim.url, s + 7, services);
    const appt = newAppointment(service, `Bench series ${s}`, first, room);
    const pattern = new ews.Recurrence.WeeklyPattern();
    pattern.StartDate = at(new Date(day).toISOString());
    // Sunday..Saturday are 0..6 in both JavaScript and ews.DayOfTheWeek.
    pattern.DaysOfTheWeek.Add(new Date(day).getUTCDay());
    pattern.NumberOfOccurrences = SERIES_OCCURRENCES;
    appt.Recurrence = pattern;
    changes.push({
      kind: 'create',
      recurring: true,
      room,
      apply: () => save(appt),
      expected: { present: weeks.map((w) => first + w), absent: [] },
    });
    if (s * 2 + 1 < count)
      changes.push({
        kind: 'move',
        recurring: true,
        room,
        apply: () => moveTo(appt, service, moved, moved + HALF_HOUR_MS),
        expected: { present: weeks.map((w) => moved + w), absent: weeks.map((w) => first + w) },
      });
  }
  return changes;
}

async function scheduleStarts(context: ChangeDriverContext, room: BenchRoom): Promise<Set<number>> {
  const from = new Date(context.today).toISOString();
  const to = new Date(context.today + WINDOW_DAYS * DAY_MS).toISOString();
  const res = await fetch(`${context.baseUrl}/api/rooms/${room.roomId}/schedule?from=${from}&to=${to}`, {
    headers: { authorization: context.authorization },
  });
  if (!res.ok) throw new Error(`GET schedule answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { entries?: readonly ScheduleEntry[] };
  return new Set((body.entries ?? []).map((e) => Date.parse(e.start)));
}

function satisfied(starts: Set<number>, expected: Expectation): boolean {
  return expected.present.every((s) => starts.has(s)) && !expected.absent.some((s) => starts.has(s));
}

/** Milliseconds from now until the room's schedule shows the change; null after the timeout. */
async function untilVisible(context: ChangeDriverContext, change: Change, since: number): Promise<number | null> {
  const deadline = since + context.options.changeTimeoutMs;
  for (;;) {
    const starts = await scheduleStarts(context, change.room);
    const now = performance.now();
    if (satisfied(starts, change.expected)) return now - since;
    if (now > deadline) return null;
    await new Promise((r) => setTimeout(r, context.options.pollMs));
  }
}

/** The service account's request counts once it has been quiet for settleMs (trailing syncs included). */
async function settledCounts(context: ChangeDriverContext): Promise<OperationCounts> {
  let last = await context.sim.serviceRequests();
  for (;;) {
    await new Promise((r) => setTimeout(r, context.options.settleMs));
    const now = await context.sim.serviceRequests();
    if (total(now) === total(last)) return now;
    last = now;
  }
}

/**
 * Renewing the notification connection (GetStreamingEvents after Exchange's ConnectionTimeout) is
 * not caused by a change; with the idle figure's scaled stream lifetime it would land among the
 * changes, so it is left out here and counted in (d).
 */
function causedByChange(counts: OperationCounts): OperationCounts {
  return Object.fromEntries(Object.entries(counts).filter(([operation]) => operation !== 'GetStreamingEvents'));
}

async function measure(context: ChangeDriverContext, change: Change): Promise<ChangeResult> {
  const before = await context.sim.serviceRequests();
  await change.apply();
  const latencyMs = await untilVisible(context, change, performance.now());
  const after = await settledCounts(context);
  return {
    kind: change.kind,
    recurring: change.recurring,
    latencyMs,
    requests: causedByChange(difference(after, before)),
  };
}

export async function runChanges(
  context: ChangeDriverContext,
  part: ChangePart,
  onProgress: (done: number, of: number) => void,
): Promise<ChangeResult[]> {
  const services = new Map<number, ews.ExchangeService>();
  const changes = [
    ...singleChanges(context, part.meetings, services),
    ...seriesChanges(context, part.series, services),
  ];
  const results: ChangeResult[] = [];
  for (const change of changes) {
    results.push(await measure(context, change));
    onProgress(results.length, changes.length);
  }
  return results;
}
