// @timezone-sensitive: every figure is counted in the building's own zone, never the process zone.
import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { OpeningHours } from '../../../shared/schemas/locations';
import { figuresOf } from './figures';
import { heatmap } from './heatmap';
import { analyticsReport, rawTotals } from './report';
import { roomTotals } from './roomTotals';
import { weeksOf } from './trend';
import type { AnalyticsRoom, BookingFact } from './types';

const BERLIN = 'Europe/Berlin';
const at = (local: string, zone = BERLIN): number => DateTime.fromISO(local, { zone }).toMillis();
const WEEKDAYS_8_18: OpeningHours = {
  mon: [{ open: '08:00', close: '18:00' }],
  tue: [{ open: '08:00', close: '18:00' }],
  wed: [{ open: '08:00', close: '18:00' }],
  thu: [{ open: '08:00', close: '18:00' }],
  fri: [{ open: '08:00', close: '18:00' }],
};
const EVERY_DAY_8_18: OpeningHours = {
  ...WEEKDAYS_8_18,
  sat: [{ open: '08:00', close: '18:00' }],
  sun: [{ open: '08:00', close: '18:00' }],
};

function room(overrides: Partial<AnalyticsRoom> = {}): AnalyticsRoom {
  return {
    id: 'r1',
    name: 'Harbour',
    capacity: 8,
    floorId: 'f1',
    floorName: 'Floor 1',
    buildingId: 'b1',
    buildingName: 'Main',
    timeZone: BERLIN,
    openingHours: WEEKDAYS_8_18,
    activeFrom: 0,
    activeUntil: null,
    checkInRequired: true,
    ...overrides,
  };
}

let next = 0;
function booking(start: string, end: string, overrides: Partial<BookingFact> = {}, zone = BERLIN): BookingFact {
  next += 1;
  return {
    id: `b${next}`,
    roomId: 'r1',
    start: at(start, zone),
    end: at(end, zone),
    status: 'confirmed',
    source: 'exchange',
    createdAt: at(start, zone) - 60 * 60_000,
    attendeeCount: 0,
    recurring: false,
    checkedInAt: null,
    endedEarlyAt: null,
    releasedAt: null,
    ...overrides,
  };
}

/** A week in June 2026 (CEST), Mon 1 to Sun 7; the room is open Mon–Fri 08–18: 50 hours. */
const JUNE_WEEK = { from: '2026-06-01', to: '2026-06-07' };
const juneBookings = (): BookingFact[] => [
  // Starts before opening: 08:00–09:00 counts. Checked in at 07:05: used 08:00–09:00.
  booking('2026-06-01T07:00', '2026-06-01T09:00', {
    attendeeCount: 2,
    createdAt: at('2026-06-01T06:30'),
    checkedInAt: at('2026-06-01T07:05'),
  }),
  // Crosses midnight: 17:30–18:00 Monday and 08:00–08:30 Tuesday count. Used from 17:35.
  booking('2026-06-01T17:30', '2026-06-02T08:30', {
    attendeeCount: 4,
    recurring: true,
    createdAt: at('2026-05-30T17:30'),
    checkedInAt: at('2026-06-01T17:35'),
  }),
  // Nobody came: released at 10:10, the room declined it, so it is cancelled now.
  booking('2026-06-03T10:00', '2026-06-03T12:00', {
    status: 'cancelled',
    createdAt: at('2026-05-24T10:00'),
    releasedAt: at('2026-06-03T10:10'),
  }),
  // Booked at the display inside the released meeting's slot (overlap counted once); ended at 10:45.
  booking('2026-06-03T10:15', '2026-06-03T11:00', {
    source: 'display',
    attendeeCount: 1,
    createdAt: at('2026-06-03T10:15'),
    endedEarlyAt: at('2026-06-03T10:45'),
  }),
  // Cancelled beforehand and declined: facts, but they never held the room.
  booking('2026-06-04T09:00', '2026-06-04T10:00', { status: 'cancelled', attendeeCount: 3 }),
  booking('2026-06-05T12:00', '2026-06-05T13:00', { status: 'declined', attendeeCount: 3 }),
  // On a closed Saturday: a booking, but no booked opening hours.
  booking('2026-06-06T10:00', '2026-06-06T11:00', {
    attendeeCount: 10,
    recurring: true,
    createdAt: at('2026-04-27T10:00'),
  }),
];

