/** @jest-environment jsdom */
import '../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Order } from '../../../shared/schemas/orders';
import type { AddinProperties } from '../../office/officeHost';
import { uuid } from '../../ui/testing/builders';
import { FakeApi, apiError, ok } from '../../ui/testing/fakeApi';
import { buildItem, buildMenu, buildOrder } from '../testing/catering';
import { renderTaskpane } from '../testing/renderTaskpane';

const roomId = uuid();
const buildingId = uuid();
const providerId = uuid();
const coffee = buildItem({ providerId, name: 'Coffee', category: 'drinks', unit: 'per-person', priceMinor: 250 });
const platter = buildItem({
  providerId,
  name: 'Sandwich platter',
  category: 'lunch',
  unit: 'per-item',
  priceMinor: 4500,
  dietary: ['vegetarian'],
  allergens: ['gluten', 'milk'],
});
const menu = buildMenu(roomId, buildingId, [
  {
    provider: { id: providerId, name: 'Harbour Kitchen', kind: 'internal-kitchen', workingHours: {} },
    categories: [
      { category: 'lunch', items: [platter] },
      { category: 'drinks', items: [coffee] },
    ],
  },
]);
const chosenRoom: AddinProperties = {
  room: { roomId, roomName: 'Anchor', roomEmail: 'anchor@northwind.test', chosenAt: '2026-05-01T08:00:00.000Z' },
};
const appointment = {
  start: new Date(2026, 4, 5, 10, 0),
  end: new Date(2026, 4, 5, 11, 0),
  requiredAttendees: [
    { name: 'Adele Vance', email: 'adele@northwind.test' },
    { name: 'Lee Gu', email: 'lee@northwind.test' },
    { name: 'Anchor', email: 'anchor@northwind.test' },
  ],
  optionalAttendees: [],
};

function server(): FakeApi {
  return new FakeApi().on('get', '/api/catalog/menu', ok(menu));
}

async function openCatering() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('tab', { name: 'Catering' }));
  await screen.findByRole('heading', { name: 'Lunch' });
  return user;
}

