/**
 * Changes made in Exchange at a steady rate (organizers booking rooms over EWS, as Outlook does),
 * each timed from its organizer's save until Roomserve has stored the room's booking.
 */
import * as ews from 'ews-javascript-api';
import { at, ewsService } from '../../test/exchange-sim/ewsjs/client';
import type { RoomserveProcess } from '../sync/roomserveClient';
import type { BenchRoom } from '../sync/roomserve';
import type { StoredQuery } from '../sync/roomserveProcess';
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

/**
 * Every 20 ms, one question for all the changes still awaited: when each was first seen stored
 * (performance.now()), or undefined past its deadline. A question per change instead loaded the
 * database under test more the slower the sync was.
 */
function watchStored(
  roomserve: RoomserveProcess,
  onError: (err: unknown) => void,
): {
  seen(query: StoredQuery, deadline: number): Promise<number | undefined>;
  stop(): Promise<void>;
} {
  const watched = new Set<Watched>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const batch = [...watched];
      if (batch.length > 0) {
        const found = await roomserve.storedAmong(batch.map((w) => w.query));
        const now = performance.now();
        batch.forEach((w, i) => {
          const stored = found[i] === true;
          if (!stored && now <= w.deadline) return;
          w.settle(stored ? now : undefined);
          watched.delete(w);
        });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })().catch(onError);
  return {
    seen: (query, deadline) => new Promise((settle) => watched.add({ query, deadline, settle })),
    async stop() {
      running = false;
      await loop;
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

/** `rate` new meetings a second for `seconds`, spread across the rooms; one sample per meeting. */
export async function changesAtRate(
  roomserve: RoomserveProcess,
  url: string,
  options: StormOptions,
  log: (message: string) => void = console.log,
): Promise<StormSample[]> {
  const { rooms } = roomserve;
  const organizer = organizers(url);
  const day0 = Math.floor(Date.now() / DAY_MS) * DAY_MS + options.dayOffset * DAY_MS;
  const watcher = watchStored(roomserve, (err) => log(`  watching the stored changes failed: ${String(err)}`));
  const samples: Promise<StormSample | undefined>[] = [];
  const made = Math.round(options.rate * options.seconds);
  let midway = options.midway;
  const t0 = performance.now();
  for (let i = 0; i < made; i++) {
    const wait = t0 + (i * 1000) / options.rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (midway && performance.now() - t0 >= midway.afterMs) {
      midway.run();
      midway = undefined;
    }
    const room = rooms[(i * 37) % rooms.length] as BenchRoom;
    const start = day0 + Math.floor(i / rooms.length) * DAY_MS + 11 * 3_600_000;
    samples.push(
      (async () => {
        await bookRoom(organizer(i), room, start, `Storm ${i}`);
        const saved = performance.now();
        const query = { roomId: room.roomId, start: new Date(start).toISOString() };
        const seenAt = await watcher.seen(query, saved + GIVE_UP_MS);
        return { savedAt: saved, latency: seenAt === undefined ? undefined : seenAt - saved };
      })().catch((err: unknown) => {
        log(`  change ${i} failed: ${String(err)}`);
        return undefined;
      }),
    );
  }
  const settled = await Promise.all(samples);
  await watcher.stop();
  return settled.filter((sample): sample is StormSample => sample !== undefined);
}

/** The latencies of the changes that were seen, sorted. */
export function seenLatencies(samples: readonly StormSample[]): number[] {
  return samples.flatMap((x) => (x.latency === undefined ? [] : [x.latency])).sort((a, b) => a - b);
}
