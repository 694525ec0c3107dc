// @timezone-sensitive: mail texts read the delivery time on the building's clocks, never the process zone.
import { describe, expect, it } from '@jest/globals';
import type { Order, OrderChangeKind } from '../../../shared/schemas/orders';
import { messagesFor, type ProviderContact } from './ordersNotifications';
import { canMoveTo, isEditable, isOpen } from './ordersWorkflow';

const ORDER: Order = {
  id: '11111111-1111-4111-8111-111111111111',
  status: 'requested',
  attention: [],
  bookingId: null,
  awaitingMeeting: false,
  meeting: { cleanGlobalObjectId: 'c', uid: null, originalStart: null, subject: 'Planning' },
  eventStart: '2026-05-06T10:00:00.000Z',
  eventEnd: '2026-05-06T11:00:00.000Z',
  delivery: { kind: 'at-start' },
  deliveryAt: '2026-05-06T10:00:00.000Z',
  roomId: '22222222-2222-4222-8222-222222222222',
  roomName: 'Atlantic',
  buildingId: '33333333-3333-4333-8333-333333333333',
  buildingName: 'Harbour House',
  timeZone: 'Europe/Berlin',
  providerId: '44444444-4444-4444-8444-444444444444',
  providerName: 'Kitchen',
  lines: [
    {
      itemId: '55555555-5555-4555-8555-555555555555',
      name: 'Coffee',
      unit: 'per-item',
      quantity: 2,
      quantityToDeliver: 2,
      unitPriceMinor: 250,
      totalMinor: 500,
    },
  ],
  headcount: 4,
  followAttendees: false,
  costCenter: '',
  notes: '',
  dietaryRemarks: '',
  currency: 'EUR',
  totalMinor: 500,
  orderer: { email: 'Olga@Example.test', name: 'Olga' },
  placedBy: { userId: null, name: 'Olga' },
  seriesGroupId: null,
  changeCutoffAt: '2026-05-05T10:00:00.000Z',
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
};
const PROVIDER: ProviderContact = {
  id: ORDER.providerId ?? '',
  contactEmail: 'Kitchen@Example.test',
  webhookUrl: 'https://k.example/hook',
};
const at = new Date('2026-05-04T06:00:00Z');

const who = (kind: OrderChangeKind, byOrderer = false, provider: ProviderContact | null = PROVIDER): string[] =>
  messagesFor({ kind, changeId: 'c1', at, byOrderer }, ORDER, provider).map((m) => `${m.channel}:${m.recipient}`);

