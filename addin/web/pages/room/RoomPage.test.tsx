/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Room } from '../../../../shared/schemas/locations';
import type { ScheduleEntry } from '../../../../shared/schemas/search';
import {
  buildBuilding,
  buildFloor,
  buildLocationRoom,
  buildRoom,
  buildUser,
  pageOf,
} from '../../../ui/testing/builders';
import { FakeApi, apiError, ok } from '../../../ui/testing/fakeApi';
import { dateText, localDate } from '../../../ui/time';
import { renderApp, signedInAs } from '../../testing/renderApp';
import { roomPageStrings as s } from './strings';
import { addDays } from './week';

const building = buildBuilding({ name: 'Harbour House' });
const floor = buildFloor(building, {
  name: 'Second floor',
  level: 2,
  plan: { url: '/api/files/plan-2', width: 800, height: 400 },
});
const outline: Room['shape'] = [
  [10, 10],
  [110, 10],
  [110, 90],
  [10, 90],
];
const room = buildLocationRoom({
  name: 'Lighthouse',
  floorId: floor.id,
  buildingId: building.id,
  capacity: 8,
  tags: ['Display', 'Whiteboard'],
  description: 'Corner room with a view of the harbour.',
  images: [{ url: '/api/files/pic-1', alt: 'Lighthouse with its long table' }],
  shape: outline,
  exchange: { email: 'lighthouse@northwind.test', state: 'verified', checkedAt: null, error: null },
});

const today = dateText(new Date());
const tomorrow = addDays(today, 1);

function entry(start: Date, end: Date, subject: string): ScheduleEntry {
  return {
    id: '00000000-0000-4000-8000-000000000901',
    start: start.toISOString(),
    end: end.toISOString(),
    subject,
    organizer: null,
    attendees: [],
    isPrivate: false,
    status: 'confirmed',
    source: 'exchange',
  };
}

function server(theRoom: Room = room, entries: ScheduleEntry[] = []) {
  return signedInAs(new FakeApi(), buildUser())
    .on('get', '/api/rooms/:id', (_req, { id }) =>
      id === theRoom.id ? ok(theRoom) : apiError(404, 'not_found', 'No such room'),
    )
    .on('get', '/api/floors/:id', ok(floor))
    .on('get', '/api/buildings/:id', ok(building))
    .on('get', '/api/rooms/:id/schedule', (req) =>
      ok({
        roomId: theRoom.id,
        timeZone: 'Europe/Berlin',
        from: req.query.get('from'),
        to: req.query.get('to'),
        entries,
      }),
    );
}

describe('the room page', () => {
  it('shows the room, its pictures, tags and the plan with the room highlighted', async () => {
    renderApp(server(), `/rooms/${room.id}`);

    expect(await screen.findByRole('heading', { name: 'Lighthouse', level: 1 })).toBeTruthy();
    expect(screen.getByText(/8 people · Harbour House · Second floor/)).toBeTruthy();
    expect(screen.getByText('Corner room with a view of the harbour.')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Lighthouse with its long table' }).getAttribute('src')).toBe(
      '/api/files/pic-1',
    );
    const tags = screen.getByRole('list', { name: 'Equipment' });
    expect(
      within(tags)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Display', 'Whiteboard']);
    const plan = screen.getByRole('img', { name: s.planLabel('Lighthouse', 'Second floor') });
    expect(plan.getAttribute('viewBox')).toBe('0 0 800 400');
    expect(plan.querySelector('image')?.getAttribute('href')).toBe('/api/files/plan-2');
    expect(within(plan).getByTestId('highlighted-room').getAttribute('points')).toBe('10,10 110,10 110,90 10,90');
  });

  it("shows the week's bookings on their days, from today for seven days", async () => {
    const api = server(room, [entry(localDate(tomorrow, '09:00'), localDate(tomorrow, '10:30'), 'Board meeting')]);
    renderApp(api, `/rooms/${room.id}`);

    const tomorrowRow = await screen.findByTestId(`day-${tomorrow}`);
    expect(within(tomorrowRow).getByText(/Board meeting/)).toBeTruthy();
    expect(within(tomorrowRow).getAllByTestId('busy-block')).toHaveLength(1);
    expect(within(screen.getByTestId(`day-${today}`)).getByText(s.dayFree)).toBeTruthy();
    const [asked] = api.requestsTo('get', `/api/rooms/${room.id}/schedule`);
    expect(Date.parse(asked?.query.get('from') ?? '')).toBe(localDate(today, '00:00').getTime());
    expect(Date.parse(asked?.query.get('to') ?? '')).toBe(localDate(addDays(today, 7), '00:00').getTime());
  });

  it('pages to the next week', async () => {
    const user = userEvent.setup();
    const api = server();
    renderApp(api, `/rooms/${room.id}`);
    await screen.findByTestId(`day-${today}`);

    await user.click(screen.getByRole('button', { name: s.nextWeek }));

    const weekLater = addDays(today, 7);
    await screen.findByTestId(`day-${weekLater}`);
    const last = api.requestsTo('get', `/api/rooms/${room.id}/schedule`).at(-1);
    expect(Date.parse(last?.query.get('from') ?? '')).toBe(localDate(weekLater, '00:00').getTime());
  });

  it('opens the booking dialog for this room', async () => {
    const user = userEvent.setup();
    renderApp(server(), `/rooms/${room.id}`);

    await user.click(await screen.findByRole('button', { name: /Book Lighthouse/ }));

    expect(await screen.findByRole('dialog', { hidden: true })).toBeTruthy();
    expect(screen.getByText(/Book Lighthouse/, { selector: 'h2' })).toBeTruthy();
  });

  it('reloads the week when the booking dialog closes, so a new booking shows at once', async () => {
    const user = userEvent.setup();
    const api = server();
    renderApp(api, `/rooms/${room.id}`);
    await screen.findByTestId(`day-${today}`);
    const before = api.requestsTo('get', `/api/rooms/${room.id}/schedule`).length;

    await user.click(screen.getByRole('button', { name: /Book Lighthouse/ }));
    await user.click(await screen.findByRole('button', { name: 'Cancel', hidden: true }));

    await waitFor(() => expect(api.requestsTo('get', `/api/rooms/${room.id}/schedule`).length).toBeGreaterThan(before));
  });

  it('offers no Book for a room without Exchange, and says why', async () => {
    const unconnected = {
      ...room,
      exchange: { email: null, state: 'unconnected' as const, checkedAt: null, error: null },
    };
    renderApp(server(unconnected), `/rooms/${room.id}`);

    await screen.findByRole('heading', { name: 'Lighthouse', level: 1 });
    expect(screen.getByText(s.notBookable)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Book Lighthouse/ })).toBeNull();
  });

  it('says "not found" for a room the server does not show (unknown, or closed to externals)', async () => {
    renderApp(server(), '/rooms/00000000-0000-4000-8000-000000009999');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });

  it('is reached from a search result by the room name', async () => {
    const user = userEvent.setup();
    const result = buildRoom({ ...room, floorName: floor.name, buildingName: building.name });
    const api = server()
      .on('get', '/api/buildings', ok([building]))
      .on('get', '/api/floors', ok([floor]))
      .on('get', '/api/rooms', ok(pageOf([result])));
    const { router } = renderApp(api, '/');

    await user.click(await screen.findByRole('link', { name: 'Lighthouse' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/rooms/${room.id}`));
    expect(await screen.findByRole('heading', { name: 'Lighthouse', level: 1 })).toBeTruthy();
  });
});
