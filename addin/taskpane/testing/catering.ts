import type { Item, Menu } from '../../../shared/schemas/catalog';
import type { Order } from '../../../shared/schemas/orders';
import { uuid } from '../../ui/testing/builders';

/** Valid-by-schema catering objects for the taskpane's tests. */
export function buildItem(overrides: Partial<Item> = {}): Item {
  return {
    id: uuid(),
    providerId: uuid(),
    name: 'Coffee',
    description: '',
    category: 'drinks',
    priceMinor: 250,
    currency: 'EUR',
    unit: 'per-person',
    dietary: [],
    allergens: [],
    imageFileId: null,
    imageUrl: null,
    leadTimeHours: 24,
    changeCutoffHours: 24,
    availability: null,
    active: true,
    ...overrides,
  };
}

export function buildMenu(roomId: string, buildingId: string, providers: Menu['providers']): Menu {
  return { roomId, buildingId, timeZone: 'Europe/Berlin', providers };
}

export function buildOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: uuid(),
    status: 'requested',
    attention: [],
    bookingId: null,
    awaitingMeeting: false,
    meeting: {
      cleanGlobalObjectId: 'BAAAAIIA4AB0xbcQGoLgCAAAAAA=',
      uid: null,
      originalStart: null,
      subject: 'Planning',
    },
    eventStart: '2026-05-05T08:00:00.000Z',
    eventEnd: '2026-05-05T09:00:00.000Z',
    delivery: { kind: 'at-start' },
    deliveryAt: '2026-05-05T08:00:00.000Z',
    roomId: uuid(),
    roomName: 'Lighthouse',
    buildingId: uuid(),
    buildingName: 'Harbour House',
    timeZone: 'Europe/Berlin',
    providerId: uuid(),
    providerName: 'Canteen',
    lines: [],
    headcount: 4,
    followAttendees: false,
    costCenter: '',
    notes: '',
    dietaryRemarks: '',
    currency: 'EUR',
    totalMinor: 0,
    orderer: { email: 'eve.employee@northwind.test', name: 'Eve Employee' },
    placedBy: { userId: null, name: 'Eve Employee' },
    seriesGroupId: null,
    changeCutoffAt: '2026-05-04T08:00:00.000Z',
    createdAt: '2026-05-01T08:00:00.000Z',
    updatedAt: '2026-05-01T08:00:00.000Z',
    ...overrides,
  };
}
