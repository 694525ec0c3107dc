import type { AttendeeOrder, Order, OrderHistoryEntry } from '../../../../shared/schemas/orders';
import { isAdmin, type Actor } from '../../../domain/actor';
import { PRIVATE_SUBJECT } from '../../../domain/availability/bookingVisibility';
import { quantityToDeliver } from '../../../domain/catering/quantities';
import type { OrderFields, StoredHistory, StoredOrder } from '../../../ports/orders';

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A private meeting's subject is for its orderer and admins; the facility team, the caterer's
 * email and webhook get "Private meeting" with the room, time and headcount they need.
 */
function subjectFor(o: StoredOrder, reader: Actor | undefined): string {
  if (!o.meetingPrivate) return o.subject;
  return reader && (isAdmin(reader) || sameEmail(reader.email, o.orderer.email)) ? o.subject : PRIVATE_SUBJECT;
}

/** A stored order as the API shows it to `reader` (undefined: to the provider, in notifications). */
export function presentOrder(o: StoredOrder, reader: Actor | undefined): Order {
  return {
    id: o.id,
    status: o.status,
    attention: [...o.attention],
    bookingId: o.bookingId,
    awaitingMeeting: o.awaitingMeeting,
    meeting: {
      cleanGlobalObjectId: o.meeting.cleanGlobalObjectId,
      uid: o.meeting.uid,
      originalStart: o.meeting.originalStart?.toISOString() ?? null,
      subject: subjectFor(o, reader),
    },
    eventStart: o.eventStart.toISOString(),
    eventEnd: o.eventEnd.toISOString(),
    delivery: o.delivery,
    deliveryAt: o.deliveryAt.toISOString(),
    roomId: o.roomId,
    roomName: o.roomName,
    buildingId: o.buildingId,
    buildingName: o.buildingName,
    timeZone: o.timeZone,
    providerId: o.providerId,
    providerName: o.providerName,
    lines: o.lines.map((l) => ({ ...l, quantityToDeliver: quantityToDeliver(l, o.headcount) })),
    headcount: o.headcount,
    followAttendees: o.followAttendees,
    costCenter: o.costCenter,
    notes: o.notes,
    dietaryRemarks: o.dietaryRemarks,
    currency: o.currency,
    totalMinor: o.totalMinor,
    orderer: { ...o.orderer },
    placedBy: { ...o.placedBy },
    seriesGroupId: o.seriesGroupId,
    changeCutoffAt: o.changeCutoffAt.toISOString(),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** What every attendee of the meeting may see: no prices, cost center, notes or remarks. */
export function presentForAttendees(o: StoredOrder): AttendeeOrder {
  return {
    id: o.id,
    status: o.status,
    needsAttention: o.attention.length > 0,
    delivery: o.delivery,
    deliveryAt: o.deliveryAt.toISOString(),
    roomName: o.roomName,
    buildingName: o.buildingName,
    timeZone: o.timeZone,
    providerName: o.providerName,
    headcount: o.headcount,
    lines: o.lines.map((l) => ({
      name: l.name,
      unit: l.unit,
      quantity: l.quantity,
      quantityToDeliver: quantityToDeliver(l, o.headcount),
    })),
  };
}

export function presentHistory(h: StoredHistory): OrderHistoryEntry {
  return { id: h.id, at: h.at.toISOString(), kind: h.kind, actor: { ...h.actor }, diff: h.diff };
}

/** The fields a history diff compares, in a JSON-friendly form. */
function comparable(o: OrderFields): Record<string, unknown> {
  return {
    status: o.status,
    attention: [...o.attention],
    bookingId: o.bookingId,
    awaitingMeeting: o.awaitingMeeting,
    eventStart: o.eventStart.toISOString(),
    eventEnd: o.eventEnd.toISOString(),
    roomId: o.roomId,
    delivery: o.delivery,
    deliveryAt: o.deliveryAt.toISOString(),
    headcount: o.headcount,
    followAttendees: o.followAttendees,
    costCenter: o.costCenter,
    notes: o.notes,
    dietaryRemarks: o.dietaryRemarks,
    lines: o.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
    totalMinor: o.totalMinor,
  };
}

/** field → { from, to } for every field that differs; a new order diffs against nothing. */
export function diffOf(before: OrderFields | undefined, after: OrderFields): OrderHistoryEntry['diff'] {
  const a = before ? comparable(before) : {};
  const b = comparable(after);
  const diff: OrderHistoryEntry['diff'] = {};
  for (const [key, to] of Object.entries(b)) {
    const from = a[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) diff[key] = { from, to };
  }
  return diff;
}