describe('room figures worked out by hand', () => {
  const figures = figuresOf(roomTotals(room(), juneBookings(), JUNE_WEEK));

  it('booked utilisation: 1 h + 0.5 h + 0.5 h + 2 h of 50 open hours', () => {
    expect(figures.openHours).toBe(50);
    expect(figures.bookedHours).toBe(4);
    expect(figures.bookedUtilisation).toBeCloseTo(4 / 50, 10);
  });

  it('checked-in utilisation: 60 + 55 + 30 minutes of 3000 open minutes', () => {
    expect(figures.checkedInUtilisation).toBeCloseTo(145 / 3000, 10);
  });

  it('no-show rate: one released of the four bookings that needed a check-in (the display booking did not)', () => {
    expect(figures.noShowRate).toBe(0.25);
  });

  it('released hours: from the release at 10:10 to the booked end at 12:00', () => {
    expect(figures.releasedHours).toBeCloseTo(110 / 60, 10);
  });

  it('bookings: five held the room, 120, 900, 120, 45 and 60 minutes; two from series', () => {
    expect(figures.bookings).toBe(5);
    expect(figures.averageMinutes).toBe(249);
    expect(figures.medianMinutes).toBe(120);
    expect(figures.recurringShare).toBe(0.4);
  });

  it('size against 8 seats: of four sized meetings (2, 4, 1, 10 people) two under half, one over', () => {
    expect(figures.underHalfCapacityShare).toBe(0.5);
    expect(figures.overCapacityShare).toBe(0.25);
  });

  it('a room without check-in has no checked-in utilisation and no no-show rate', () => {
    const plain = figuresOf(roomTotals(room({ checkInRequired: false }), juneBookings(), JUNE_WEEK));
    expect(plain.checkedInUtilisation).toBeNull();
    expect(plain.noShowRate).toBeNull();
    expect(plain.bookedUtilisation).toBeCloseTo(4 / 50, 10);
  });
});

describe('the building clock', () => {
  const alwaysOpen = room({ openingHours: {} });

  it('the spring DST day has 23 hours; 00:30–04:30 local is 3 real hours', () => {
    const f = figuresOf(
      roomTotals(alwaysOpen, [booking('2026-03-29T00:30', '2026-03-29T04:30')], {
        from: '2026-03-29',
        to: '2026-03-29',
      }),
    );
    expect(f.openHours).toBe(23);
    expect(f.bookedHours).toBe(3);
  });

  it('the autumn DST day has 25 hours; 01:00–04:00 local is 4 real hours', () => {
    const f = figuresOf(
      roomTotals(alwaysOpen, [booking('2026-10-25T01:00', '2026-10-25T04:00')], {
        from: '2026-10-25',
        to: '2026-10-25',
      }),
    );
    expect(f.openHours).toBe(25);
    expect(f.bookedUtilisation).toBeCloseTo(4 / 25, 10);
  });

  it('opening hours stay 10 wall-clock hours a day across the DST change, edges clipped', () => {
    const f = figuresOf(
      roomTotals(room({ openingHours: EVERY_DAY_8_18 }), [booking('2026-03-29T07:00', '2026-03-29T09:00')], {
        from: '2026-03-28',
        to: '2026-03-30',
      }),
    );
    expect(f.openHours).toBe(30);
    expect(f.bookedHours).toBe(1);
  });

  it('the same dates are read in each building’s own zone', () => {
    const newYork = room({ timeZone: 'America/New_York' });
    const f = figuresOf(
      roomTotals(newYork, [booking('2026-06-01T17:00', '2026-06-01T19:00', {}, 'America/New_York')], {
        from: '2026-06-01',
        to: '2026-06-01',
      }),
    );
    expect(f.openHours).toBe(10);
    expect(f.bookedHours).toBe(1);
  });

  it('a day with a lunch closing: 11:00–14:00 books 2 of 8 open hours', () => {
    const lunch = room({
      openingHours: {
        mon: [
          { open: '08:00', close: '12:00' },
          { open: '13:00', close: '17:00' },
        ],
      },
    });
    const f = figuresOf(
      roomTotals(lunch, [booking('2026-06-01T11:00', '2026-06-01T14:00')], { from: '2026-06-01', to: '2026-06-01' }),
    );
    expect(f.openHours).toBe(8);
    expect(f.bookedUtilisation).toBe(0.25);
  });
});

