/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoomSearchResult } from '../../../../shared/schemas/search';
import { buildRoom, buildUser, pageOf } from '../../../ui/testing/builders';
import { FakeApi, apiError, ok, type FakeReply } from '../../../ui/testing/fakeApi';
import { renderApp, signedInAs } from '../../testing/renderApp';
import { bookingStrings as s } from './strings';
import { buildBooking, heldReply, inTurn, onTestDay } from './testSupport';

/** jsdom's tabster hides the open modal from role queries (see RoomsConnectionPage.test). */
const IN_DIALOG = { hidden: true } as const;
const SEARCH = '/?date=2026-12-07&start=09:00&end=10:00';

const connected = (overrides: Partial<RoomSearchResult>) =>
  buildRoom({
    exchange: { email: 'lighthouse@northwind.test', state: 'verified', checkedAt: null, error: null },
    ...overrides,
  });
const lighthouse = connected({ name: 'Lighthouse' });
const harbour = connected({
  name: 'Harbour',
  exchange: { email: 'harbour@northwind.test', state: 'verified', checkedAt: null, error: null },
});

function server(rooms: RoomSearchResult[] = [lighthouse]): FakeApi {
  return signedInAs(new FakeApi(), buildUser())
    .on('get', '/api/info', ok({ simulatedExchange: false, demo: false }))
    .on('get', '/api/buildings', ok([]))
    .on('get', '/api/floors', ok([]))
    .on('get', '/api/rooms', ok(pageOf(rooms)))
    .on('get', '/api/rooms/:id/schedule', (req, { id }) =>
      ok({ roomId: id, timeZone: 'Europe/Berlin', from: req.query.get('from'), to: req.query.get('to'), entries: [] }),
    );
}

async function openBookingDialog(room = 'Lighthouse') {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: s.bookRoom(room) }));
  const dialog = await screen.findByRole('dialog', IN_DIALOG);
  return { user, dialog };
}

const input = (dialog: HTMLElement, label: string) =>
  within(dialog).getByLabelText(label, { exact: false, selector: 'input' });

type User = ReturnType<typeof userEvent.setup>;

