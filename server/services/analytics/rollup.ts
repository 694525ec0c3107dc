import { DateTime } from 'luxon';
import { bookingsByRoom } from '../../domain/analytics/byRoom';
import {
  datesBetween,
  daysTouched,
  mondayOf,
  plusDays,
  rollupDay,
  weekSums,
  type RollupDay,
} from '../../domain/analytics/rollup';
import type { AnalyticsRoom, BookingFact } from '../../domain/analytics/types';
import type { AnalyticsFacts, AnalyticsRollupObserver, AnalyticsRollupStore } from '../../ports/analytics';
import type { BookingChangeListener } from '../../ports/bookingChanges';
import type { Clock } from '../../ports/clock';
import { widestWindow } from './index';

export interface RollupDeps {
  readonly facts: AnalyticsFacts;
  readonly store: AnalyticsRollupStore;
  readonly clock: Clock;
  /** A queued change that could not be applied (the backfill, run again, repairs it). */
  readonly onError?: (err: unknown) => void;
  /** How long changes are gathered before they are applied together (default 5 s). */
  readonly gatherMs?: number;
  /** Told of every batch of changes applied, with its time (the metrics; bench:sync reads them). */
  readonly observer?: AnalyticsRollupObserver;
}

const GATHER_MS = 5_000;

type BookingChange = Parameters<BookingChangeListener['bookingsChanged']>[0];

export interface AnalyticsRollup {
  /**
   * The sync's listener: a booking that changed on a covered day has its days computed again,
   * shortly after the call returns (queued, applied in batches).
   */
  readonly listener: BookingChangeListener;
  /** Resolves once every change queued so far is applied. */
  settled(): Promise<void>;
  /** Computes every room's days from the first booking to the last finished day; the coverage starts there. */
  backfill(options?: {
    readonly from?: string;
  }): Promise<{ readonly days: number; readonly from: string; readonly to: string }>;
  /** Extends the coverage to the last finished day (the daily sweep). Does nothing before a backfill. */
  extend(): Promise<number>;
}

/** Days are finished everywhere two UTC days later: the coverage never holds a day still under way. */
const lastFinishedDay = (now: Date): string =>
  DateTime.fromJSDate(now, { zone: 'utc' }).minus({ days: 2 }).toISODate() ?? '';
/** Weeks computed per read of the bookings (the backfill's batches). */
const BATCH_WEEKS = 5;
const DAY_MS = 86_400_000;

type Range = { readonly from: string; readonly to: string };
const laterOf = (a: string, b: string) => (a > b ? a : b);
const earlierOf = (a: string, b: string) => (a < b ? a : b);

/** Sorted Mondays cut into runs of at most BATCH_WEEKS weeks, each read of the bookings covering one run. */
function runsOf(mondays: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (const monday of mondays) {
    const run = runs[runs.length - 1];
    if (run && plusDays(run[0] ?? monday, 7 * BATCH_WEEKS) > monday) run.push(monday);
    else runs.push([monday]);
  }
  return runs;
}

/** Every Monday from the week of `from` to the week of `to`. */
const mondaysBetween = (from: string, to: string): string[] =>
  datesBetween(mondayOf(from), mondayOf(to)).filter((_, i) => i % 7 === 0);

/** Bookings read before the rooms were known: those of `roomIds` over `range` (and maybe more). */
interface ReadAhead {
  readonly range: Range;
  readonly roomIds: ReadonlySet<string>;
  readonly bookings: readonly BookingFact[];
}

const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const HOUR_MS = 3_600_000;

/**
 * The weeks, inside the coverage, of every day the changes can touch whatever their rooms' zones
 * (the dates of their spans 12 hours earlier to 14 hours later: zones run from UTC−12 to UTC+14)
 * and of the days they were counted in; undefined when that is more than one read of the bookings.
 */