describe('who is told about a change', () => {
  it.each([
    ['created', false, ['email:kitchen@example.test', 'webhook:https://k.example/hook']],
    ['changed', false, ['email:kitchen@example.test', 'webhook:https://k.example/hook']],
    ['moved-by-event', false, ['email:kitchen@example.test', 'webhook:https://k.example/hook']],
    ['attention-resolved', false, ['email:kitchen@example.test', 'webhook:https://k.example/hook']],
    [
      'cancelled-by-event',
      false,
      ['email:kitchen@example.test', 'email:olga@example.test', 'webhook:https://k.example/hook'],
    ],
    [
      'needs-attention',
      false,
      ['email:kitchen@example.test', 'email:olga@example.test', 'webhook:https://k.example/hook'],
    ],
    [
      'status-change',
      false,
      ['email:kitchen@example.test', 'email:olga@example.test', 'webhook:https://k.example/hook'],
    ],
    ['status-change', true, ['email:kitchen@example.test', 'webhook:https://k.example/hook']],
  ] as const)('%s (by the orderer: %s)', (kind, byOrderer, expected) => {
    expect(who(kind, byOrderer)).toEqual(expected);
  });

  it('a provider without webhook gets email only; a deleted provider nothing', () => {
    expect(who('created', false, { ...PROVIDER, webhookUrl: null })).toEqual(['email:kitchen@example.test']);
    expect(who('needs-attention', false, null)).toEqual(['email:olga@example.test']);
  });

  it('one message per recipient and channel, even when the orderer is the provider contact', () => {
    const same = { ...PROVIDER, contactEmail: 'olga@example.test' };
    const messages = messagesFor({ kind: 'status-change', changeId: 'c1', at, byOrderer: false }, ORDER, same);
    expect(messages.map((m) => m.dedupeKey)).toEqual([
      `${ORDER.id}:c1:email:olga@example.test`,
      `${ORDER.id}:c1:webhook:https://k.example/hook`,
    ]);
  });

  it('mails name the local delivery time, the room and the total', () => {
    const [mail] = messagesFor({ kind: 'created', changeId: 'c1', at, byOrderer: false }, ORDER, PROVIDER);
    if (mail?.channel !== 'email') throw new Error('expected an email first');
    expect(mail.payload.subject).toBe('[Roomserve] New order: Planning — 2026-05-06 12:00, Atlantic');
    expect(mail.payload.text).toContain('Total: 5.00 EUR');
  });

  it('mails list the quantity to deliver, and how a per-person line was ordered', () => {
    const order: Order = {
      ...ORDER,
      headcount: 3,
      lines: [
        ...ORDER.lines,
        {
          itemId: '66666666-6666-4666-8666-666666666666',
          name: 'Coffee and tea',
          unit: 'per-person',
          quantity: 1,
          quantityToDeliver: 3,
          unitPriceMinor: 300,
          totalMinor: 900,
        },
      ],
    };
    const [mail] = messagesFor({ kind: 'created', changeId: 'c1', at, byOrderer: false }, order, PROVIDER);
    if (mail?.channel !== 'email') throw new Error('expected an email first');
    expect(mail.payload.text).toContain('  2 × Coffee — 5.00 EUR');
    expect(mail.payload.text).toContain('  3 × Coffee and tea (1 per person × 3 people) — 9.00 EUR');
  });

  it('a waiting order tells the provider not to prepare yet, and why it was cancelled if never sent', () => {
    const waiting: Order = { ...ORDER, awaitingMeeting: true };
    const [created] = messagesFor({ kind: 'created', changeId: 'c1', at, byOrderer: false }, waiting, PROVIDER);
    if (created?.channel !== 'email') throw new Error('expected an email first');
    expect(created.payload.text).toContain('Waiting for the meeting to be sent');
    const expired: Order = { ...waiting, status: 'cancelled-by-event' };
    const [cancelled] = messagesFor(
      { kind: 'cancelled-by-event', changeId: 'c2', at, byOrderer: false },
      expired,
      PROVIDER,
    );
    if (cancelled?.channel !== 'email') throw new Error('expected an email first');
    expect(cancelled.payload.subject).toMatch(/^\[Roomserve\] Order cancelled: the meeting was never sent:/);
    const [sent] = messagesFor({ kind: 'meeting-sent', changeId: 'c3', at, byOrderer: false }, ORDER, PROVIDER);
    if (sent?.channel !== 'email') throw new Error('expected an email first');
    expect(sent.payload.text).not.toContain('Waiting for the meeting');
    expect(sent.payload.subject).toContain('the meeting was sent');
  });
});

describe('the status workflow', () => {
  it.each([
    ['requested', 'accepted', true],
    ['requested', 'in-preparation', false],
    ['accepted', 'in-preparation', true],
    ['in-preparation', 'delivered', true],
    ['in-preparation', 'declined', false],
    ['delivered', 'cancelled', false],
    ['cancelled-by-event', 'requested', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canMoveTo(from, to)).toBe(allowed);
  });

  it('open and editable states', () => {
    expect(['requested', 'accepted', 'in-preparation'].every((s) => isOpen(s as Order['status']))).toBe(true);
    expect(isOpen('delivered')).toBe(false);
    expect(isEditable('in-preparation')).toBe(false);
  });
});
