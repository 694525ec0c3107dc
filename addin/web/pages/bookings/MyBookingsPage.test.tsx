/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Booking, MyBooking } from '../../../../shared/schemas/bookings';
import { buildRoom, buildUser, pageOf } from '../../../ui/testing/builders';
import { FakeApi, apiError, noContent, ok } from '../../../ui/testing/fakeApi';
import { renderApp, signedInAs } from '../../testing/renderApp';
import { bookingStrings as s } from './strings';
import { buildOrder } from '../facility/testSupport';
import { formatWhen } from './format';
import { buildBooking, heldReply, inTurn, onTestDay } from './testSupport';

/** @timezone-sensitive: times show on the browser's clock, the building's beside them where they differ. */

/** jsdom's tabster hides the open modal from role queries (see RoomsConnectionPage.test). */
const IN_DIALOG = { hidden: true } as const;

const harbour = buildRoom({
  name: 'Harbour',
  exchange: { email: 'harbour@northwind.test', state: 'verified', checkedAt: null, error: null },
});

/** Bookings as My bookings lists them: not events unless a test says so. */
const mine = (list: (Booking | MyBooking)[]): MyBooking[] => list.map((b) => ({ eventId: null, ...b }));

function server(...lists: (Booking | MyBooking)[][]): FakeApi {
  return signedInAs(new FakeApi(), buildUser())
    .on('get', '/api/info', ok({ simulatedExchange: false, demo: false }))
    .on('get', '/api/bookings', inTurn(...lists.map((list) => ok(mine(list)))))
    .on('get', '/api/rooms', ok(pageOf([harbour])));
}

const itemOf = (subject: string): HTMLElement => {
  const card = screen.getByRole('heading', { name: subject, level: 2 }).closest('li');
  if (!card) throw new Error(`no booking "${subject}"`);
  return card;
};

