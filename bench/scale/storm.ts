/**
 * Changes made in Exchange at a steady rate (organizers booking rooms over EWS, as Outlook does),
 * each timed from its organizer's save until Roomserve has stored the room's booking.
 */
import * as ews from 'ews-javascript-api';
import pg from 'pg';
import { ROOM_CHANGES_CHANNEL } from '../../server/adapters/roomChanges/postgres';
import { DEFAULT_HORIZON } from '../../server/sync/horizon';
import { at, ewsService } from '../../test/exchange-sim/ewsjs/client';
import type { RoomserveProcess } from '../sync/roomserveClient';
import type { BenchRoom } from '../sync/roomserve';
import { storedAmongSql, storedFlags, storedParameter, type StoredQuery } from '../sync/storedQuery';
import { BENCH_PASSWORD, organizerLogin } from '../sync/seed';

const DAY_MS = 86_400_000;
/** A change not stored after this long counts as not seen. */
const GIVE_UP_MS = 15_000;

export interface StormOptions {
  readonly rate: number;
  readonly seconds: number;
  /** Days from today of the meetings' first day: storms of one run must not book the same slots. */
  readonly dayOffset: number;
  /** Called once, this many ms after the first change (e.g. to kill an instance mid-storm). */
  readonly midway?: { readonly afterMs: number; run(): void };
  /** Stops making changes (those in flight are still awaited). */
  readonly signal?: AbortSignal;
}

export interface StormSample {
  /** performance.now() at the organizer's save. */
  readonly savedAt: number;
  /** ms from the save until stored; undefined when not seen within GIVE_UP_MS. */
  readonly latency: number | undefined;
}

interface Watched {
  readonly query: StoredQuery;
  readonly deadline: number;
  readonly settle: (seenAt: number | undefined) => void;
}

/** How often every awaited change is asked after, when no notification says which room changed. */
const POLL_MS = 20;
/** With notifications: the sweep that settles what is past its deadline (and anything missed). */
const SWEEP_MS = 1_000;

/**
 * The bench's own connection to Roomserve's database: it hears Roomserve's room changes (its
 * NOTIFY channel) and asks whether bookings are stored, so that neither costs Roomserve's process
 * anything.
 */
async function watchDatabase(
  url: string,
  schema: string,
  onRoom: (room: { readonly roomId: string } | 'all') => void,
  onError: (err: unknown) => void,
): Promise<{ storedAmong(wanted: readonly StoredQuery[]): Promise<boolean[]>; end(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url, application_name: 'bench storm watcher' });
  client.on('error', onError);
  client.on('notification', (notification) => {
    try {
      const { change } = JSON.parse(notification.payload ?? '{}') as { change?: { kind?: string; roomId?: string } };
      if (change?.kind === 'room' && typeof change.roomId === 'string') onRoom({ roomId: change.roomId });
      else if (change?.kind === 'all-rooms') onRoom('all');
    } catch (err) {
      onError(err);
    }
  });
  await client.connect();
  await client.query(`SET search_path TO ${client.escapeIdentifier(schema)}, public`);
  await client.query(`LISTEN ${ROOM_CHANGES_CHANNEL}`);
  return {
    async storedAmong(wanted) {
      const result = await client.query<{ i: number }>(storedAmongSql('$1'), [storedParameter(wanted)]);
      return storedFlags(wanted, result.rows);
    },
    end: () => client.end(),
  };
}

/**
 * When each awaited change was first seen stored (performance.now()), or undefined past its
 * deadline. Where Roomserve publishes its room changes (PostgreSQL), the bench hears them on its own
 * connection and asks there after the awaited changes of the room named, and after all of them once
 * a second. Otherwise Roomserve is asked after all of them every 20 ms, in one question. Asking
 * after all of them every 20 ms took 4–9 ms of the database each time at 5,000 rooms in a storm
 * (100 changes in flight), a fifth of a core; and asking through Roomserve's process took its CPU.
 */
async function watchStored(
  roomserve: RoomserveProcess,
  onError: (err: unknown) => void,
): Promise<{
  seen(query: StoredQuery, deadline: number): Promise<number | undefined>;
  stop(): Promise<void>;
}> {
  const watched = new Map<string, Set<Watched>>();
  const due = new Set<string>();
  let dueAll = false;
  let running = true;
  let asking: Promise<void> | null = null;

  async function ask(rooms: readonly string[]): Promise<void> {
    const batch = rooms.flatMap((roomId) => [...(watched.get(roomId) ?? [])]);
    if (batch.length === 0) return;
    const queries = batch.map((w) => w.query);
    const found = await (database ? database.storedAmong(queries) : roomserve.storedAmong(queries));
    const now = performance.now();
    batch.forEach((w, i) => {
      const stored = found[i] === true;
      if (!stored && now <= w.deadline) return;
      w.settle(stored ? now : undefined);
      const ofRoom = watched.get(w.query.roomId);
      ofRoom?.delete(w);
      if (ofRoom?.size === 0) watched.delete(w.query.roomId);
    });
  }

  /** One question at a time; rooms that become due meanwhile are asked after right after it. */
  function askDue(): void {
    if (asking || (!dueAll && due.size === 0)) return;
    const rooms = dueAll ? [...watched.keys()] : [...due];
    dueAll = false;
    due.clear();
    asking = ask(rooms)
      .catch(onError)
      .finally(() => {
        asking = null;
        askDue();
      });
  }

  const database =
    roomserve.roomChangesUrl && roomserve.schema
      ? await watchDatabase(
          roomserve.roomChangesUrl,
          roomserve.schema,
          (room) => {
            if (room === 'all') dueAll = true;
            else if (watched.has(room.roomId)) due.add(room.roomId);
            askDue();
          },
          onError,
        )
      : undefined;
  const period = database ? SWEEP_MS : POLL_MS;
  const loop = (async () => {
    while (running) {
      dueAll = true;
      askDue();
      await new Promise((r) => setTimeout(r, period));
    }
  })();
  return {
    seen: (query, deadline) =>
      new Promise((settle) => {
        const ofRoom = watched.get(query.roomId) ?? new Set<Watched>();
        ofRoom.add({ query, deadline, settle });
        watched.set(query.roomId, ofRoom);
        // The room's notification may have come before the organizer's save was answered here.
        if (database) {
          due.add(query.roomId);
          askDue();
        }
      }),
    async stop() {
      running = false;
      await loop;
      while (asking) await asking;
      await database?.end();
    },
  };
}