/** Pasted rather than typed key by key: the same events for the form, a fraction of the time in jsdom. */
async function enter(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function fillSubjectAndBook(user: User, dialog: HTMLElement) {
  await enter(user, input(dialog, s.subject), 'Quarterly review');
  await user.click(within(dialog).getByRole('button', { name: s.submit, ...IN_DIALOG }));
}

describe('booking a room from the search', () => {
  it('sends the form with the search window and follows the booking from pending to confirmed', async () => {
    const poll = heldReply();
    const pending = buildBooking({ roomId: lighthouse.id, status: 'pending', subject: 'Quarterly review' });
    const api = server()
      .on('post', '/api/bookings', { status: 201, body: pending })
      .on('get', '/api/bookings/:id', () => poll.reply);
    renderApp(api, SEARCH);
    const { user, dialog } = await openBookingDialog();

    expect(input(dialog, s.start)).toHaveProperty('value', '09:00');
    expect(input(dialog, s.end)).toHaveProperty('value', '10:00');
    await enter(user, input(dialog, s.subject), 'Quarterly review');
    await enter(user, input(dialog, s.attendees), 'ann@northwind.test, bob@northwind.test');
    await enter(user, within(dialog).getByLabelText(s.description, { selector: 'textarea' }), 'Numbers for Q4');
    await user.click(within(dialog).getByRole('switch', { name: s.private, ...IN_DIALOG }));
    await enter(user, input(dialog, s.onlineMeetingUrl), 'https://meet.northwind.test/q4');
    await user.click(within(dialog).getByRole('button', { name: s.submit, ...IN_DIALOG }));

    expect(await within(dialog).findByText(s.waiting)).toBeTruthy();
    const [sent] = api.requestsTo('post', '/api/bookings');
    expect(sent?.json).toEqual({
      roomId: lighthouse.id,
      start: expect.stringMatching(/^2026-12-07T09:00:00[+-]\d\d:\d\d$/),
      end: expect.stringMatching(/^2026-12-07T10:00:00[+-]\d\d:\d\d$/),
      subject: 'Quarterly review',
      attendees: ['ann@northwind.test', 'bob@northwind.test'],
      description: 'Numbers for Q4',
      private: true,
      onlineMeetingUrl: 'https://meet.northwind.test/q4',
    });
    const body = sent?.json as { start: string; end: string };
    expect(Date.parse(body.start)).toBe(onTestDay(9));
    expect(Date.parse(body.end)).toBe(onTestDay(10));
    await waitFor(() => expect(api.requestsTo('get', `/api/bookings/${pending.id}`)).toHaveLength(1));
    expect(api.requestsTo('get', `/api/bookings/${pending.id}`)[0]?.query.get('wait')).toBe('10');

    poll.release(ok({ ...pending, status: 'confirmed' }));

    expect(await within(dialog).findByText(s.confirmedTitle)).toBeTruthy();
    expect(within(dialog).getByText(/Lighthouse is yours/)).toBeTruthy();
    expect(within(dialog).queryByText(s.waiting)).toBeNull();
  });

  it('reads the results and the room’s day again once the booking is confirmed', async () => {
    // Issue #13, defect 3: after "Booked… Done" the room still showed "Free" until the next search.
    const confirmed = buildBooking({ roomId: lighthouse.id, status: 'confirmed', subject: 'Quarterly review' });
    const taken = { start: new Date(onTestDay(9)).toISOString(), end: new Date(onTestDay(10)).toISOString() };
    let booked = false;
    const api = server()
      .on('get', '/api/rooms', () =>
        ok(pageOf([booked ? { ...lighthouse, availability: { state: 'busy', busy: [taken] } } : lighthouse])),
      )
      .on('get', '/api/rooms/:id/schedule', (req, { id }) =>
        ok({
          roomId: id,
          timeZone: 'Europe/Berlin',
          from: req.query.get('from'),
          to: req.query.get('to'),
          entries: booked
            ? [
                {
                  id: confirmed.id,
                  ...taken,
                  subject: 'Quarterly review',
                  organizer: null,
                  attendees: [],
                  isPrivate: false,
                  status: 'confirmed',
                  source: 'app',
                },
              ]
            : [],
        }),
      )
      .on('post', '/api/bookings', () => {
        booked = true;
        return { status: 201, body: confirmed };
      });
    renderApp(api, SEARCH);
    const card = (await screen.findByRole('heading', { name: 'Lighthouse', level: 3 })).closest('li') as HTMLElement;
    expect(within(card).getByText('Free')).toBeTruthy();
    const { user, dialog } = await openBookingDialog();
    await fillSubjectAndBook(user, dialog);
    expect(await within(dialog).findByText(s.confirmedTitle)).toBeTruthy();

    // Behind the confirmation, before "Done": the card already shows the room taken.
    await waitFor(() => expect(within(card).getByText('Busy')).toBeTruthy());
    await waitFor(() => expect(within(card).getAllByTestId('busy-block')).toHaveLength(1));
    expect(within(card).queryByText('Free')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: s.done, ...IN_DIALOG }));
    expect(within(card).getByText('Busy')).toBeTruthy();
  });

  it('asks for a subject before anything is sent', async () => {
    const api = server();
    renderApp(api, SEARCH);
    const { user, dialog } = await openBookingDialog();

    await user.click(within(dialog).getByRole('button', { name: s.submit, ...IN_DIALOG }));

    expect(await within(dialog).findByText(s.subjectRequired)).toBeTruthy();
    expect(api.requestsTo('post', '/api/bookings')).toHaveLength(0);
  });

  it('shows the conflicting times and books the chosen alternative with one click', async () => {
    const conflict = {
      conflicts: [{ start: new Date(onTestDay(9, 30)).toISOString(), end: new Date(onTestDay(10, 30)).toISOString() }],
      heldBy: [
        {
          start: new Date(onTestDay(9, 30)).toISOString(),
          end: new Date(onTestDay(10, 30)).toISOString(),
          organizer: 'Olga Organizer',
          subject: 'Budget review',
        },
      ],
      alternatives: [
        {
          kind: 'other-room',
          roomId: harbour.id,
          roomName: 'Harbour',
          start: new Date(onTestDay(9)).toISOString(),
          end: new Date(onTestDay(10)).toISOString(),
        },
        {
          kind: 'other-time',
          roomId: lighthouse.id,
          roomName: 'Lighthouse',
          start: new Date(onTestDay(10, 30)).toISOString(),
          end: new Date(onTestDay(11, 30)).toISOString(),
        },
      ],
    };
    const booked = buildBooking({ roomId: harbour.id, roomName: 'Harbour', status: 'confirmed' });
    const api = server([lighthouse, harbour]).on(
      'post',
      '/api/bookings',
      inTurn(apiError(409, 'conflict', 'The room is already booked at that time.', conflict), {
        status: 201,
        body: booked,
      }),
    );
    renderApp(api, SEARCH);
    const { user, dialog } = await openBookingDialog();
    await fillSubjectAndBook(user, dialog);

    expect(await within(dialog).findByText(s.conflictTitle)).toBeTruthy();
    expect(within(dialog).getByText(s.conflictTimes('09:30–10:30'))).toBeTruthy();
    // Who holds the room, as the API let this reader see it.
    expect(within(dialog).getByText('09:30–10:30: held by Olga Organizer (Budget review).')).toBeTruthy();
    const choices = within(dialog)
      .getAllByRole('button', { name: /^Book (Harbour|Lighthouse)/, ...IN_DIALOG })
      .map((b) => b.getAttribute('aria-label'));
    expect(choices).toEqual([
      s.bookAlternative('Harbour, 09:00–10:00'),
      expect.stringMatching(/^Book Lighthouse at .*10:30–11:30$/),
    ]);

    await user.click(
      within(dialog).getByRole('button', { name: s.bookAlternative('Harbour, 09:00–10:00'), ...IN_DIALOG }),
    );

    expect(await within(dialog).findByText(s.confirmedTitle)).toBeTruthy();
    const second = api.requestsTo('post', '/api/bookings')[1]?.json as Record<string, unknown>;
    expect(second).toMatchObject({
      roomId: harbour.id,
      start: conflict.alternatives[0]?.start,
      end: conflict.alternatives[0]?.end,
      subject: 'Quarterly review',
    });
  });

  it('tells why Exchange declined the booking', async () => {
    const reason = 'The room declined: it is booked at that time in Outlook.';
    const pending = buildBooking({ roomId: lighthouse.id, status: 'pending' });
    const api = server()
      .on('post', '/api/bookings', { status: 201, body: pending })
      .on('get', '/api/bookings/:id', ok({ ...pending, status: 'declined', declinedReason: reason }));
    renderApp(api, SEARCH);
    const { user, dialog } = await openBookingDialog();
    await fillSubjectAndBook(user, dialog);

    expect(await within(dialog).findByText(s.declinedTitle)).toBeTruthy();
    expect(within(dialog).getByText(reason)).toBeTruthy();
    // The form comes back with what was typed, to try another time.
    await user.click(within(dialog).getByRole('button', { name: s.tryAgain, ...IN_DIALOG }));
    expect(input(dialog, s.subject)).toHaveProperty('value', 'Quarterly review');
  });

  it.each<[string, FakeReply, string]>([
    [
      'read-only mode',
      apiError(403, 'forbidden', 'Booking in Roomserve is switched off.', { violations: ['installation-read-only'] }),
      'Booking in Roomserve is switched off.',
    ],
    [
      'a booking that is too long',
      apiError(422, 'unprocessable', 'This room can be booked for at most 120 minutes.', { violations: ['too-long'] }),
      'This room can be booked for at most 120 minutes.',
    ],
    ['Exchange down', apiError(503, 'unavailable', 'Exchange cannot be reached'), s.errors.unavailable],
  ])('says in words when the server refuses: %s', async (_case, reply, text) => {
    const api = server().on('post', '/api/bookings', reply);
    renderApp(api, SEARCH);
    const { user, dialog } = await openBookingDialog();
    await fillSubjectAndBook(user, dialog);

    expect(await within(dialog).findByText(s.errors.title)).toBeTruthy();
    expect(within(dialog).getByText(text)).toBeTruthy();
  });

  it('offers no booking for a room that is not connected to Exchange', async () => {
    renderApp(server([buildRoom({ name: 'Attic' })]), SEARCH);
    expect(await screen.findByRole('heading', { name: 'Attic', level: 3 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: s.bookRoom('Attic') })).toBeNull();
  });

  it('offers Book only on rooms open to the user: an external books guest rooms, staff internal ones', async () => {
    // Issue #13, defect 8: externals saw a Book button on every room and learnt "internal use only"
    // after filling in the form. The server lists externals only guest rooms; should a room open to
    // staff only reach the page anyway, it still offers no Book.
    const guestRoom = connected({ name: 'Guest lounge', bookableInternal: false, bookableExternal: true });
    const staffRoom = connected({ name: 'Board room', bookableInternal: true, bookableExternal: false });
    const guest = signedInAs(new FakeApi(), buildUser({ role: 'external', email: 'gina@partner.test' }))
      .on('get', '/api/info', ok({ simulatedExchange: false, demo: false }))
      .on('get', '/api/buildings', ok([]))
      .on('get', '/api/floors', ok([]))
      .on('get', '/api/rooms', ok(pageOf([guestRoom, staffRoom])))
      .on('get', '/api/rooms/:id/schedule', (req, { id }) =>
        ok({
          roomId: id,
          timeZone: 'Europe/Berlin',
          from: req.query.get('from'),
          to: req.query.get('to'),
          entries: [],
        }),
      );
    const { unmount } = renderApp(guest, SEARCH);
    expect(await screen.findByRole('button', { name: s.bookRoom('Guest lounge') })).toBeTruthy();
    expect(screen.queryByRole('button', { name: s.bookRoom('Board room') })).toBeNull();
    unmount();

    renderApp(server([guestRoom, staffRoom]), SEARCH);
    expect(await screen.findByRole('button', { name: s.bookRoom('Board room') })).toBeTruthy();
    expect(screen.queryByRole('button', { name: s.bookRoom('Guest lounge') })).toBeNull();
  });
});
