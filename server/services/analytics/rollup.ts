import { DateTime } from 'luxon';
import { bookingsByRoom } from '../../domain/analytics/byRoom';
import { datesBetween, daysTouched, rollupDay, type RollupDay } from '../../domain/analytics/rollup';
import type { AnalyticsRoom } from '../../domain/analytics/types';
import type { AnalyticsFacts, AnalyticsRollupStore } from '../../ports/analytics';
import type { BookingChangeListener } from '../../ports/bookingChanges';
import type { Clock } from '../../ports/clock';
import { widestWindow } from './index';

export interface RollupDeps {
  readonly facts: AnalyticsFacts;
  readonly store: AnalyticsRollupStore;
  readonly clock: Clock;
}

export interface AnalyticsRollup {
  /** The sync's listener: a booking that changed on a covered day has its days computed again. */
  readonly listener: BookingChangeListener;
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
const BATCH_DAYS = 31;

export function createAnalyticsRollup(deps: RollupDeps): AnalyticsRollup {
  /** Computes the given days of the given rooms from their bookings and saves them. */
  async function compute(
    rooms: readonly AnalyticsRoom[],
    from: string,
    to: string,
    only?: (roomId: string, day: string) => boolean,
  ): Promise<number> {
    let written = 0;
    const dates = datesBetween(from, to);
    for (let i = 0; i < dates.length; i += BATCH_DAYS) {
      const batch = dates.slice(i, i + BATCH_DAYS);
      const range = { from: batch[0] ?? from, to: batch[batch.length - 1] ?? to };
      const bookings = await deps.facts.bookings(
        rooms.map((r) => r.id),
        widestWindow(range),
      );
      const byRoom = bookingsByRoom(bookings);
      const days: RollupDay[] = [];
      for (const room of rooms)
        for (const day of batch)
          if (!only || only(room.id, day)) days.push(rollupDay(room, byRoom.get(room.id) ?? [], day));
      await deps.store.save(days);
      written += days.length;
    }
    return written;
  }

  async function recomputeDays(wanted: readonly { roomId: string; day: string }[]): Promise<void> {
    const coverage = await deps.store.coverage();
    if (!coverage || wanted.length === 0) return;
    const inside = wanted.filter((w) => w.day >= coverage.from && w.day <= coverage.to);
    if (inside.length === 0) return;
    const keys = new Set(inside.map((w) => `${w.roomId}|${w.day}`));
    const roomIds = [...new Set(inside.map((w) => w.roomId))];
    const rooms = (await deps.facts.rooms({})).filter((r) => roomIds.includes(r.id));
    const days = inside.map((w) => w.day).sort();
    await compute(rooms, days[0] ?? coverage.from, days[days.length - 1] ?? coverage.to, (roomId, day) =>
      keys.has(`${roomId}|${day}`),
    );
  }

  return {
    listener: {
      async bookingsChanged({ roomId, bookingIds }) {
        // Most changes are to meetings still to come, outside the coverage: one small read decides.
        const coverage = await deps.store.coverage();
        if (!coverage) return;
        const spans = await deps.store.bookingSpans(bookingIds);
        const [room] = (await deps.facts.rooms({ roomId })).filter((r) => r.id === roomId);
        const now = room
          ? spans.flatMap((s) => daysTouched(s, room.timeZone).map((day) => ({ roomId: s.roomId, day })))
          : [];
        const coveredNow = now.filter((w) => w.day <= coverage.to);
        const before = await deps.store.daysOfBookings(bookingIds);
        await recomputeDays([...before, ...coveredNow]);
      },
    },

    async backfill(options = {}) {
      const to = lastFinishedDay(deps.clock.now());
      const from = options.from ?? (await deps.store.firstBookingDay()) ?? to;
      const rooms = await deps.facts.rooms({});
      const days = from <= to ? await compute(rooms, from, to) : 0;
      if (from <= to) await deps.store.setCoverage({ from, to });
      return { days, from, to };
    },

    async extend() {
      const coverage = await deps.store.coverage();
      if (!coverage) return 0;
      const to = lastFinishedDay(deps.clock.now());
      if (to <= coverage.to) return 0;
      const from = DateTime.fromISO(coverage.to, { zone: 'utc' }).plus({ days: 1 }).toISODate() ?? to;
      const days = await compute(await deps.facts.rooms({}), from, to);
      await deps.store.setCoverage({ from: coverage.from, to });
      return days;
    },
  };
}
