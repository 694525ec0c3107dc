import type { AttentionReason, Order, OrderChangeKind } from '../../../shared/schemas/orders';
import { wallClock } from './ordersTiming';

/**
 * Who is told about an order change, and what they are told. Providers hear of every change by
 * email and webhook; orderers get an email when the status changes or the order needs attention,
 * unless they made the change themselves.
 */

export interface MailContent {
  readonly subject: string;
  readonly text: string;
}

export interface WebhookContent {
  readonly event: OrderChangeKind;
  readonly changeId: string;
  readonly occurredAt: string;
  readonly order: Order;
}

interface Common {
  readonly dedupeKey: string;
  readonly orderId: string;
  readonly changeId: string;
  readonly kind: OrderChangeKind;
  readonly recipient: string;
}

export type OutboxMessage =
  | (Common & { readonly channel: 'email'; readonly providerId: null; readonly payload: MailContent })
  | (Common & { readonly channel: 'webhook'; readonly providerId: string; readonly payload: WebhookContent });

export interface OrderChange {
  readonly kind: OrderChangeKind;
  readonly changeId: string;
  readonly at: Date;
  /** The orderer made this change themselves (no need to email them about it). */
  readonly byOrderer: boolean;
}

export interface ProviderContact {
  readonly id: string;
  readonly contactEmail: string;
  readonly webhookUrl: string | null;
}

const ORDERER_HEARS: ReadonlySet<OrderChangeKind> = new Set(['status-change', 'cancelled-by-event', 'needs-attention']);

const HEADLINE: Readonly<Record<OrderChangeKind, string>> = {
  created: 'New order',
  changed: 'Order changed',
  'moved-by-event': 'Order moved with its meeting',
  'cancelled-by-event': 'Order cancelled: the meeting was cancelled',
  'needs-attention': 'Order needs attention',
  'attention-resolved': 'Order no longer needs attention',
  'status-change': 'Order status changed',
  'meeting-sent': 'Order can be prepared: the meeting was sent',
};

/** The headline of a change; an order that waited in vain was not cancelled by a cancellation. */
const headlineOf = (kind: OrderChangeKind, order: Order): string =>
  kind === 'cancelled-by-event' && order.awaitingMeeting
    ? 'Order cancelled: the meeting was never sent'
    : HEADLINE[kind];

const REASON_TEXT: Readonly<Record<AttentionReason, string>> = {
  'inside-lead-time': 'the new delivery time is inside an item’s lead time',
  'outside-provider-hours': 'the new delivery time is outside the provider’s working hours',
  'item-unavailable': 'an item is not available at the new delivery time',
  'building-not-served': 'the meeting moved to a building the provider does not serve',
  'headcount-after-cutoff': 'the number of attendees changed after the cut-off',
};

const money = (minor: number, currency: string): string => `${(minor / 100).toFixed(2)} ${currency}`;

type OrderLine = Order['lines'][number];

/** "4 × Croissant (1 per person × 4 people)": what to deliver first, then how it was ordered. */
function lineText(l: OrderLine, headcount: number): string {
  const people = headcount === 1 ? '1 person' : `${headcount} people`;
  const how = l.unit === 'per-person' ? ` (${l.quantity} per person × ${people})` : '';
  return `${l.quantityToDeliver} × ${l.name}${how}`;
}

export function mailContent(kind: OrderChangeKind, order: Order): MailContent {
  const local = wallClock(new Date(order.deliveryAt), order.timeZone);
  const when = `${local.date} ${local.time}`;
  const lines = order.lines.map((l) => `  ${lineText(l, order.headcount)} — ${money(l.totalMinor, order.currency)}`);
  const text = [
    `${headlineOf(kind, order)}.`,
    '',
    `Meeting: ${order.meeting.subject}`,
    `Delivery: ${when} (${order.delivery.kind}${order.delivery.minutes ? `, ${order.delivery.minutes} min` : ''})`,
    `Room: ${order.roomName}, ${order.buildingName}`,
    `Headcount: ${order.headcount}`,
    `Status: ${order.status}`,
    ...(order.awaitingMeeting && order.status !== 'cancelled-by-event'
      ? [
          'Waiting for the meeting to be sent: the organizer saved it in Outlook but has not sent it yet. Do not prepare it yet.',
        ]
      : []),
    ...(order.attention.length > 0
      ? [`Needs attention: ${order.attention.map((r) => REASON_TEXT[r]).join('; ')}`]
      : []),
    '',
    'Items:',
    ...lines,
    `Total: ${money(order.totalMinor, order.currency)}`,
    ...(order.dietaryRemarks ? ['', `Dietary remarks: ${order.dietaryRemarks}`] : []),
    ...(order.notes ? [`Notes: ${order.notes}`] : []),
    ...(order.costCenter ? [`Cost center: ${order.costCenter}`] : []),
    '',
    `Ordered by ${order.orderer.name} <${order.orderer.email}>. Order ${order.id}.`,
  ].join('\n');
  return {
    subject: `[Roomserve] ${headlineOf(kind, order)}: ${order.meeting.subject} — ${when}, ${order.roomName}`,
    text,
  };
}

const keyOf = (orderId: string, changeId: string, channel: string, recipient: string): string =>
  `${orderId}:${changeId}:${channel}:${recipient.toLowerCase()}`;

/** The outbox rows for one change: at most one per recipient and channel. */
export function messagesFor(change: OrderChange, order: Order, provider: ProviderContact | null): OutboxMessage[] {
  const messages: OutboxMessage[] = [];
  const base = { orderId: order.id, changeId: change.changeId, kind: change.kind };
  const mail = mailContent(change.kind, order);
  const emails = new Set<string>();
  if (provider && provider.contactEmail !== '') emails.add(provider.contactEmail.toLowerCase());
  if (ORDERER_HEARS.has(change.kind) && !change.byOrderer) emails.add(order.orderer.email.toLowerCase());
  for (const recipient of emails)
    messages.push({
      ...base,
      dedupeKey: keyOf(order.id, change.changeId, 'email', recipient),
      channel: 'email',
      recipient,
      providerId: null,
      payload: mail,
    });
  if (provider?.webhookUrl)
    messages.push({
      ...base,
      dedupeKey: keyOf(order.id, change.changeId, 'webhook', provider.webhookUrl),
      channel: 'webhook',
      recipient: provider.webhookUrl,
      providerId: provider.id,
      payload: { event: change.kind, changeId: change.changeId, occurredAt: change.at.toISOString(), order },
    });
  return messages;
}
