import type { AttentionReason, Delivery, OrderHistoryEntry, OrderStatus } from '../../../../shared/schemas/orders';
import { ATTENTION_REASONS, ORDER_CHANGE_KINDS } from '../../../../shared/schemas/orders';
import type { OrderLineRecord, StoredHistory, StoredOrder } from '../../../ports/orders';
import { toInstant } from './locationRows';

/** Row shapes of the order tables and their mapping to the port's types. */

export interface OrderRow {
  id: string;
  booking_id: string | null;
  awaiting_meeting: boolean;
  clean_global_object_id: string | null;
  uid: string | null;
  original_start: unknown;
  subject: string;
  meeting_private: boolean;
  event_start: unknown;
  event_end: unknown;
  room_id: string;
  room_name: string;
  building_id: string;
  building_name: string;
  time_zone: string;
  provider_id: string | null;
  provider_name: string;
  status: OrderStatus;
  attention: unknown;
  delivery_kind: Delivery['kind'];
  delivery_minutes: number | null;
  delivery_at: unknown;
  headcount: number;
  follow_attendees: boolean;
  cost_center: string;
  notes: string;
  dietary_remarks: string;
  currency: string;
  total_minor: unknown;
  orderer_email: string;
  orderer_name: string;
  placed_by_user_id: string | null;
  placed_by_name: string;
  series_group_id: string | null;
  change_cutoff_at: unknown;
  cancel_check_after: unknown;
  created_at: unknown;
  updated_at: unknown;
}

export interface LineRow {
  order_id: string;
  item_ref: string;
  name: string;
  unit: OrderLineRecord['unit'];
  quantity: number;
  unit_price_minor: unknown;
  total_minor: unknown;
}

export interface HistoryRow {
  id: string;
  at: unknown;
  kind: string;
  actor_user_id: string | null;
  actor_name: string;
  diff: unknown;
}

export const ORDER_COLUMNS = `o.*, r.name AS room_name, f.building_id, bd.name AS building_name, bd.time_zone,
  COALESCE((SELECT mb.is_private FROM bookings mb WHERE mb.id = o.booking_id), false) AS meeting_private`;
export const ORDER_FROM = `orders o JOIN rooms r ON r.id = o.room_id JOIN floors f ON f.id = r.floor_id
  JOIN buildings bd ON bd.id = f.building_id`;

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function instant(value: unknown): Date {
  const at = toInstant(value);
  if (at === null) throw new Error('missing timestamp');
  return at;
}

function attentionOf(value: unknown): AttentionReason[] {
  const parsed = json(value);
  return Array.isArray(parsed) ? ATTENTION_REASONS.filter((r) => parsed.includes(r)) : [];
}

export function toLine(row: LineRow): OrderLineRecord {
  return {
    itemId: row.item_ref,
    name: row.name,
    unit: row.unit,
    quantity: row.quantity,
    unitPriceMinor: Number(row.unit_price_minor),
    totalMinor: Number(row.total_minor),
  };
}

export function toOrder(row: OrderRow, lines: readonly OrderLineRecord[]): StoredOrder {
  const delivery: Delivery =
    row.delivery_minutes === null
      ? { kind: row.delivery_kind }
      : { kind: row.delivery_kind, minutes: row.delivery_minutes };
  return {
    id: row.id,
    bookingId: row.booking_id,
    awaitingMeeting: row.awaiting_meeting,
    meeting: {
      cleanGlobalObjectId: row.clean_global_object_id,
      uid: row.uid,
      originalStart: toInstant(row.original_start),
    },
    subject: row.subject,
    meetingPrivate: row.meeting_private,
    eventStart: instant(row.event_start),
    eventEnd: instant(row.event_end),
    roomId: row.room_id,
    roomName: row.room_name,
    buildingId: row.building_id,
    buildingName: row.building_name,
    timeZone: row.time_zone,
    providerId: row.provider_id,
    providerName: row.provider_name,
    status: row.status,
    attention: attentionOf(row.attention),
    delivery,
    deliveryAt: instant(row.delivery_at),
    headcount: row.headcount,
    followAttendees: row.follow_attendees,
    costCenter: row.cost_center,
    notes: row.notes,
    dietaryRemarks: row.dietary_remarks,
    currency: row.currency,
    totalMinor: Number(row.total_minor),
    lines,
    orderer: { email: row.orderer_email, name: row.orderer_name },
    placedBy: { userId: row.placed_by_user_id, name: row.placed_by_name },
    seriesGroupId: row.series_group_id,
    changeCutoffAt: instant(row.change_cutoff_at),
    cancelCheckAfter: toInstant(row.cancel_check_after),
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
  };
}

export function toHistory(row: HistoryRow): StoredHistory {
  const kind = ORDER_CHANGE_KINDS.find((k) => k === row.kind) ?? 'changed';
  return {
    id: row.id,
    kind,
    at: instant(row.at),
    actor: { userId: row.actor_user_id, name: row.actor_name },
    diff: json(row.diff) as OrderHistoryEntry['diff'],
  };
}
