/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EventView } from '../../../../shared/schemas/events';
import { buildLocationRoom, buildUser } from '../../../ui/testing/builders';
import { FakeApi, apiError, ok } from '../../../ui/testing/fakeApi';
import { dateText, localDate } from '../../../ui/time';
import { renderApp, signedInAs } from '../../testing/renderApp';
import { eventStrings as s } from './strings';

const elbe = buildLocationRoom({ name: 'Elbe' });
const alster = buildLocationRoom({ name: 'Alster' });
const today = dateText(new Date());

function server(mode: 'simple' | 'events' = 'events') {
  return signedInAs(new FakeApi(), buildUser())
    .on('get', '/api/booking-mode', ok({ mode }))
    .on('get', '/api/favourites/rooms', ok({ roomIds: [elbe.id, alster.id] }))
    .on('get', '/api/rooms/:id', (_req, { id }) => ok(id === elbe.id ? elbe : alster))
    .on('get', '/api/rooms/:id/schedule', (req, { id }) =>
      ok({
        roomId: id,
        timeZone: 'Europe/Berlin',
        from: req.query.get('from'),
        to: req.query.get('to'),
        entries:
          id === elbe.id
            ? [
                {
                  id: '00000000-0000-4000-8000-000000000901',
                  start: localDate(today, '10:00').toISOString(),
                  end: localDate(today, '11:00').toISOString(),
                  subject: 'Taken',
                  organizer: null,
                  attendees: [],
                  isPrivate: false,
                  status: 'confirmed',
                  source: 'exchange',
                },
              ]
            : [],
        closed: [],
      }),
    )
    .on('get', '/api/directory/people', (req) =>
      ok({
        items: (req.query.get('q') ?? '').toLowerCase().startsWith('lu')
          ? [{ name: 'Lukas Meyer', email: 'lukas.meyer@northwind.test' }]
          : [],
      }),
    );
}

const cell = (room: string, time: string, free = true) =>
  screen.getByRole('button', { name: (free ? s.free : s.busy)(room, time) });

