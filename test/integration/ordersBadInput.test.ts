import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Order } from '../../shared/schemas/orders';
import { buildItem, buildProvider } from '../factories/orders';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { errorCode, NOW, orderTableCounts, ordersWorld, type OrdersWorld } from './ordersHarness';

// @timezone-sensitive: provider hours are read in the building's zone (Europe/Berlin).
let db: TestDatabase;
let w: OrdersWorld;
let meetingId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await ordersWorld(db.knex);
  meetingId = await w.meeting();
  // Migrations, four signed-in users and the catalog take a while on a loaded machine.
}, 120_000);
afterAll(async () => {
  await db.close();
});

const body = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  target: { bookingId: meetingId },
  lines: [{ itemId: w.coffee, quantity: 2 }],
  delivery: { kind: 'at-start' },
  ...overrides,
});

/** Sends the request and proves it was refused with this status and code, and wrote nothing. */
async function refused(
  send: () => Promise<{ status: number; body: unknown }>,
  status: number,
  code: string,
): Promise<void> {
  const before = await orderTableCounts(db.knex);
  const res = await send();
  expect({ status: res.status, code: errorCode(res) }).toEqual({ status, code });
  expect(await orderTableCounts(db.knex)).toEqual(before);
}

describe('orders refuse bad input and change nothing', () => {
  it.each([
    ['a quantity of 0', [{ quantity: 0 }]],
    ['a negative quantity', [{ quantity: -3 }]],
    ['an absurd quantity', [{ quantity: 10_001 }]],
    ['a fractional quantity', [{ quantity: 1.5 }]],
  ])('%s', async (_name, [line]) => {
    await refused(
      () => w.organizer.post('/api/orders').send(body({ lines: [{ itemId: w.coffee, ...line }] })),
      400,
      'validation_failed',
    );
  });

  it('an unknown item', async () => {
    const lines = [{ itemId: '00000000-0000-4000-8000-000000000000', quantity: 1 }];
    await refused(() => w.organizer.post('/api/orders').send(body({ lines })), 422, 'unprocessable');
  });

  it('an inactive item, and items of two providers in one order', async () => {
    const inactive = await buildItem(db.knex, { providerId: w.providerId, active: false });
    await refused(
      () => w.organizer.post('/api/orders').send(body({ lines: [{ itemId: inactive, quantity: 1 }] })),
      422,
      'unprocessable',
    );
    const other = await buildProvider(db.knex, { buildingIds: [w.buildingId] });
    const foreign = await buildItem(db.knex, { providerId: other });
    const lines = [
      { itemId: w.coffee, quantity: 1 },
      { itemId: foreign, quantity: 1 },
    ];
    await refused(() => w.organizer.post('/api/orders').send(body({ lines })), 422, 'unprocessable');
  });

  it('a provider that does not serve the building', async () => {
    const remote = await w.meeting({ roomId: w.unservedRoom });
    await refused(
      () => w.organizer.post('/api/orders').send(body({ target: { bookingId: remote } })),
      422,
      'unprocessable',
    );
  });

  it('a delivery outside the provider hours (19:00 in Berlin)', async () => {
    const evening = await w.meeting({ start: '2026-05-06T17:00:00Z', end: '2026-05-06T18:00:00Z' });
    await refused(
      () => w.organizer.post('/api/orders').send(body({ target: { bookingId: evening } })),
      422,
      'unprocessable',
    );
    // The meeting (12:00 Berlin time) is inside the hours, but a delivery 5 h before it (07:00) is not.
    await refused(
      () => w.organizer.post('/api/orders').send(body({ delivery: { kind: 'before-start', minutes: 300 } })),
      422,
      'unprocessable',
    );
  });

  it('a delivery inside the lead time', async () => {
    const soon = await w.meeting({ start: '2026-05-04T10:00:00Z', end: '2026-05-04T11:00:00Z' });
    await refused(
      () => w.organizer.post('/api/orders').send(body({ target: { bookingId: soon } })),
      422,
      'unprocessable',
    );
  });

  it('a cancelled meeting and a past meeting', async () => {
    const cancelled = await w.meeting({ status: 'cancelled' });
    await refused(
      () => w.organizer.post('/api/orders').send(body({ target: { bookingId: cancelled } })),
      422,
      'unprocessable',
    );
    const past = await w.meeting({ start: '2026-05-01T10:00:00Z', end: '2026-05-01T11:00:00Z' });
    await refused(
      () => w.organizer.post('/api/orders').send(body({ target: { bookingId: past } })),
      422,
      'unprocessable',
    );
  });

  it('an unknown booking or meeting', async () => {
    await refused(
      () =>
        w.organizer.post('/api/orders').send(body({ target: { bookingId: '00000000-0000-4000-8000-000000000000' } })),
      404,
      'not_found',
    );
    await refused(
      () => w.organizer.post('/api/orders').send(body({ target: { meeting: { id: 'nope' } } })),
      404,
      'not_found',
    );
  });

  it('malformed deliveries, text with NUL, unknown fields', async () => {
    await refused(
      () => w.organizer.post('/api/orders').send(body({ delivery: { kind: 'before-start' } })),
      400,
      'validation_failed',
    );
    await refused(
      () => w.organizer.post('/api/orders').send(body({ delivery: { kind: 'at-end', minutes: 5 } })),
      400,
      'validation_failed',
    );
    await refused(() => w.organizer.post('/api/orders').send(body({ notes: 'a\u0000b' })), 400, 'validation_failed');
    await refused(() => w.organizer.post('/api/orders').send(body({ price: 0 })), 400, 'validation_failed');
    const twice = [
      { itemId: w.coffee, quantity: 1 },
      { itemId: w.coffee, quantity: 1 },
    ];
    await refused(() => w.organizer.post('/api/orders').send(body({ lines: twice })), 400, 'validation_failed');
  });

  describe('on an existing order', () => {
    let order: Order;
    beforeAll(async () => {
      const res = await w.organizer.post('/api/orders').send(body());
      expect(res.status).toBe(201);
      order = (res.body as { orders: Order[] }).orders[0] as Order;
    });

    it("someone else's order cannot be read, changed or cancelled", async () => {
      await refused(() => w.colleague.get(`/api/orders/${order.id}`), 404, 'not_found');
      await refused(() => w.colleague.patch(`/api/orders/${order.id}`).send({ notes: 'mine now' }), 404, 'not_found');
      await refused(() => w.colleague.post(`/api/orders/${order.id}/cancel`), 404, 'not_found');
      await refused(
        () => w.colleague.post(`/api/facility/orders/${order.id}/status`).send({ status: 'accepted' }),
        403,
        'forbidden',
      );
    });

    it('an edit that breaks the rules', async () => {
      await refused(() => w.organizer.patch(`/api/orders/${order.id}`).send({}), 400, 'validation_failed');
      await refused(
        () => w.organizer.patch(`/api/orders/${order.id}`).send({ lines: [{ itemId: w.coffee, quantity: 0 }] }),
        400,
        'validation_failed',
      );
      await refused(
        () => w.organizer.patch(`/api/orders/${order.id}`).send({ delivery: { kind: 'before-start', minutes: 600 } }),
        422,
        'unprocessable',
      );
    });

    it('an edit or cancellation after the cut-off', async () => {
      w.clock.set('2026-05-05T10:00:01Z');
      try {
        await refused(() => w.organizer.patch(`/api/orders/${order.id}`).send({ notes: 'late' }), 409, 'conflict');
        await refused(() => w.organizer.post(`/api/orders/${order.id}/cancel`), 409, 'conflict');
      } finally {
        w.clock.set(NOW);
      }
    });
  });
});