function weeksAround(
  spans: readonly { start: number; end: number }[],
  before: readonly { day: string }[],
  coverage: Range,
): Range | undefined {
  const dates = [
    ...spans.flatMap((s) => [utcDate(s.start - 12 * HOUR_MS), utcDate(Math.max(s.start, s.end - 1) + 14 * HOUR_MS)]),
    ...before.map((b) => b.day),
  ].sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const from = laterOf(mondayOf(first), coverage.from);
  const to = earlierOf(plusDays(mondayOf(last), 6), coverage.to);
  return from <= to && plusDays(mondayOf(first), 7 * BATCH_WEEKS) > mondayOf(last) ? { from, to } : undefined;
}

export function createAnalyticsRollup(deps: RollupDeps): AnalyticsRollup {
  /**
   * Computes the days of the given weeks inside `bounds` (the coverage) from the bookings, and
   * saves them with their weeks summed from them: a week's row always sums all of its covered days.
   * `roomWeek` picks the rooms' weeks (all by default), `writeDay` the days written (the listener
   * writes only the days a change touched; the others are as stored).
   */
  async function compute(
    rooms: readonly AnalyticsRoom[],
    mondays: readonly string[],
    bounds: Range,
    pick: {
      readonly roomWeek?: (roomId: string, monday: string) => boolean;
      readonly writeDay?: (roomId: string, day: string) => boolean;
    } = {},
    ahead?: ReadAhead,
  ): Promise<number> {
    let written = 0;
    for (const run of runsOf(mondays)) {
      const range = {
        from: laterOf(run[0] ?? bounds.from, bounds.from),
        to: earlierOf(plusDays(run[run.length - 1] ?? bounds.to, 6), bounds.to),
      };
      if (range.from > range.to) continue;
      const wanted = rooms.filter((r) => run.some((monday) => !pick.roomWeek || pick.roomWeek(r.id, monday)));
      // Each day is computed from the bookings overlapping it: more bookings read change nothing.
      const readAlready =
        ahead &&
        ahead.range.from <= range.from &&
        ahead.range.to >= range.to &&
        wanted.every((r) => ahead.roomIds.has(r.id));
      const byRoom = bookingsByRoom(
        readAlready
          ? ahead.bookings
          : await deps.facts.bookings(
              wanted.map((r) => r.id),
              widestWindow(range),
            ),
      );
      const days: RollupDay[] = [];
      for (const room of wanted)
        for (const monday of run)
          if (!pick.roomWeek || pick.roomWeek(room.id, monday))
            for (const day of datesBetween(laterOf(monday, range.from), earlierOf(plusDays(monday, 6), range.to)))
              days.push(rollupDay(room, byRoom.get(room.id) ?? [], day));
      const toWrite = pick.writeDay ? days.filter((d) => pick.writeDay?.(d.roomId, d.day)) : days;
      await deps.store.save(toWrite, weekSums(days));
      written += toWrite.length;
    }
    return written;
  }

  async function recomputeDays(
    coverage: Range,
    rooms: readonly AnalyticsRoom[],
    wanted: readonly { roomId: string; day: string }[],
    ahead?: ReadAhead,
  ): Promise<void> {
    const inside = wanted.filter((w) => w.day >= coverage.from && w.day <= coverage.to);
    if (inside.length === 0) return;
    const days = new Set(inside.map((w) => `${w.roomId}|${w.day}`));
    const weeks = new Set(inside.map((w) => `${w.roomId}|${mondayOf(w.day)}`));
    await compute(
      rooms.filter((r) => inside.some((w) => w.roomId === r.id)),
      [...new Set(inside.map((w) => mondayOf(w.day)))].sort(),
      coverage,
      {
        roomWeek: (roomId, monday) => weeks.has(`${roomId}|${monday}`),
        writeDay: (roomId, day) => days.has(`${roomId}|${day}`),
      },
      ahead,
    );
  }

  /** The days the changed bookings were counted in and touch now, computed again where covered. */
  async function applyChanges(bookingIds: readonly string[]): Promise<void> {
    if (bookingIds.length === 0) return;
    // Read at once: without a coverage (before the first backfill) the other two are not needed.
    const [coverage, spans, before] = await Promise.all([
      deps.store.coverage(),
      deps.store.bookingSpans(bookingIds),
      deps.store.daysOfBookings(bookingIds),
    ]);
    if (!coverage) return;
    // Most changes are to meetings still to come, outside the coverage: nothing more to read.
    const coverageEnd = Date.parse(coverage.to) + 2 * DAY_MS;
    const nearCoverage = spans.filter((s) => s.start < coverageEnd);
    if (nearCoverage.length === 0 && before.length === 0) return;
    const roomIds = [...new Set([...nearCoverage.map((s) => s.roomId), ...before.map((b) => b.roomId)])];
    // The rooms' zones decide which days and weeks are computed again; their bookings are read
    // meanwhile, over every week the changes can touch in any zone (one round trip less).
    const around = weeksAround(nearCoverage, before, coverage);
    const [rooms, bookings] = await Promise.all([
      deps.facts.rooms({ roomIds }),
      around ? deps.facts.bookings(roomIds, widestWindow(around)) : undefined,
    ]);
    const zoneOf = new Map(rooms.map((r) => [r.id, r.timeZone]));
    const now = nearCoverage.flatMap((s) => {
      const zone = zoneOf.get(s.roomId);
      return zone ? daysTouched(s, zone).map((day) => ({ roomId: s.roomId, day })) : [];
    });
    const ahead = around && bookings ? { range: around, roomIds: new Set(roomIds), bookings } : undefined;
    await recomputeDays(coverage, rooms, [...before, ...now], ahead);
  }

  /** One batch applied, its time and outcome told to the observer; a failure goes to onError. */
  async function applyObserved(batch: readonly BookingChange[]): Promise<void> {
    const bookingIds = [...new Set(batch.flatMap((c) => c.bookingIds))];
    const started = performance.now();
    let outcome: 'ok' | 'error' = 'ok';
    try {
      await applyChanges(bookingIds);
    } catch (err) {
      outcome = 'error';
      deps.onError?.(err);
    }
    deps.observer?.changesApplied({
      changes: batch.length,
      bookings: bookingIds.length,
      durationMs: performance.now() - started,
      outcome,
    });
  }

  // The sync only queues its changes: they are applied behind it, those of five seconds at once,
  // so a burst of changes costs one round of reads and writes (three rounds of round trips to
  // the database when a covered day changed, the last one statement) and the rollup adds little to the sync's cost per
  // change (bench:sync, figure (e)). The rollup holds finished days only: a change to a past
  // meeting shows in its figures a few seconds later.
  let pending: BookingChange[] = [];
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  function drain(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (running) return;
    running = (async () => {
      while (pending.length > 0) {
        const batch = pending;
        pending = [];
        await applyObserved(batch);
      }
    })().finally(() => {
      running = undefined;
      if (pending.length > 0) drain();
    });
  }

  return {
    listener: {
      bookingsChanged(change) {
        if (change.bookingIds.length > 0) {
          pending.push(change);
          if (!timer && !running) timer = setTimeout(drain, deps.gatherMs ?? GATHER_MS).unref();
        }
        return Promise.resolve();
      },
    },

    async settled() {
      if (pending.length > 0) drain();
      while (running) await running;
    },

    async backfill(options = {}) {
      const to = lastFinishedDay(deps.clock.now());
      const from = options.from ?? (await deps.store.firstBookingDay()) ?? to;
      const rooms = await deps.facts.rooms({});
      const days = from <= to ? await compute(rooms, mondaysBetween(from, to), { from, to }) : 0;
      if (from <= to) await deps.store.setCoverage({ from, to });
      return { days, from, to };
    },

    async extend() {
      const coverage = await deps.store.coverage();
      if (!coverage) return 0;
      const to = lastFinishedDay(deps.clock.now());
      if (to <= coverage.to) return 0;
      const from = DateTime.fromISO(coverage.to, { zone: 'utc' }).plus({ days: 1 }).toISODate() ?? to;
      // From the Monday of the first new day: its week's row sums the days stored before too.
      const days = await compute(await deps.facts.rooms({}), mondaysBetween(from, to), { from: coverage.from, to });
      await deps.store.setCoverage({ from: coverage.from, to });
      return days;
    },
  };
}
