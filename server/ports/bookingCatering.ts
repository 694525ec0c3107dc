/**
 * What the bookings service tells the catering orders about bookings made in Roomserve. A port
 * so that the bookings service does not depend on the orders service; wired in server/compose.
 */
export interface BookingCatering {
  /**
   * The organizer cancelled this booking in Roomserve, and Exchange took the cancellation. Unlike
   * a meeting that vanishes from a room's calendar (maybe a room swap, so the order follower waits
   * ORDERS_SETTLE_SECONDS), this is certain: its open orders are cancelled at once.
   */
  bookingCancelled(bookingId: string): Promise<void>;
}
