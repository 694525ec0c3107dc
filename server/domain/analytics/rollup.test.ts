// @timezone-sensitive: the rollup's days are the building's local days, never the process zone's.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { OpeningHours } from '../../../shared/schemas/locations';
import { figuresOf } from './figures';
import { heatmap, heatOfHours } from './heatmap';
import {
  datesBetween,
  hoursOfDays,
  mondayOf,
  plusDays,
  rangeOfDays,
  rollupCountersSource,
  rollupDay,
  rollupTotalsSource,
  totalsFromRollup,
  weekSpans,
  wholeWeeksOf,
} from './rollup';
import { weeksOf } from './trend';
import { roomTotals } from './roomTotals';
import type { AnalyticsRoom, BookingFact } from './types';

const HOURS: OpeningHours = {
  mon: [
    { open: '07:00', close: '12:00' },
    { open: '13:00', close: '19:00' },
  ],
  tue: [{ open: '08:00', close: '18:00' }],
  wed: [{ open: '08:00', close: '18:00' }],
  thu: [{ open: '00:00', close: '23:59' }],
  fri: [{ open: '08:00', close: '16:00' }],
  sun: [{ open: '01:00', close: '05:00' }],
};
const START = Date.parse('2026-03-23T00:00:00Z');
const SPAN = 14 * 86_400_000;
const MIN = 60_000;

const bookingArb = (roomIds: readonly string[]) =>
  fc.record({
    roomId: fc.constantFrom(...roomIds),
    startMin: fc.integer({ min: -2 * 1440, max: SPAN / MIN + 1440 }),
    lengthMin: fc.integer({ min: 5, max: 26 * 60 }),
    status: fc.constantFrom('confirmed', 'confirmed', 'cancelled', 'declined', 'pending'),
    source: fc.constantFrom('exchange', 'app', 'display'),
    leadMin: fc.integer({ min: -30, max: 60 * 1440 }),
    attendeeCount: fc.integer({ min: 0, max: 20 }),
    recurring: fc.boolean(),
    checkInMin: fc.option(fc.integer({ min: -10, max: 120 })),
    endedMin: fc.option(fc.integer({ min: 1, max: 200 })),
    releasedMin: fc.option(fc.integer({ min: 5, max: 60 })),
  });

describe('the daily rollup', () => {
  it('adds up to the figures computed from the raw bookings, for any history and range (DST included)', () => {
    const rooms: AnalyticsRoom[] = [
      {
        id: 'a',
        name: 'A',
        capacity: 6,
        floorId: 'f',
        floorName: 'F',
        buildingId: 'b',
        buildingName: 'B',
        timeZone: 'Europe/Berlin',
        openingHours: HOURS,
        activeFrom: START + 3 * 86_400_000 + 5 * 3_600_000,
        activeUntil: null,
        checkInRequired: true,
      },
      {
        id: 'b',
        name: 'B',
        capacity: 10,
        floorId: 'f',
        floorName: 'F',
        buildingId: 'c',
        buildingName: 'C',
        timeZone: 'America/New_York',
        openingHours: {},
        activeFrom: 0,
        activeUntil: START + 10 * 86_400_000,
        checkInRequired: false,
      },
    ];
    fc.assert(
      fc.property(
        fc.array(bookingArb(['a', 'b']), { maxLength: 40 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 13 }),
        (drawn, x, y) => {
          const bookings: BookingFact[] = drawn.map((d, i) => {
            const start = START + d.startMin * MIN;
            return {
              id: `b${i}`,
              roomId: d.roomId,
              start,
              end: start + d.lengthMin * MIN,
              status: d.status,
              source: d.source,
              createdAt: start - d.leadMin * MIN,
              attendeeCount: d.attendeeCount,
              recurring: d.recurring,
              checkedInAt: d.checkInMin === null ? null : start + d.checkInMin * MIN,
              endedEarlyAt: d.endedMin === null ? null : start + d.endedMin * MIN,
              releasedAt: d.releasedMin === null ? null : start + d.releasedMin * MIN,
            };
          });
          const dates = datesBetween('2026-03-23', '2026-04-05');
          const range = { from: dates[Math.min(x, y)] ?? '', to: dates[Math.max(x, y)] ?? '' };
          const everyDay = rooms.flatMap((room) =>
            datesBetween(range.from, range.to).map((day) => rollupDay(room, bookings, day)),
          );
          // The heat map from the hour cells the store reads (whole weeks, cut weeks from the days).
          const hours = hoursOfDays(everyDay, range).map((h) => h.hours);
          expect(heatOfHours(hours)).toEqual(heatmap(rooms, bookings, range));
          for (const room of rooms) {
            const days = everyDay.filter((d) => d.roomId === room.id);
            const fromRollup = figuresOf(totalsFromRollup(room, days));
            const raw = figuresOf(roomTotals(room, bookings, range));
            expect(fromRollup).toEqual(raw);
            // The weekly sums the store reads: the range and each of its weeks as the raw figures.
            const weekly = rollupTotalsSource(weekSpans(days, range), [], range);
            expect(figuresOf(weekly(room, range))).toEqual(raw);
            for (const week of weeksOf(range))
              expect(figuresOf(weekly(room, week))).toEqual(figuresOf(roomTotals(room, bookings, week)));
            // The store's read: each room's whole weeks as one span, the cut weeks apart, and the
            // weeks' counters for the trend.
            const read = rangeOfDays(days, range);
            expect(figuresOf(rollupTotalsSource(read.spans, [], range)(room, range))).toEqual(raw);
            const counters = rollupCountersSource(read.weeks, [], range);
            for (const week of weeksOf(range)) {
              const t = roomTotals(room, bookings, week);
              expect(counters(room, week)).toEqual({
                openMs: t.openMs,
                bookedMs: t.bookedMs,
                checkInOpenMs: t.checkInOpenMs,
                checkedInMs: t.checkedInMs,
                bookings: t.bookings,
              });
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('finds the Monday of any date', () => {
    expect(mondayOf('2026-03-23')).toBe('2026-03-23');
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });

  it('adds and takes days across months and years', () => {
    expect(plusDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(plusDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(plusDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('cuts a range into its whole Monday-to-Sunday weeks and the cut weeks at its edges', () => {
    // 2026-03-25 is a Wednesday, 2026-04-14 a Tuesday.
    expect(wholeWeeksOf({ from: '2026-03-25', to: '2026-04-14' })).toEqual({
      whole: { from: '2026-03-30', to: '2026-04-12' },
      edges: [
        { from: '2026-03-25', to: '2026-03-29' },
        { from: '2026-04-13', to: '2026-04-14' },
      ],
    });
    expect(wholeWeeksOf({ from: '2026-03-23', to: '2026-03-29' })).toEqual({
      whole: { from: '2026-03-23', to: '2026-03-29' },
      edges: [],
    });
    // Sunday to Monday: two cut weeks, no whole one.
    expect(wholeWeeksOf({ from: '2026-03-29', to: '2026-03-30' })).toEqual({
      whole: undefined,
      edges: [{ from: '2026-03-29', to: '2026-03-30' }],
    });
    expect(wholeWeeksOf({ from: '2026-03-25', to: '2026-03-25' })).toEqual({
      whole: undefined,
      edges: [{ from: '2026-03-25', to: '2026-03-25' }],
    });
  });
});
