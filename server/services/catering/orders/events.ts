import type { LiveEvent } from '../../../domain/catering/follow';
import { orderTotals } from '../../../domain/catering/ordersTotals';
import type { MeetingBooking, OrderLineRecord, StoredOrder } from '../../../ports/orders';
import type { OrdersServiceDeps } from './types';

const isLive = (b: MeetingBooking): boolean => b.status === 'confirmed' || b.status === 'pending';

export const eventOf = (b: MeetingBooking): LiveEvent => ({
  kind: 'live',
  start: b.start,
  end: b.end,
  roomId: b.roomId,
  buildingId: b.buildingId,
  timeZone: b.timeZone,
  attendeeCount: b.attendeeCount,
});

/**
 * The meeting's live booking now: the order's own booking while it is live, otherwise another
 * live booking of the same meeting occurrence (a room swap creates one in the new room),
 * preferring the order's room.
 */
export async function liveEventOf(
  deps: Pick<OrdersServiceDeps, 'bookings'>,
  order: StoredOrder,
): Promise<{ booking: MeetingBooking; event: LiveEvent } | undefined> {
  const own = order.bookingId === null ? undefined : await deps.bookings.byId(order.bookingId);
  if (own && isLive(own)) return { booking: own, event: eventOf(own) };
  const { meeting } = order;
  if (meeting.cleanGlobalObjectId === null && meeting.uid === null) return undefined;
  const others = (await deps.bookings.liveOfMeeting(meeting)).sort(
    (a, b) => Number(b.roomId === order.roomId) - Number(a.roomId === order.roomId),
  );
  const [found] = others;
  return found ? { booking: found, event: eventOf(found) } : undefined;
}

/** Lines re-priced for a new headcount at the prices agreed when ordering. */
export function repriced(
  lines: readonly OrderLineRecord[],
  currency: string,
  headcount: number,
): { lines: OrderLineRecord[]; totalMinor: number } | undefined {
  const totals = orderTotals(
    lines.map((l) => ({ unit: l.unit, unitPriceMinor: l.unitPriceMinor, quantity: l.quantity, currency })),
    headcount,
  );
  if (!totals.ok) return undefined;
  return {
    lines: lines.map((l, i) => ({ ...l, totalMinor: totals.lineTotals[i] ?? 0 })),
    totalMinor: totals.totalMinor,
  };
}
