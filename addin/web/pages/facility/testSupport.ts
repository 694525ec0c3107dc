import type { Board, Order } from '../../../../shared/schemas/orders';
import { uuid } from '../../../ui/testing/builders';

/**
 * jsdom has no EventSource. This stand-in records the URLs the board subscribes to and lets a
 * test open the stream, deliver events and fail it, as the browser would.
 */
export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];

  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = FakeEventSource.CONNECTING;

  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }

  static latest(): FakeEventSource {
    const source = FakeEventSource.instances.at(-1);
    if (!source) throw new Error('nothing subscribed to server-sent events');
    return source;
  }

  open(): void {
    this.readyState = FakeEventSource.OPEN;
    this.dispatchEvent(new Event('open'));
  }

  emit(type: string, data: unknown): void {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }

  /** `retrying`: the browser will reconnect (CONNECTING); otherwise it gave up (CLOSED). */
  fail(retrying: boolean): void {
    this.readyState = retrying ? FakeEventSource.CONNECTING : FakeEventSource.CLOSED;
    this.dispatchEvent(new Event('error'));
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}

/** Installs the fake for one test; returns the function that takes it away again. */
export function installFakeEventSource(): () => void {
  FakeEventSource.instances = [];
  const original = Object.getOwnPropertyDescriptor(globalThis, 'EventSource');
  Object.defineProperty(globalThis, 'EventSource', { value: FakeEventSource, configurable: true, writable: true });
  return () => {
    if (original) Object.defineProperty(globalThis, 'EventSource', original);
    else Reflect.deleteProperty(globalThis, 'EventSource');
  };
}

export function buildOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: uuid(),
    status: 'requested',
    attention: [],
    bookingId: uuid(),
    awaitingMeeting: false,
    meeting: { cleanGlobalObjectId: null, uid: 'uid-1', originalStart: null, subject: 'Board meeting' },
    eventStart: '2026-05-04T08:00:00.000Z',
    eventEnd: '2026-05-04T09:00:00.000Z',
    delivery: { kind: 'before-start', minutes: 15 },
    deliveryAt: '2026-05-04T07:45:00.000Z',
    roomId: uuid(),
    roomName: 'Lighthouse',
    buildingId: uuid(),
    buildingName: 'Harbour House',
    timeZone: 'Europe/Berlin',
    providerId: uuid(),
    providerName: 'Northwind Kitchen',
    lines: [
      {
        itemId: uuid(),
        name: 'Butter croissant',
        unit: 'per-person',
        quantity: 1,
        quantityToDeliver: 8,
        unitPriceMinor: 220,
        totalMinor: 1760,
      },
    ],
    headcount: 8,
    followAttendees: false,
    costCenter: 'CC-4711',
    notes: 'Please bring napkins',
    dietaryRemarks: 'Two vegan',
    currency: 'EUR',
    totalMinor: 1760,
    orderer: { email: 'olga.organizer@northwind.test', name: 'Olga Organizer' },
    placedBy: { userId: null, name: 'Olga Organizer' },
    seriesGroupId: null,
    changeCutoffAt: '2026-05-04T05:45:00.000Z',
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A board answer: one slot per distinct delivery time and room, in the server's order (time, then room). */
export function boardOf(orders: readonly Order[], range: { from: string; to: string }): Board {
  const slots = new Map<string, Board['groups'][number]>();
  const sorted = [...orders].sort(
    (a, b) => a.deliveryAt.localeCompare(b.deliveryAt) || a.roomName.localeCompare(b.roomName),
  );
  for (const order of sorted) {
    const key = `${order.deliveryAt}|${order.roomId}`;
    const local = new Date(order.deliveryAt);
    const slot = slots.get(key) ?? {
      deliveryAt: order.deliveryAt,
      localDate: berlinDate(local),
      localTime: berlinTime(local),
      buildingId: order.buildingId,
      buildingName: order.buildingName,
      roomId: order.roomId,
      roomName: order.roomName,
      orders: [],
    };
    slot.orders.push(order);
    slots.set(key, slot);
  }
  return {
    ...range,
    groups: [...slots.values()],
    counts: { total: orders.length, needsAttention: orders.filter((o) => o.attention.length > 0).length },
  };
}

const berlinDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at);
const berlinTime = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
