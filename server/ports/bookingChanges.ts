/**
 * Who wants to know when the Exchange sync changed bookings: catering orders follow their
 * meetings, pending Roomserve bookings learn the booking attendant's answer.
 *
 * Called after the sync committed the changes of one room, with the ids of every booking it
 * created, updated or cancelled. Delivery is at least once and may repeat, and a crash between
 * the commit and the call loses the call: listeners must be idempotent and keep a periodic sweep
 * of their own for what they might have missed.
 */
export interface BookingChangeListener {
  bookingsChanged(change: { readonly roomId: string; readonly bookingIds: readonly string[] }): Promise<void>;
}
