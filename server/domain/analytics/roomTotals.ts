import type { Interval } from '../availability/interval';
import { bookedSpan, heldTheRoom, neededCheckIn, occupiedSpan, releasedSpan } from './bookingRules';
import { activeWindow, coveredWithin, measure, openStretches } from './intervals';
import { EMPTY_TALLY, joinTallies, tallyOf, type Tally } from './tally';
import type { AnalyticsRoom, BookingFact, DateRange } from './types';

/**
 * The sums every figure is a ratio of. Sums, not ratios, so a floor or building adds its rooms'
 * totals and divides once (a big room's hours weigh more than a small room's).
 */
export interface Totals {
  readonly openMs: number;
  readonly bookedMs: number;
  /** Opening time of rooms that require check-in: the checked-in utilisation's denominator. */
  readonly checkInOpenMs: number;
  readonly checkedInMs: number;
  readonly releasedMs: number;
  readonly bookings: number;
  readonly recurring: number;
  /** Booked length of each booking, in minutes (for the average and median). */
  readonly lengths: Tally;
  readonly neededCheckIn: number;
  readonly released: number;
  /** Bookings whose size is known (attendee count > 0). */
  readonly sized: number;
  readonly underHalfCapacity: number;
  readonly overCapacity: number;
  /** Minutes from when Roomserve knew each booking to its start. */
  readonly leadMinutes: Tally;
}

export const EMPTY_TOTALS: Totals = {
  openMs: 0,
  bookedMs: 0,
  checkInOpenMs: 0,
  checkedInMs: 0,
  releasedMs: 0,
  bookings: 0,
  recurring: 0,
  lengths: EMPTY_TALLY,
  neededCheckIn: 0,
  released: 0,
  sized: 0,
  underHalfCapacity: 0,
  overCapacity: 0,
  leadMinutes: EMPTY_TALLY,
};

const MINUTE = 60_000;
const spansOf = (bookings: readonly BookingFact[], span: (b: BookingFact) => Interval | undefined): Interval[] =>
  bookings.flatMap((b) => span(b) ?? []);

/** A booking belongs to the range (for counts) when it starts inside the room's active window. */
function countedBookings(room: AnalyticsRoom, bookings: readonly BookingFact[], range: DateRange): BookingFact[] {
  const window = activeWindow(room, range);
  if (!window) return [];
  return bookings.filter((b) => b.roomId === room.id && b.start >= window.start && b.start < window.end);
}

/** One room's totals for the range; `bookings` may hold other rooms' bookings too. */
export function roomTotals(room: AnalyticsRoom, bookings: readonly BookingFact[], range: DateRange): Totals {
  const open = openStretches(room, range);
  const held = bookings.filter((b) => b.roomId === room.id && heldTheRoom(b));
  const counted = countedBookings(room, held, range);
  const sized = counted.filter((b) => b.attendeeCount > 0);
  const openMs = measure(open);
  return {
    openMs,
    bookedMs: measure(coveredWithin(spansOf(held, bookedSpan), open)),
    checkInOpenMs: room.checkInRequired ? openMs : 0,
    checkedInMs: room.checkInRequired ? measure(coveredWithin(spansOf(held, occupiedSpan), open)) : 0,
    releasedMs: measure(coveredWithin(spansOf(held, releasedSpan), open)),
    bookings: counted.length,
    recurring: counted.filter((b) => b.recurring).length,
    lengths: tallyOf(counted.map((b) => (b.end - b.start) / MINUTE)),
    neededCheckIn: counted.filter((b) => neededCheckIn(b, room.checkInRequired)).length,
    released: counted.filter((b) => neededCheckIn(b, room.checkInRequired) && b.releasedAt !== null).length,
    sized: sized.length,
    underHalfCapacity: sized.filter((b) => b.attendeeCount * 2 < room.capacity).length,
    overCapacity: sized.filter((b) => b.attendeeCount > room.capacity).length,
    leadMinutes: tallyOf(counted.map((b) => (b.start - b.createdAt) / MINUTE)),
  };
}

export function addTotals(a: Totals, b: Totals): Totals {
  return {
    openMs: a.openMs + b.openMs,
    bookedMs: a.bookedMs + b.bookedMs,
    checkInOpenMs: a.checkInOpenMs + b.checkInOpenMs,
    checkedInMs: a.checkedInMs + b.checkedInMs,
    releasedMs: a.releasedMs + b.releasedMs,
    bookings: a.bookings + b.bookings,
    recurring: a.recurring + b.recurring,
    lengths: joinTallies([a.lengths, b.lengths]),
    neededCheckIn: a.neededCheckIn + b.neededCheckIn,
    released: a.released + b.released,
    sized: a.sized + b.sized,
    underHalfCapacity: a.underHalfCapacity + b.underHalfCapacity,
    overCapacity: a.overCapacity + b.overCapacity,
    leadMinutes: joinTallies([a.leadMinutes, b.leadMinutes]),
  };
}

/** The sum of many totals in one pass. */
export function sumTotals(all: readonly Totals[]): Totals {
  const sum = { ...EMPTY_TOTALS };
  const counters = [
    'openMs',
    'bookedMs',
    'checkInOpenMs',
    'checkedInMs',
    'releasedMs',
    'bookings',
    'recurring',
    'neededCheckIn',
    'released',
    'sized',
    'underHalfCapacity',
    'overCapacity',
  ] as const;
  for (const t of all) for (const key of counters) sum[key] += t[key];
  return {
    ...sum,
    lengths: joinTallies(all.map((t) => t.lengths)),
    leadMinutes: joinTallies(all.map((t) => t.leadMinutes)),
  };
}