describe('the catering tab', () => {
  it('shows the menu by category and keeps a running total (per-person items count every person)', async () => {
    renderTaskpane(server(), { appointment, properties: chosenRoom });
    const user = await openCatering();

    expect(screen.getByText('vegetarian')).toBeTruthy();
    expect(screen.getByText('Allergens: gluten, milk')).toBeTruthy();
    // Two attendees and the organizer; the room is no person.
    expect(screen.getByLabelText('Headcount')).toHaveProperty('value', '3');

    await user.clear(screen.getByLabelText('Coffee: servings per person'));
    await user.type(screen.getByLabelText('Coffee: servings per person'), '1');
    expect(screen.getByText('Total €7.50')).toBeTruthy();
    // The cart says what arrives, not the servings per person as if they were pieces.
    expect(screen.getByText('3 × Coffee (1 per person × 3 people): €7.50')).toBeTruthy();

    await user.clear(screen.getByLabelText('Quantity of Sandwich platter'));
    await user.type(screen.getByLabelText('Quantity of Sandwich platter'), '2');
    expect(screen.getByText('Total €97.50')).toBeTruthy();

    await user.clear(screen.getByLabelText('Headcount'));
    await user.type(screen.getByLabelText('Headcount'), '10');
    expect(screen.getByText('Total €115.00')).toBeTruthy();
    expect(screen.getByText('10 × Coffee (1 per person × 10 people): €25.00')).toBeTruthy();
    expect(screen.getByText('2 × Sandwich platter: €90.00')).toBeTruthy();
  });

  it('saves the appointment first, then orders for its item id, and lists the order', async () => {
    const log: string[] = [];
    let placed: Order | undefined;
    const api = server()
      .on('post', '/api/orders', (req) => {
        log.push(`POST /api/orders after ${host.calls.filter((c) => c === 'save').length} save(s)`);
        placed = buildOrder({ providerId, providerName: 'Harbour Kitchen', roomId, totalMinor: 4500 });
        return { status: 201, body: { orders: [placed], skipped: [], echo: req.json } };
      })
      .on('get', '/api/orders/:id', (_req, { id }) =>
        placed?.id === id ? ok({ ...placed, history: [] }) : apiError(404, 'not_found', 'No such order'),
      );
    const { host } = renderTaskpane(api, { appointment, properties: chosenRoom, savedItemId: 'AAMkADsaved=' });
    const user = await openCatering();

    await user.type(screen.getByLabelText('Quantity of Sandwich platter'), '1');
    await user.selectOptions(screen.getByLabelText('Delivery'), '15 minutes before the start');
    await user.type(screen.getByLabelText('Cost center'), 'CC-4711');
    await user.click(screen.getByRole('button', { name: 'Order catering' }));

    // Said beside the Order button, in the cart, and announced politely.
    const cart = screen.getByRole('region', { name: 'Your order' });
    const placedNote = await within(cart).findByText('Your catering order was placed.');
    expect(placedNote.closest('[aria-live]')?.getAttribute('aria-live')).toBe('polite');
    expect(within(cart).getByText(/now on your calendar/)).toBeTruthy();
    expect(log).toEqual(['POST /api/orders after 1 save(s)']);
    expect(host.calls.indexOf('save')).toBeLessThan(host.calls.lastIndexOf('saveProperties'));
    const body = api.requestsTo('post', '/api/orders')[0]?.json;
    expect(body).toMatchObject({
      target: { itemId: 'AAMkADsaved=', roomId },
      lines: [{ itemId: platter.id, quantity: 1 }],
      delivery: { kind: 'before-start', minutes: 15 },
      headcount: 3,
      costCenter: 'CC-4711',
    });
    expect(host.properties.orderIds).toEqual([placed?.id]);
    const orders = screen.getByRole('region', { name: 'Orders for this meeting' });
    expect(await within(orders).findByText('Status: Requested')).toBeTruthy();
  });

  it('says when the order waits for the meeting to be sent, and shows it so in the list', async () => {
    let placed: Order | undefined;
    const api = server()
      .on('post', '/api/orders', () => {
        placed = buildOrder({ providerId, providerName: 'Harbour Kitchen', roomId, awaitingMeeting: true });
        return { status: 201, body: { orders: [placed], skipped: [] } };
      })
      .on('get', '/api/orders/:id', (_req, { id }) =>
        placed?.id === id ? ok({ ...placed, history: [] }) : apiError(404, 'not_found', 'No such order'),
      );
    renderTaskpane(api, { appointment, properties: chosenRoom, savedItemId: 'AAMkADsaved=' });
    const user = await openCatering();

    await user.type(screen.getByLabelText('Quantity of Sandwich platter'), '1');
    await user.click(screen.getByRole('button', { name: 'Order catering' }));

    await screen.findByText(/It waits for the meeting: send the meeting in Outlook/);
    const orders = screen.getByRole('region', { name: 'Orders for this meeting' });
    expect(await within(orders).findByText('Waiting for the meeting to be sent')).toBeTruthy();
    expect(within(orders).getByText(/if the meeting starts without being sent, the order is cancelled/)).toBeTruthy();
  });

  it('does not order when Outlook cannot save the appointment', async () => {
    const api = server();
    renderTaskpane(api, { appointment, properties: chosenRoom, features: { save: false } });
    const user = await openCatering();

    await user.type(screen.getByLabelText('Coffee: servings per person'), '1');

    expect(screen.getByText(/Mailbox 1.3 is needed/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Order catering' })).toHaveProperty('disabled', true);
  });

  it('changes an order placed from this appointment', async () => {
    const order = buildOrder({
      providerId,
      providerName: 'Harbour Kitchen',
      changeCutoffAt: '2099-01-01T00:00:00.000Z',
      headcount: 3,
      lines: [
        {
          itemId: coffee.id,
          name: 'Coffee',
          unit: 'per-person',
          quantity: 1,
          quantityToDeliver: 3,
          unitPriceMinor: 250,
          totalMinor: 750,
        },
      ],
    });
    const api = server()
      .on('get', '/api/orders/:id', () => ok({ ...order, history: [] }))
      .on('patch', '/api/orders/:id', () => ok({ ...order, headcount: 8 }));
    renderTaskpane(api, { appointment, properties: { ...chosenRoom, orderIds: [order.id] } });
    const user = await openCatering();
    const orders = screen.getByRole('region', { name: 'Orders for this meeting' });
    expect(await within(orders).findByText(/^3 × Coffee \(1 per person × 3 people\) · /)).toBeTruthy();
    await user.click(await within(orders).findByRole('button', { name: 'Edit' }));

    expect(screen.getByRole('heading', { name: 'Change the order' })).toBeTruthy();
    expect(screen.getByLabelText('Coffee: servings per person')).toHaveProperty('value', '1');
    await user.clear(screen.getByLabelText('Headcount'));
    await user.type(screen.getByLabelText('Headcount'), '8');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('The order was changed.');
    expect(api.requestsTo('patch', `/api/orders/${order.id}`)[0]?.json).toMatchObject({
      lines: [{ itemId: coffee.id, quantity: 1 }],
      headcount: 8,
    });
  });

  it('cancels an order placed from this appointment', async () => {
    let order = buildOrder({ providerId, providerName: 'Harbour Kitchen', changeCutoffAt: '2099-01-01T00:00:00.000Z' });
    const api = server()
      .on('get', '/api/orders/:id', () => ok({ ...order, history: [] }))
      .on('post', '/api/orders/:id/cancel', () => {
        order = { ...order, status: 'cancelled' };
        return ok(order);
      });
    renderTaskpane(api, { appointment, properties: { ...chosenRoom, orderIds: [order.id] } });
    const user = await openCatering();
    const orders = screen.getByRole('region', { name: 'Orders for this meeting' });
    await within(orders).findByText('Status: Requested');

    await user.click(within(orders).getByRole('button', { name: 'Cancel order' }));

    await waitFor(() => expect(within(orders).getByText('Status: Cancelled')).toBeTruthy());
    expect(api.requestsTo('post', `/api/orders/${order.id}/cancel`)).toHaveLength(1);
    // Beside the list whose Cancel was pressed, not up in the cart.
    expect(within(orders).getByText('The order was cancelled.')).toBeTruthy();
  });

  it('says why an order failed beside the Order button, as an alert', async () => {
    const api = server().on('post', '/api/orders', () =>
      apiError(404, 'not_found', 'No such appointment in the calendar of emma.schmidt@northwind.test'),
    );
    renderTaskpane(api, { appointment, properties: chosenRoom, savedItemId: 'AAMkADsaved=' });
    const user = await openCatering();

    await user.type(screen.getByLabelText('Quantity of Sandwich platter'), '1');
    await user.click(screen.getByRole('button', { name: 'Order catering' }));

    const cart = screen.getByRole('region', { name: 'Your order' });
    const failed = await within(cart).findByText('The order could not be placed.');
    expect(failed.closest('[role="alert"]')?.getAttribute('aria-live')).toBe('assertive');
  });

  it('asks for a room first', async () => {
    renderTaskpane(server(), { appointment });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: 'Catering' }));
    expect(await screen.findByText(/Choose a room on the Rooms tab first/)).toBeTruthy();
  });
});