describe('My bookings', () => {
  it('shows the building’s time and zone beside the browser’s where the two clocks differ', async () => {
    // 09:00 UTC is 18:00 in Tokyo, whichever zone this test pass runs in (UTC or Berlin).
    const far = buildBooking({
      subject: 'Tokyo sync',
      timeZone: 'Asia/Tokyo',
      start: '2026-12-07T09:00:00.000Z',
      end: '2026-12-07T10:00:00.000Z',
    });
    const near = buildBooking({ subject: 'Team sync' });
    renderApp(server([far, near]), '/bookings');

    await screen.findByRole('heading', { name: 'Tokyo sync', level: 2 });
    const browserClock = new Date(far.start).getHours().toString().padStart(2, '0');
    expect(
      within(itemOf('Tokyo sync')).getByText(new RegExp(`${browserClock}:00–\\d{2}:00 \\(18:00–19:00 Asia/Tokyo\\)$`)),
    ).toBeTruthy();
    // A building on the browser's own clocks needs no second time.
    expect(within(itemOf('Team sync')).getByText(/09:00–10:00$/)).toBeTruthy();
  });

  it('is in the nav and lists upcoming bookings with status, room and time', async () => {
    const waiting = heldReply();
    const confirmed = buildBooking({ subject: 'Team sync', roomName: 'Lighthouse' });
    const pending = buildBooking({ subject: 'Budget', roomName: 'Harbour', status: 'pending' });
    const declined = buildBooking({
      subject: 'Offsite prep',
      status: 'declined',
      declinedReason: 'The room is booked at that time in Outlook.',
    });
    const api = server([confirmed, pending, declined]).on('get', '/api/bookings/:id', () => waiting.reply);
    renderApp(api, '/bookings');

    expect(await screen.findByRole('heading', { name: s.my.title, level: 1 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'My bookings' })).toBeTruthy();
    await screen.findByRole('heading', { name: 'Team sync', level: 2 });
    expect(within(itemOf('Team sync')).getByText(s.my.status.confirmed)).toBeTruthy();
    expect(within(itemOf('Team sync')).getByText('Lighthouse')).toBeTruthy();
    expect(within(itemOf('Team sync')).getByText(/09:00–10:00/)).toBeTruthy();
    expect(within(itemOf('Budget')).getByText(s.my.status.pending)).toBeTruthy();
    expect(within(itemOf('Offsite prep')).getByText(s.my.status.declined)).toBeTruthy();
    expect(
      within(itemOf('Offsite prep')).getByText(s.my.declinedBecause('The room is booked at that time in Outlook.')),
    ).toBeTruthy();
    // Only a confirmed booking can be moved; a declined one has nothing left to cancel.
    expect(within(itemOf('Budget')).queryByRole('button', { name: s.my.moveLabel('Budget') })).toBeNull();
    expect(within(itemOf('Offsite prep')).queryByRole('button', { name: s.my.cancelLabel('Offsite prep') })).toBeNull();
    // The pending one is followed until Exchange answers.
    await waitFor(() => expect(api.requestsTo('get', `/api/bookings/${pending.id}`)).toHaveLength(1));
    waiting.release(ok({ ...pending, status: 'confirmed' }));
    expect(await within(itemOf('Budget')).findByText(s.my.status.confirmed)).toBeTruthy();
  });

  it('reports a declined move and keeps the original time', async () => {
    const user = userEvent.setup();
    const booking = buildBooking({ subject: 'Team sync' });
    const message = 'The room declined the change (it is taken then); the booking keeps its earlier time and room.';
    const api = server([booking]).on(
      'patch',
      '/api/bookings/:id',
      apiError(409, 'conflict', message, { outcome: 'declined' }),
    );
    renderApp(api, '/bookings');

    await user.click(await screen.findByRole('button', { name: s.my.moveLabel('Team sync') }));
    const dialog = await screen.findByRole('dialog', IN_DIALOG);
    const field = (label: string) => within(dialog).getByLabelText(label, { exact: false, selector: 'input' });
    await user.clear(field(s.start));
    await user.type(field(s.start), '14:00');
    await user.clear(field(s.end));
    await user.type(field(s.end), '15:00');
    await user.click(within(dialog).getByRole('button', { name: s.move.submit, ...IN_DIALOG }));

    expect(await within(dialog).findByText(message)).toBeTruthy();
    expect(within(dialog).getByText(s.errors.moveTitle)).toBeTruthy();
    const [patch] = api.requestsTo('patch', `/api/bookings/${booking.id}`);
    const body = patch?.json as { start: string; end: string };
    expect(Object.keys(body).sort()).toEqual(['end', 'start']);
    expect(Date.parse(body.start)).toBe(onTestDay(14));
    expect(Date.parse(body.end)).toBe(onTestDay(15));

    await user.click(within(dialog).getByRole('button', { name: s.cancel, ...IN_DIALOG }));
    // The list is read again and still shows the earlier time.
    await waitFor(() => expect(api.requestsTo('get', '/api/bookings')).toHaveLength(2));
    // Once the closing dialog no longer hides the page from role queries.
    await waitFor(() => expect(within(itemOf('Team sync')).getByText(/09:00–10:00/)).toBeTruthy());
  });

  it('moves into another room and shows where it is now', async () => {
    const user = userEvent.setup();
    const booking = buildBooking({ subject: 'Team sync' });
    const moved = { ...booking, roomId: harbour.id, roomName: 'Harbour' };
    const api = server([booking], [moved]).on('patch', '/api/bookings/:id', ok(moved));
    renderApp(api, '/bookings');

    await user.click(await screen.findByRole('button', { name: s.my.moveLabel('Team sync') }));
    const dialog = await screen.findByRole('dialog', IN_DIALOG);
    const room = within(dialog).getByLabelText(s.move.room, { selector: 'select' });
    await within(room).findByRole('option', { name: /^Harbour/, hidden: true });
    await user.selectOptions(room, harbour.id);
    await user.click(within(dialog).getByRole('button', { name: s.move.submit, ...IN_DIALOG }));

    // The confirmation reads "Moved" then "Harbour is yours …", never "Booked Moved. …".
    const note = await within(dialog).findByRole('status');
    await waitFor(() => expect(note.textContent).toMatch(/^MovedHarbour is yours /));
    expect(within(note).queryByText(/Booked/)).toBeNull();
    expect(api.requestsTo('patch', `/api/bookings/${booking.id}`)[0]?.json).toEqual({ roomId: harbour.id });
  });

  it('shows the new time behind the confirmation as soon as the move is confirmed', async () => {
    // Issue #13, defect 3: the list behind "Moved." still showed the old time.
    const user = userEvent.setup();
    const booking = buildBooking({ subject: 'Team sync' });
    const later = { start: new Date(onTestDay(11)).toISOString(), end: new Date(onTestDay(12)).toISOString() };
    const moved = { ...booking, ...later };
    const api = server([booking], [moved]).on('patch', '/api/bookings/:id', ok(moved));
    renderApp(api, '/bookings');
    await screen.findByRole('heading', { name: 'Team sync', level: 2 });
    expect(within(itemOf('Team sync')).getByText(formatWhen(booking.start, booking.end))).toBeTruthy();

    await user.click(screen.getByRole('button', { name: s.my.moveLabel('Team sync') }));
    const dialog = await screen.findByRole('dialog', IN_DIALOG);
    fireEvent.change(within(dialog).getByLabelText(s.end, { exact: false, selector: 'input' }), {
      target: { value: '12:00' },
    });
    fireEvent.change(within(dialog).getByLabelText(s.start, { exact: false, selector: 'input' }), {
      target: { value: '11:00' },
    });
    await user.click(within(dialog).getByRole('button', { name: s.move.submit, ...IN_DIALOG }));
    expect(await within(dialog).findByText('Moved')).toBeTruthy();

    // The dialog is still open (so the list is hidden from role queries): the list behind it has been read again.
    const behind = screen
      .getByRole('heading', { name: 'Team sync', level: 2, hidden: true })
      .closest('li') as HTMLElement;
    await waitFor(() => expect(within(behind).getByText(formatWhen(later.start, later.end))).toBeTruthy());
    expect(screen.getByRole('dialog', IN_DIALOG)).toBeTruthy();
  });

  it('shows each booking’s catering, and the cancel dialog says its open orders go with it', async () => {
    // Issue #13, defect 9: My bookings never showed catering, and cancelling did not mention it.
    const user = userEvent.setup();
    const booking = buildBooking({ subject: 'Board meeting' });
    const croissants = buildOrder({ bookingId: booking.id, status: 'accepted' });
    const coffee = buildOrder({
      bookingId: booking.id,
      providerName: 'Harbour Kitchen',
      lines: [
        {
          itemId: croissants.id,
          name: 'Coffee pot',
          unit: 'per-item',
          quantity: 2,
          quantityToDeliver: 2,
          unitPriceMinor: 250,
          totalMinor: 500,
        },
      ],
    });
    const declined = buildOrder({ bookingId: booking.id, status: 'declined', providerName: 'Far Bakery' });
    const elsewhere = buildOrder({ bookingId: null });
    const api = server([booking]).on('get', '/api/orders', ok([croissants, coffee, declined, elsewhere]));
    renderApp(api, '/bookings');
    await screen.findByRole('heading', { name: 'Board meeting', level: 2 });

    const catering = await within(itemOf('Board meeting')).findByRole('list', { name: s.catering.label });
    expect(
      within(catering)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Northwind Kitchen: 8 × Butter croissant (1 per person × 8 people) (accepted)',
      'Harbour Kitchen: 2 × Coffee pot (requested)',
      'Far Bakery: 8 × Butter croissant (1 per person × 8 people) (declined)',
    ]);
    expect(api.requestsTo('get', '/api/orders')[0]?.query.get('includeClosed')).toBe('true');

    await user.click(within(itemOf('Board meeting')).getByRole('button', { name: s.my.cancelLabel('Board meeting') }));
    const dialog = await screen.findByRole('alertdialog', IN_DIALOG);
    // The declined order is over already; the two open ones are cancelled with the booking.
    expect(within(dialog).getByText(s.cancelDialog.orders(2))).toBeTruthy();
    expect(s.cancelDialog.orders(2)).toBe('Its 2 catering orders will be cancelled too, and the caterers told.');
  });

  it('links a booking planned as an event to its event page, and a plain booking to none', async () => {
    const event = buildBooking({ subject: 'Quarterly review' });
    const plain = buildBooking({ subject: 'Team sync' });
    renderApp(server([{ ...event, eventId: event.id }, plain]), '/bookings');

    await screen.findByRole('heading', { name: 'Quarterly review', level: 2 });
    const link = within(itemOf('Quarterly review')).getByRole('link', {
      name: s.my.openEventLabel('Quarterly review'),
    });
    expect(link.getAttribute('href')).toBe(`/events/${event.id}`);
    expect(within(itemOf('Team sync')).queryByRole('link')).toBeNull();
  });

  it('cancels a booking after asking', async () => {
    const user = userEvent.setup();
    const booking = buildBooking({ subject: 'Team sync' });
    const api = server([booking], []).on('delete', '/api/bookings/:id', noContent());
    renderApp(api, '/bookings');

    await user.click(await screen.findByRole('button', { name: s.my.cancelLabel('Team sync') }));
    const dialog = await screen.findByRole('alertdialog', IN_DIALOG);
    expect(within(dialog).getByText(s.cancelDialog.title)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: s.cancelDialog.confirm, ...IN_DIALOG }));

    expect(await screen.findByText(s.cancelDialog.cancelled('Team sync'))).toBeTruthy();
    expect(api.requestsTo('delete', `/api/bookings/${booking.id}`)).toHaveLength(1);
    expect(await screen.findByText(s.my.empty)).toBeTruthy();
  });

  it('shows the list as read again after a change, not what an earlier long poll said', async () => {
    const user = userEvent.setup();
    const pending = buildBooking({ subject: 'Budget', status: 'pending' });
    const api = server([pending], [{ ...pending, status: 'cancelled', declinedReason: 'Cancelled in Roomserve.' }])
      .on('get', '/api/bookings/:id', ok({ ...pending, status: 'confirmed' }))
      .on('delete', '/api/bookings/:id', noContent());
    renderApp(api, '/bookings');
    await screen.findByRole('heading', { name: 'Budget', level: 2 });
    expect(await within(itemOf('Budget')).findByText(s.my.status.confirmed)).toBeTruthy();

    await user.click(within(itemOf('Budget')).getByRole('button', { name: s.my.cancelLabel('Budget') }));
    const dialog = await screen.findByRole('alertdialog', IN_DIALOG);
    await user.click(within(dialog).getByRole('button', { name: s.cancelDialog.confirm, ...IN_DIALOG }));

    await waitFor(() => expect(within(itemOf('Budget')).getByText(s.my.status.cancelled)).toBeTruthy());
  });
});
