import type { z } from 'zod';
import type { Order, orderInputSchema } from '../../../../shared/schemas/orders';
import { isFacilityOrAdmin, type Actor } from '../../../domain/actor';
import { changeCutoffAt, deliveryAt, deliveryProblems } from '../../../domain/catering/ordersTiming';
import { orderTotals } from '../../../domain/catering/ordersTotals';
import { forbidden, notFound, unprocessable } from '../../../domain/errors';
import type { MeetingBooking, OrderFields, OrderLineRecord, OrderableItem } from '../../../ports/orders';
import { commitChange, type ChangeAuthor } from './commit';
import { meetingOfItem, targetOfItem, type ItemTarget } from './itemTarget';
import { presentOrder } from './present';
import { itemRules, loadOrderable, providerRules, type OrderCatalogRules } from './rules';
import type { OrderChangeBus, OrdersServiceDeps } from './types';

export type OrderInput = z.output<typeof orderInputSchema>;
type Target = OrderInput['target'];

const isLive = (b: MeetingBooking): boolean => b.status === 'confirmed' || b.status === 'pending';
const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Priced lines and the total, exactly, or a 422 saying why not. */
export function pricedLines(
  lines: readonly { itemId: string; quantity: number }[],
  items: readonly OrderableItem[],
  headcount: number,
): { lines: OrderLineRecord[]; totalMinor: number; currency: string } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const priced = lines.map((l) => {
    const item = byId.get(l.itemId);
    if (!item) throw unprocessable(`Unknown item ${l.itemId}`, { field: 'lines' });
    return { item, quantity: l.quantity };
  });
  const totals = orderTotals(
    priced.map((p) => ({
      unit: p.item.unit,
      unitPriceMinor: p.item.priceMinor,
      quantity: p.quantity,
      currency: p.item.currency,
    })),
    headcount,
  );
  if (!totals.ok)
    throw unprocessable(
      totals.problem === 'mixed-currencies'
        ? 'All items of one order must be in one currency'
        : 'The order total is too large',
      { field: 'lines', problem: totals.problem },
    );
  return {
    lines: priced.map((p, i) => ({
      itemId: p.item.id,
      name: p.item.name,
      unit: p.item.unit,
      quantity: p.quantity,
      unitPriceMinor: p.item.priceMinor,
      totalMinor: totals.lineTotals[i] ?? 0,
    })),
    totalMinor: totals.totalMinor,
    currency: totals.currency,
  };
}

/**
 * `mailbox`: where an Outlook item target is looked up — the orderer's own mailbox. Only an Outlook
 * item can name a meeting that no room has yet (saved, not sent): its order waits for it.
 */
async function targetBooking(deps: OrdersServiceDeps, target: Target, mailbox: string): Promise<ItemTarget> {
  if ('bookingId' in target) {
    const booking = await deps.bookings.byId(target.bookingId);
    if (!booking) throw notFound('Booking', target.bookingId);
    return { booking, awaiting: false };
  }
  if ('itemId' in target) return targetOfItem(deps, await meetingOfItem(deps, mailbox, target.itemId), target.roomId);
  const originalStart = target.meeting.originalStart ? Date.parse(target.meeting.originalStart) : null;
  const found = (await deps.bookings.liveByMeetingId(target.meeting.id)).filter(
    (b) =>
      (originalStart === null ? !b.isOccurrence : b.originalStart?.getTime() === originalStart) &&
      (target.roomId === undefined || b.roomId === target.roomId),
  );
  const [first, ...others] = found;
  if (!first) throw notFound('Meeting', target.meeting.id);
  if (others.length > 0)
    throw unprocessable('The meeting has several rooms: say which one (roomId)', {
      field: 'target.roomId',
      roomIds: found.map((b) => b.roomId),
    });
  return { booking: first, awaiting: false };
}

async function ordererOf(
  deps: OrdersServiceDeps,
  actor: Actor,
  booking: MeetingBooking,
  onBehalfOf: string | undefined,
): Promise<{ email: string; name: string }> {
  const organizer = sameEmail(actor.email, booking.organizerEmail);
  if (!isFacilityOrAdmin(actor)) {
    if (onBehalfOf !== undefined) throw forbidden('Only admins and the facility team order for someone else');
    if (!organizer) throw forbidden("Only the meeting's organizer may order for it");
    return { email: actor.email, name: actor.name };
  }
  if (onBehalfOf === undefined)
    return organizer || booking.organizerEmail === ''
      ? { email: actor.email, name: actor.name }
      : { email: booking.organizerEmail.toLowerCase(), name: booking.organizerName || booking.organizerEmail };
  const person = await deps.people.findByEmail(onBehalfOf);
  return person ? { email: person.email, name: person.name } : { email: onBehalfOf.toLowerCase(), name: onBehalfOf };
}

/** Why this occurrence cannot get this order, or null when it can. */
function occurrenceProblem(
  booking: MeetingBooking,
  input: OrderInput,
  rules: OrderCatalogRules,
  now: Date,
): { message: string; reasons: string[] } | null {
  if (!isLive(booking)) return { message: 'The meeting is cancelled', reasons: ['event-cancelled'] };
  if (booking.start.getTime() <= now.getTime())
    return { message: 'The meeting has already started', reasons: ['event-past'] };
  const at = deliveryAt(input.delivery, booking);
  const reasons = deliveryProblems(
    { at, buildingId: booking.buildingId, timeZone: booking.timeZone },
    providerRules(rules.provider),
    itemRules(rules.items),
    now,
  );
  return reasons.length === 0 ? null : { message: `The delivery cannot be served: ${reasons.join(', ')}`, reasons };
}

