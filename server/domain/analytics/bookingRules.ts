import type { Interval } from '../availability/interval';
import type { BookingFact } from './types';

/**
 * A booking that held its room: confirmed, or given up after it began (released as a no-show, or
 * ended early at the display). Cancelled before, declined and pending bookings never held it.
 */
export function heldTheRoom(b: BookingFact): boolean {
  if (b.status === 'confirmed') return true;
  return b.status === 'cancelled' && (b.releasedAt !== null || b.endedEarlyAt !== null);
}

export const bookedSpan = (b: BookingFact): Interval => ({ start: b.start, end: b.end });

/**
 * When the room was really in use: from the check-in (the booked start when checked in early)
 * to the end or the end-early. Bookings made at the display need no check-in: whoever booked
 * them was at the door, so they count from their start.
 */
export function occupiedSpan(b: BookingFact): Interval | undefined {
  const arrived = b.source === 'display' ? b.start : b.checkedInAt;
  if (arrived === null || b.releasedAt !== null) return undefined;
  const start = Math.max(arrived, b.start);
  const end = Math.min(b.end, b.endedEarlyAt ?? b.end);
  return end > start ? { start, end } : undefined;
}

/** The part of a released booking given back to others: from the release to its booked end. */
export function releasedSpan(b: BookingFact): Interval | undefined {
  if (b.releasedAt === null) return undefined;
  const start = Math.max(b.releasedAt, b.start);
  return b.end > start ? { start, end: b.end } : undefined;
}

/** Whether the booking had to be checked in to: in a room that requires it, and not booked at the display. */
export const neededCheckIn = (b: BookingFact, roomRequiresCheckIn: boolean): boolean =>
  roomRequiresCheckIn && b.source !== 'display';
