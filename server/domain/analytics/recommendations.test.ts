import { describe, expect, it } from '@jest/globals';
import { cateringFigures, type OrderFact } from './catering';
import { figuresOf } from './figures';
import type { HeatCell } from './heatmap';
import { DEFAULT_THRESHOLDS, recommendations } from './recommendations';
import type { RoomReport } from './report';
import { EMPTY_TOTALS, type Totals } from './roomTotals';
import type { AnalyticsRoom } from './types';

const ROOM: AnalyticsRoom = {
  id: 'r1',
  name: 'Lighthouse',
  capacity: 12,
  floorId: 'f3',
  floorName: 'Floor 3',
  buildingId: 'b1',
  buildingName: 'Main',
  timeZone: 'Europe/Berlin',
  openingHours: {},
  activeFrom: 0,
  activeUntil: null,
  checkInRequired: true,
};

function report(totals: Partial<Totals>, room: AnalyticsRoom = ROOM): RoomReport {
  const all = { ...EMPTY_TOTALS, ...totals };
  return { room, totals: all, figures: figuresOf(all) };
}

const HOUR = 3_600_000;
const busyEnough = { openMs: 100 * HOUR, bookedMs: 50 * HOUR, checkInOpenMs: 100 * HOUR, checkedInMs: 40 * HOUR };

describe('recommendations', () => {
  it('a big room hosting few people: 8 of 10 meetings under half its 12 seats', () => {
    const sentences = recommendations(
      [report({ ...busyEnough, bookings: 10, sized: 10, underHalfCapacity: 8 })],
      [],
      DEFAULT_THRESHOLDS,
    );
    expect(sentences).toEqual([
      expect.objectContaining({
        kind: 'too-big',
        text: 'Lighthouse (12 seats) hosts 5 people or fewer in 80% of its meetings.',
        figure: 0.8,
      }),
    ]);
  });

  it('no-shows: 31 of 100 bookings that needed a check-in were released', () => {
    const sentences = recommendations(
      [report({ ...busyEnough, bookings: 100, neededCheckIn: 100, released: 31 })],
      [],
      DEFAULT_THRESHOLDS,
    );
    expect(sentences.map((s) => s.text)).toEqual(['Lighthouse: 31% of bookings are released as no-shows.']);
    expect(sentences[0]?.figure).toBe(0.31);
  });

  it('says nothing below the thresholds or with too few bookings', () => {
    expect(
      recommendations(
        [report({ ...busyEnough, bookings: 9, sized: 9, underHalfCapacity: 9, neededCheckIn: 9, released: 9 })],
        [],
        DEFAULT_THRESHOLDS,
      ),
    ).toEqual([]);
    expect(
      recommendations(
        [report({ ...busyEnough, bookings: 10, sized: 10, underHalfCapacity: 5 })],
        [],
        DEFAULT_THRESHOLDS,
      ),
    ).toEqual([]);
  });

  it('thresholds are settings: a stricter no-show threshold stays silent', () => {
    const totals = { ...busyEnough, bookings: 100, neededCheckIn: 100, released: 31 };
    expect(recommendations([report(totals)], [], { ...DEFAULT_THRESHOLDS, noShowRate: 0.5 })).toEqual([]);
  });

  it('underused and ghost bookings', () => {
    const texts = recommendations(
      [
        report({ openMs: 100 * HOUR, bookedMs: 6 * HOUR }),
        report(
          { openMs: 100 * HOUR, bookedMs: 70 * HOUR, checkInOpenMs: 100 * HOUR, checkedInMs: 30 * HOUR },
          { ...ROOM, name: 'Dune' },
        ),
      ],
      [],
      DEFAULT_THRESHOLDS,
    ).map((s) => s.text);
    expect(texts).toEqual([
      'Lighthouse is booked for only 6% of its opening hours.',
      'Dune is booked for 70% of its opening hours but used for 30%.',
    ]);
  });

  it('a floor’s peak: Tuesday 10:00–12:00 over 85% booked, one sentence for the run', () => {
    const cells: HeatCell[] = [];
    for (let weekday = 0; weekday < 7; weekday += 1)
      for (let hour = 0; hour < 24; hour += 1) {
        const hot = weekday === 1 && (hour === 10 || hour === 11);
        const booked = hot ? (hour === 10 ? 540 : 560) : 100;
        cells.push({ weekday, hour, openMinutes: 600, bookedMinutes: booked, bookedShare: booked / 600 });
      }
    const sentences = recommendations([], [{ floorId: 'f3', name: 'Floor 3', cells }], DEFAULT_THRESHOLDS);
    expect(sentences).toEqual([
      expect.objectContaining({ kind: 'peak', text: 'Floor 3 is 92% booked between 10:00 and 12:00 on Tuesdays.' }),
    ]);
    expect(sentences[0]?.figure).toBeCloseTo(1100 / 1200, 10);
  });
});

describe('catering figures', () => {
  const order = (o: Partial<OrderFact>): OrderFact => ({
    roomId: 'r1',
    eventStart: 0,
    providerId: 'p1',
    providerName: 'Canteen',
    buildingId: 'b1',
    buildingName: 'Main',
    status: 'delivered',
    flagged: false,
    currency: 'EUR',
    totalMinor: 1000,
    ...o,
  });

  it('counts orders, cancellations and flags; spend leaves out what was never delivered', () => {
    const figures = cateringFigures([
      order({}),
      order({ status: 'accepted', totalMinor: 2500, flagged: true }),
      order({ status: 'cancelled-by-event', totalMinor: 9999 }),
      order({ status: 'cancelled', totalMinor: 9999 }),
      order({ providerId: 'p2', providerName: 'Bakery', buildingId: 'b2', buildingName: 'Annex', totalMinor: 400 }),
    ]);
    expect(figures).toMatchObject({ orders: 5, cancelled: 1, cancelledByEvent: 1, flagged: 1 });
    expect(figures.spendByProvider.map((l) => [l.name, l.orders, l.totalMinor])).toEqual([
      ['Canteen', 2, 3500],
      ['Bakery', 1, 400],
    ]);
    expect(figures.spendByBuilding.map((l) => [l.name, l.totalMinor])).toEqual([
      ['Main', 3500],
      ['Annex', 400],
    ]);
  });
});