function fieldsFor(
  { booking, awaiting }: ItemTarget,
  input: OrderInput,
  rules: OrderCatalogRules,
  orderer: { email: string; name: string },
  actor: Actor,
  seriesGroupId: string | null,
): OrderFields {
  const headcount = input.headcount ?? booking.attendeeCount;
  const priced = pricedLines(input.lines, rules.items, headcount);
  const at = deliveryAt(input.delivery, booking);
  return {
    bookingId: awaiting ? null : booking.id,
    awaitingMeeting: awaiting,
    meeting: {
      cleanGlobalObjectId: booking.cleanGlobalObjectId,
      uid: booking.uid,
      originalStart: booking.originalStart,
    },
    subject: booking.subject,
    eventStart: booking.start,
    eventEnd: booking.end,
    roomId: booking.roomId,
    providerId: rules.provider.id,
    providerName: rules.provider.name,
    status: 'requested',
    attention: [],
    delivery: input.delivery,
    deliveryAt: at,
    headcount,
    followAttendees: input.followAttendees,
    costCenter: input.costCenter,
    notes: input.notes,
    dietaryRemarks: input.dietaryRemarks,
    currency: priced.currency,
    totalMinor: priced.totalMinor,
    lines: priced.lines,
    orderer,
    placedBy: { userId: actor.userId, name: actor.name },
    seriesGroupId,
    changeCutoffAt: changeCutoffAt(itemRules(rules.items), at),
    // A meeting that is never sent leaves its order waiting; the sweep looks at it again at the start.
    cancelCheckAfter: awaiting ? booking.start : null,
  };
}

async function occurrencesFor(
  deps: OrdersServiceDeps,
  { booking, awaiting }: ItemTarget,
  input: OrderInput,
): Promise<MeetingBooking[]> {
  if (!input.repeatForSeries) return [booking];
  if (awaiting)
    throw unprocessable('The meeting has not been sent yet: order for every occurrence once it is sent', {
      field: 'repeatForSeries',
      reason: 'meeting-not-sent',
    });
  const seriesId = booking.cleanGlobalObjectId ?? booking.uid;
  if (!booking.isOccurrence || seriesId === null)
    throw unprocessable('The meeting is not part of a series', { field: 'repeatForSeries' });
  const all = await deps.bookings.liveOccurrences(seriesId, booking.roomId, deps.clock.now());
  return all.some((b) => b.id === booking.id) ? all : [booking, ...all];
}

export function placeOrders(deps: OrdersServiceDeps, bus: OrderChangeBus) {
  return async function createOrders(
    actor: Actor,
    input: OrderInput,
  ): Promise<{ orders: Order[]; skipped: { bookingId: string; start: string; reason: string }[] }> {
    // Before any lookup in someone else's mailbox: only admins and the facility team act for others.
    if (input.onBehalfOf !== undefined && !isFacilityOrAdmin(actor))
      throw forbidden('Only admins and the facility team order for someone else');
    const target = await targetBooking(deps, input.target, input.onBehalfOf ?? actor.email);
    const orderer = await ordererOf(deps, actor, target.booking, input.onBehalfOf);
    const rules = await loadOrderable(
      deps.catalog,
      input.lines.map((l) => l.itemId),
    );
    const now = deps.clock.now();
    const occurrences = await occurrencesFor(deps, target, input);
    const accepted: MeetingBooking[] = [];
    const skipped: { bookingId: string; start: string; reason: string }[] = [];
    for (const occurrence of occurrences) {
      const problem = occurrenceProblem(occurrence, input, rules, now);
      if (problem === null) accepted.push(occurrence);
      else if (!input.repeatForSeries) throw unprocessable(problem.message, { reasons: problem.reasons });
      else
        skipped.push({
          bookingId: occurrence.id,
          start: occurrence.start.toISOString(),
          reason: problem.reasons.join(', '),
        });
    }
    if (accepted.length === 0)
      throw unprocessable('No occurrence of the series can be served', { reasons: skipped.map((s) => s.reason) });
    const seriesGroupId = input.repeatForSeries ? globalThis.crypto.randomUUID() : null;
    const author: ChangeAuthor = {
      userId: actor.userId,
      name: actor.name,
      isOrderer: sameEmail(actor.email, orderer.email),
    };
    const fields = accepted.map((b) =>
      fieldsFor({ booking: b, awaiting: target.awaiting }, input, rules, orderer, actor, seriesGroupId),
    );
    const committed = await deps.orders.transaction(async (tx) => {
      const done = [];
      for (const after of fields)
        done.push(await commitChange(deps, tx, { before: undefined, after, kind: 'created', author }));
      return done;
    });
    for (const c of committed) bus.publish({ orderId: c.order.id, kind: c.kind });
    return { orders: committed.map((c) => presentOrder(c.order, actor)), skipped };
  };
}