describe('rooms added or deactivated within the range', () => {
  // Added Wednesday 13:00, deactivated Friday 10:00: Wed 5 h + Thu 10 h + Fri 2 h open.
  const shortLived = room({ id: 'r2', activeFrom: at('2026-06-03T13:00'), activeUntil: at('2026-06-05T10:00') });
  const bookings = [
    booking('2026-06-02T09:00', '2026-06-02T10:00', { roomId: 'r2' }),
    booking('2026-06-05T09:00', '2026-06-05T11:00', { roomId: 'r2' }),
  ];

  it('counts opening hours and bookings only while the room existed', () => {
    const f = figuresOf(roomTotals(shortLived, bookings, JUNE_WEEK));
    expect(f.openHours).toBe(17);
    expect(f.bookedHours).toBe(1);
    expect(f.bookings).toBe(1);
  });

  it('a floor weighs its rooms by their open hours: (4 + 1) booked of (50 + 17)', () => {
    const report = analyticsReport([room(), shortLived], rawTotals([...juneBookings(), ...bookings]), JUNE_WEEK);
    expect(report.floors).toHaveLength(1);
    expect(report.floors[0]?.figures.bookedUtilisation).toBeCloseTo(5 / 67, 10);
    expect(report.busiest.map((r) => r.room.id)).toEqual(['r1', 'r2']);
    expect(report.leastUsed.map((r) => r.room.id)).toEqual(['r2', 'r1']);
  });
});

describe('lead time', () => {
  it('puts each booking in its bucket: 30 min, 2 days, 10 days, 0 min, 40 days', () => {
    const report = analyticsReport([room()], rawTotals(juneBookings()), JUNE_WEEK);
    expect(report.leadTime.buckets.map((b) => [b.key, b.bookings])).toEqual([
      ['under-1h', 2],
      ['1h-1d', 0],
      ['1d-7d', 1],
      ['7d-30d', 1],
      ['over-30d', 1],
    ]);
    expect(report.leadTime.medianHours).toBe(48);
  });
});

describe('heat map', () => {
  it('the repeated hour of the autumn DST night counts twice as long', () => {
    const cells = heatmap([room({ openingHours: {} })], [booking('2026-10-25T01:00', '2026-10-25T04:00')], {
      from: '2026-10-25',
      to: '2026-10-25',
    });
    const sunday = (hour: number) => cells.find((c) => c.weekday === 6 && c.hour === hour);
    expect(sunday(1)).toMatchObject({ openMinutes: 60, bookedMinutes: 60 });
    expect(sunday(2)).toMatchObject({ openMinutes: 120, bookedMinutes: 120, bookedShare: 1 });
    expect(sunday(4)).toMatchObject({ openMinutes: 60, bookedMinutes: 0, bookedShare: 0 });
    expect(cells.find((c) => c.weekday === 0)?.bookedShare).toBeNull();
  });

  it('spreads a meeting over the hours it covers, within opening hours only', () => {
    const cells = heatmap([room()], juneBookings(), JUNE_WEEK);
    const cell = (weekday: number, hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour);
    expect(cell(0, 7)?.openMinutes).toBe(0);
    expect(cell(0, 8)).toMatchObject({ openMinutes: 60, bookedMinutes: 60 });
    expect(cell(0, 17)).toMatchObject({ openMinutes: 60, bookedMinutes: 30 });
    expect(cell(2, 11)).toMatchObject({ bookedMinutes: 60 });
  });
});

describe('trend', () => {
  it('cuts the range into Monday-to-Sunday weeks, the first and last partial', () => {
    expect(weeksOf({ from: '2026-06-03', to: '2026-06-16' })).toEqual([
      { from: '2026-06-03', to: '2026-06-07' },
      { from: '2026-06-08', to: '2026-06-14' },
      { from: '2026-06-15', to: '2026-06-16' },
    ]);
  });

  it('gives each week its own utilisation', () => {
    const report = analyticsReport([room()], rawTotals(juneBookings()), { from: '2026-06-01', to: '2026-06-14' });
    expect(report.trend.map((w) => [w.weekStart, w.bookings, w.bookedUtilisation])).toEqual([
      ['2026-06-01', 5, 4 / 50],
      ['2026-06-08', 0, 0],
    ]);
  });
});