function organizers(url: string): (i: number) => ews.ExchangeService {
  const services = new Map<number, ews.ExchangeService>();
  return (i) => {
    let service = services.get(i % 50);
    if (!service) {
      service = ewsService(url, organizerLogin(i), BENCH_PASSWORD, 'basic');
      services.set(i % 50, service);
    }
    return service;
  };
}

/** A half-hour meeting in the room, booked by the organizer over EWS as Outlook does. */
export async function bookRoom(
  service: ews.ExchangeService,
  room: BenchRoom,
  start: number,
  subject: string,
): Promise<void> {
  const appt = new ews.Appointment(service);
  appt.Subject = subject;
  appt.Start = at(new Date(start).toISOString());
  appt.End = at(new Date(start + 1_800_000).toISOString());
  appt.StartTimeZone = ews.TimeZoneInfo.Utc;
  appt.EndTimeZone = ews.TimeZoneInfo.Utc;
  appt.Resources.Add(room.mailbox);
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
}

/**
 * The changes go round the rooms, each room one meeting a day at 11:00 UTC, so a room gets a new day
 * every `rooms` changes; the sync keeps its horizon (365 days) only. Throws when the storm would
 * leave it (a bench can check this before its first sync).
 */
export function assertWithinHorizon(
  rooms: number,
  options: Pick<StormOptions, 'rate' | 'seconds' | 'dayOffset'>,
): void {
  const planned = Math.round(options.rate * options.seconds);
  const lastDay = options.dayOffset + Math.ceil(planned / rooms);
  if (lastDay > DEFAULT_HORIZON.daysAhead)
    throw new Error(
      `${planned} changes across ${rooms} rooms reach day ${lastDay}, beyond the sync's horizon of ` +
        `${DEFAULT_HORIZON.daysAhead} days: take more rooms, a lower rate or a shorter storm`,
    );
}

/** The start of change `i`'s meeting (see assertWithinHorizon). */
function dayPlan(rooms: number, options: StormOptions): (i: number) => number {
  assertWithinHorizon(rooms, options);
  const day0 = Math.floor(Date.now() / DAY_MS) * DAY_MS + options.dayOffset * DAY_MS;
  return (i) => day0 + Math.floor(i / rooms) * DAY_MS + 11 * 3_600_000;
}

/**
 * `rate` new meetings a second for `seconds` (or until `signal` aborts), spread across the rooms;
 * each sample is handed to `record` once known and not kept here, so a storm of any length holds
 * only the changes still in flight. Resolves once every change made is settled.
 */
export async function streamChanges(
  roomserve: RoomserveProcess,
  url: string,
  options: StormOptions,
  record: (sample: StormSample) => void,
  log: (message: string) => void = console.log,
): Promise<{ made: number; failed: number }> {
  const { rooms } = roomserve;
  const startOf = dayPlan(rooms.length, options);
  const organizer = organizers(url);
  const watcher = await watchStored(roomserve, (err) => log(`  watching the stored changes failed: ${String(err)}`));
  const inFlight = new Set<Promise<void>>();
  const planned = Math.round(options.rate * options.seconds);
  let midway = options.midway;
  let made = 0;
  let failed = 0;
  const t0 = performance.now();
  while (made < planned) {
    const wait = t0 + (made * 1000) / options.rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (options.signal?.aborted === true) break;
    const i = made++;
    if (midway && performance.now() - t0 >= midway.afterMs) {
      midway.run();
      midway = undefined;
    }
    const room = rooms[(i * 37) % rooms.length] as BenchRoom;
    const start = startOf(i);
    const change = (async () => {
      await bookRoom(organizer(i), room, start, `Storm ${i}`);
      const saved = performance.now();
      const query = { roomId: room.roomId, start: new Date(start).toISOString() };
      const seenAt = await watcher.seen(query, saved + GIVE_UP_MS);
      record({ savedAt: saved, latency: seenAt === undefined ? undefined : seenAt - saved });
    })()
      .catch((err: unknown) => {
        failed++;
        log(`  change ${i} failed: ${String(err)}`);
      })
      .finally(() => inFlight.delete(change));
    inFlight.add(change);
  }
  await Promise.all(inFlight);
  await watcher.stop();
  return { made, failed };
}

/** `rate` new meetings a second for `seconds`, spread across the rooms; one sample per meeting seen or given up. */
export async function changesAtRate(
  roomserve: RoomserveProcess,
  url: string,
  options: StormOptions,
  log: (message: string) => void = console.log,
): Promise<StormSample[]> {
  const samples: StormSample[] = [];
  await streamChanges(roomserve, url, options, (sample) => samples.push(sample), log);
  return samples;
}

/** The latencies of the changes that were seen, sorted. */
export function seenLatencies(samples: readonly StormSample[]): number[] {
  return samples.flatMap((x) => (x.latency === undefined ? [] : [x.latency])).sort((a, b) => a - b);
}
