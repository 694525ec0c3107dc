import type { BookingFact } from './types';

/** Bookings grouped by room, so per-room work never scans every room's bookings. */
export function bookingsByRoom(bookings: readonly BookingFact[]): Map<string, BookingFact[]> {
  const byRoom = new Map<string, BookingFact[]>();
  for (const b of bookings) {
    const list = byRoom.get(b.roomId);
    if (list) list.push(b);
    else byRoom.set(b.roomId, [b]);
  }
  return byRoom;
}
