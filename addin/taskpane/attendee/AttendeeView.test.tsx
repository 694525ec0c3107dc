/** @jest-environment jsdom */
import '../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { buildRoom, pageOf } from '../../ui/testing/builders';
import { FakeApi, ok } from '../../ui/testing/fakeApi';
import { renderTaskpane } from '../testing/renderTaskpane';

const anchor = buildRoom({
  name: 'Anchor',
  exchange: { email: 'anchor@northwind.test', state: 'verified', checkedAt: null, error: null },
});
const galley = buildRoom({ name: 'Galley' });

const attendeeOrder = {
  id: '7a0c54a2-3a4f-4d8e-9d43-6b1f7f1f2f10',
  status: 'accepted' as const,
  needsAttention: false,
  delivery: { kind: 'before-start' as const, minutes: 15 },
  deliveryAt: '2099-01-01T09:45:00.000Z',
  roomName: 'Anchor',
  buildingName: 'Harbour House',
  timeZone: 'Europe/Berlin',
  providerName: 'Harbour Kitchen',
  headcount: 6,
  lines: [{ name: 'Coffee', unit: 'per-person' as const, quantity: 1, quantityToDeliver: 6 }],
};

describe('the attendee view', () => {
  it('shows the meeting’s room and its catering by the item’s id, without anything to change', async () => {
    const api = new FakeApi()
      .on('get', '/api/rooms', ok(pageOf([galley, anchor])))
      .on('get', '/api/orders/of-item', ok([attendeeOrder]));
    renderTaskpane(api, {
      mode: 'attendee',
      appointment: {
        mode: 'attendee',
        itemId: 'AAMkADattendee-copy=',
        requiredAttendees: [{ name: 'Anchor', email: 'ANCHOR@northwind.test' }],
        location: 'Anchor, Harbour House',
      },
    });

    const room = await screen.findByRole('region', { name: 'Room' });
    expect(await within(room).findByText('Anchor')).toBeTruthy();
    expect(within(room).queryByText('Galley')).toBeNull();
    const catering = screen.getByRole('region', { name: 'Catering' });
    const card = await within(catering).findByRole('group', { name: 'Harbour Kitchen' });
    // 1 per person for 6 people: the attendee sees the 6 coffees that arrive.
    expect(within(card).getByText('6 × Coffee (1 per person × 6 people)')).toBeTruthy();
    expect(within(card).getByText('Status: Accepted')).toBeTruthy();
    expect(api.requestsTo('get', '/api/orders/of-item').map((r) => r.query.get('itemId'))).toContain(
      'AAMkADattendee-copy=',
    );
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add to meeting' })).toBeNull();
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('says catering shows once the meeting is saved when the item has no id yet', async () => {
    const api = new FakeApi().on('get', '/api/rooms', ok(pageOf([anchor])));
    renderTaskpane(api, { mode: 'attendee', appointment: { mode: 'attendee', itemId: undefined } });

    const catering = await screen.findByRole('region', { name: 'Catering' });
    expect(await within(catering).findByText('Catering shows here once the meeting is saved in Outlook.')).toBeTruthy();
    expect(api.requestsTo('get', '/api/orders/of-item')).toEqual([]);
  });
});