describe('the events page', () => {
  it('shows the favourite rooms’ day: free cells to pick, busy ones disabled', async () => {
    renderApp(server(), '/events');
    const grid = await screen.findByRole('table', { name: s.gridLabel });
    expect(within(grid).getByRole('rowheader', { name: 'Elbe' })).toBeTruthy();
    expect(within(grid).getByRole('rowheader', { name: 'Alster' })).toBeTruthy();
    expect((cell('Elbe', '10:00', false) as HTMLButtonElement).disabled).toBe(true);
    expect((cell('Elbe', '09:30') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows the week: each day’s free time per room, and a day opens its grid', async () => {
    const user = userEvent.setup();
    const api = server();
    renderApp(api, '/events');
    await screen.findByRole('table', { name: s.gridLabel });
    await user.click(screen.getByRole('tab', { name: s.weekView }));
    const week = await screen.findByRole('table', { name: s.weekLabel });
    expect(within(week).getAllByRole('columnheader')).toHaveLength(8);
    const longDay = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(
      localDate(today, '12:00'),
    );
    const elbeToday = within(week).getByRole('button', { name: s.week.cell('Elbe', longDay, s.week.free('12 h')) });
    expect(within(week).getByRole('button', { name: s.week.cell('Alster', longDay, s.week.allFree) })).toBeTruthy();
    const asked = api.requestsTo('get', `/api/rooms/${elbe.id}/schedule`).at(-1)?.query;
    expect(Date.parse(asked?.get('to') ?? '') - Date.parse(asked?.get('from') ?? '')).toBeGreaterThan(6 * 86_400_000);

    await user.click(elbeToday);
    await screen.findByRole('table', { name: s.gridLabel });
    expect((cell('Elbe', '10:00', false) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lets those who may invite a guest, and says so clearly past the daily limit', async () => {
    const user = userEvent.setup();
    let sent = 0;
    const api = server()
      .on('get', '/api/externals/invitation-rights', ok({ mayInvite: true, perDay: 1 }))
      .on('post', '/api/externals/invitations', (req) => {
        sent += 1;
        if (sent > 1) return apiError(429, 'rate_limited');
        const body = req.json as { name: string; email: string };
        return ok({
          externalId: '00000000-0000-4000-8000-000000000777',
          email: body.email,
          name: body.name,
          company: null,
          expiresAt: new Date().toISOString(),
          link: null,
        });
      });
    renderApp(api, '/events');
    await user.click(await screen.findByRole('button', { name: s.invite.open }));
    await user.type(await screen.findByRole('textbox', { hidden: true, name: s.invite.name }), 'Gina Guest');
    await user.type(screen.getByRole('textbox', { hidden: true, name: s.invite.email }), 'gina@partner.example');
    await user.click(screen.getByRole('button', { hidden: true, name: s.invite.send }));
    expect(await screen.findByText(s.invite.sent('Gina Guest', 'gina@partner.example'))).toBeTruthy();
    expect(api.requestsTo('post', '/api/externals/invitations')[0]?.json).toEqual({
      name: 'Gina Guest',
      email: 'gina@partner.example',
    });

    await user.type(screen.getByRole('textbox', { hidden: true, name: s.invite.name }), 'Otto Other');
    await user.type(screen.getByRole('textbox', { hidden: true, name: s.invite.email }), 'otto@partner.example');
    await user.click(screen.getByRole('button', { hidden: true, name: s.invite.send }));
    expect(await screen.findByText(s.invite.tooMany(1))).toBeTruthy();
  });

  it('offers no guest invitation to those who may not invite', async () => {
    renderApp(
      server().on('get', '/api/externals/invitation-rights', ok({ mayInvite: false, perDay: null })),
      '/events',
    );
    await screen.findByRole('table', { name: s.gridLabel });
    expect(screen.queryByRole('button', { name: s.invite.open })).toBeNull();
  });

  it('says so when event management is off', async () => {
    renderApp(server('simple'), '/events');
    expect(await screen.findByText(s.modeOff)).toBeTruthy();
  });

  it('drags over free time, finds an attendee in the directory, adds a guest, and sends the event', async () => {
    const user = userEvent.setup();
    const created: EventView = {
      id: '00000000-0000-4000-8000-000000000777',
      roomId: elbe.id,
      roomName: 'Elbe',
      timeZone: 'Europe/Berlin',
      start: localDate(today, '08:00').toISOString(),
      end: localDate(today, '09:00').toISOString(),
      title: 'Kick-off',
      description: '',
      descriptionIsHtml: false,
      onlineMeetingUrl: null,
      private: true,
      status: 'pending',
      declinedReason: null,
      organizerEmail: 'emma.schmidt@northwind.test',
      attendees: [],
      recurrence: null,
      occurrences: [],
    };
    const api = server()
      .on('post', '/api/events', { status: 201, body: created })
      .on('get', '/api/bookings/:id', apiError(404, 'not_found', 'gone'))
      .on('get', '/api/events/:id', ok({ ...created, status: 'confirmed' }));
    renderApp(api, '/events');
    await screen.findByRole('table', { name: s.gridLabel });

    // A drag from 08:00 into the busy 10:00 stops before it: 08:00–10:00.
    fireEvent.pointerDown(cell('Elbe', '08:00'));
    fireEvent.pointerEnter(cell('Elbe', '08:30'));
    fireEvent.pointerEnter(cell('Elbe', '09:30'));
    fireEvent.pointerUp(cell('Elbe', '09:30'));
    const form = await screen.findByRole('form', { name: s.form.title('Elbe') });

    await user.type(within(form).getByRole('textbox', { name: s.form.name }), 'Kick-off');
    const picker = within(form).getByRole('textbox', { name: s.form.attendees });
    await user.type(picker, 'luk');
    await user.click(
      await within(form).findByRole('button', { name: s.form.add('Lukas Meyer <lukas.meyer@northwind.test>') }),
    );
    await user.type(picker, 'guest@partner.example{Enter}');
    await user.click(within(form).getAllByRole('switch', { name: s.form.optional })[1] as HTMLElement);
    await user.click(within(form).getByRole('checkbox', { name: s.form.private }));
    await user.click(within(form).getByRole('button', { name: s.form.send }));

    await waitFor(() => expect(api.requestsTo('post', '/api/events')).toHaveLength(1));
    expect(api.requestsTo('post', '/api/events')[0]?.json).toEqual({
      roomId: elbe.id,
      start: localDate(today, '08:00').toISOString(),
      end: localDate(today, '10:00').toISOString(),
      title: 'Kick-off',
      attendees: [
        { email: 'lukas.meyer@northwind.test', type: 'required' },
        { email: 'guest@partner.example', type: 'optional' },
      ],
      description: '',
      onlineMeetingUrl: null,
      private: true,
    });
    const details = await screen.findByRole('region', { name: s.view.title });
    expect(await within(details).findByText(s.view.status.confirmed)).toBeTruthy();
  });
});
