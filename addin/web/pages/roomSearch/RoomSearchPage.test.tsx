/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoomSearchPage, RoomSearchResult } from '../../../../shared/schemas/search';
import { buildBuilding, buildFloor, buildRoom, buildUser, pageOf } from '../../../ui/testing/builders';
import { FakeApi, apiError, ok, type FakeReply, type RecordedRequest } from '../../../ui/testing/fakeApi';
import { renderApp, signedInAs } from '../../testing/renderApp';

const DAY = '/?date=2026-05-04&start=09:00&end=10:00';
const at = (h: number, m = 0) => new Date(2026, 4, 4, h, m);

const harbour = buildBuilding({ name: 'Harbour House' });
const mill = buildBuilding({ name: 'Old Mill' });
const harbourSecond = buildFloor(harbour, { name: 'Second floor', level: 2 });
const millGround = buildFloor(mill, { name: 'Ground floor', level: 0 });

/** @timezone-sensitive: the search speaks the browser's clock and names the building's where it differs. */

/** The equipment filter learns tags from one large page of rooms (pageSize=100). */
const isVocabularyRequest = (req: RecordedRequest) => req.query.get('pageSize') === '100';

function server(
  search: (req: RecordedRequest) => FakeReply,
  schedules: Record<string, { start: Date; end: Date; subject: string; organizer?: string }[]> = {},
  closed: Record<string, { start: Date; end: Date }[]> = {},
) {
  return signedInAs(new FakeApi(), buildUser())
    .on('get', '/api/buildings', ok([harbour, mill]))
    .on('get', '/api/floors', ok([harbourSecond, millGround]))
    .on('get', '/api/rooms', (req) =>
      isVocabularyRequest(req)
        ? ok(pageOf([buildRoom({ tags: ['Whiteboard', 'Display'] }), buildRoom({ tags: ['Video conference'] })]))
        : search(req),
    )
    .on('get', '/api/rooms/:id/schedule', (req, { id }) =>
      ok({
        roomId: id,
        timeZone: 'Europe/Berlin',
        from: req.query.get('from'),
        to: req.query.get('to'),
        entries: (schedules[id ?? ''] ?? []).map((e, i) => ({
          id: `00000000-0000-4000-8000-${String(900 + i).padStart(12, '0')}`,
          start: e.start.toISOString(),
          end: e.end.toISOString(),
          subject: e.subject,
          organizer: e.organizer === undefined ? null : { name: e.organizer, email: 'olga@northwind.test' },
          attendees: [],
          isPrivate: false,
          status: 'confirmed',
          source: 'exchange',
        })),
        closed: (closed[id ?? ''] ?? []).map((c) => ({ start: c.start.toISOString(), end: c.end.toISOString() })),
      }),
    );
}

const searches = (api: FakeApi) => api.requestsTo('get', '/api/rooms').filter((r) => !isVocabularyRequest(r));
const results = (page: RoomSearchPage) => () => ok(page);

function cardOf(name: string): HTMLElement {
  const heading = screen.getByRole('heading', { name, level: 3 });
  const card = heading.closest('li');
  if (!card) throw new Error(`no card around ${name}`);
  return card;
}

describe('room search filters', () => {
  it('searches the window in the URL first, with the browser offset', async () => {
    const api = server(results(pageOf([])));
    renderApp(api, DAY);

    await screen.findByText('No room matches these filters.');
    const [first] = searches(api);
    expect(first?.query.get('start')).toMatch(/^2026-05-04T09:00:00[+-]\d\d:\d\d$/);
    expect(Date.parse(first?.query.get('start') ?? '')).toBe(at(9).getTime());
    expect(Date.parse(first?.query.get('end') ?? '')).toBe(at(10).getTime());
    expect(first?.query.get('page')).toBe('1');
    expect(first?.query.get('pageSize')).toBe('12');
    expect(first?.query.has('onlyAvailable')).toBe(false);
    expect(first?.query.has('minCapacity')).toBe(false);
  });

  it('sends every filter the user set, under the API names', async () => {
    const user = userEvent.setup();
    const api = server(results(pageOf([])));
    const { router } = renderApp(api, DAY);
    await screen.findByText('No room matches these filters.');

    await user.type(screen.getByLabelText('People'), '8');
    await user.selectOptions(screen.getByLabelText('Building'), 'Harbour House');
    await user.selectOptions(screen.getByLabelText('Floor'), 'Second floor');
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '10:30' } });
    await user.click(screen.getByRole('combobox', { name: 'Equipment' }));
    // A multi-select Fluent combobox lists its options as menu item checkboxes.
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Display' }));
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Whiteboard' }));
    await user.keyboard('{Escape}');
    await user.type(screen.getByLabelText('Search'), 'sea view');
    await user.click(screen.getByLabelText('Only available rooms'));
    await user.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(searches(api)).toHaveLength(2));
    const query = searches(api)[1]?.query;
    expect(query?.get('minCapacity')).toBe('8');
    expect(query?.get('building')).toBe(harbour.id);
    expect(query?.get('floor')).toBe(harbourSecond.id);
    expect(query?.getAll('tags')).toEqual(['Display', 'Whiteboard']);
    expect(query?.get('q')).toBe('sea view');
    expect(query?.get('onlyAvailable')).toBe('true');
    expect(Date.parse(query?.get('end') ?? '')).toBe(at(10, 30).getTime());
    // The filters are in the address, so reload and back keep the search.
    expect(router.state.location.search).toContain('people=8');
  });

  it('offers only the chosen building’s floors', async () => {
    const user = userEvent.setup();
    renderApp(server(results(pageOf([]))), DAY);
    await screen.findByText('No room matches these filters.');

    await user.selectOptions(screen.getByLabelText('Building'), 'Old Mill');

    const floors = within(screen.getByLabelText('Floor'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(floors).toEqual(['Any floor', 'Ground floor']);
  });

  it('will not search a window that ends before it starts', async () => {
    const api = server(results(pageOf([])));
    renderApp(api, DAY);
    await screen.findByText('No room matches these filters.');

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '08:00' } });

    expect(screen.getByText('The end must be after the start.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Search' }).disabled).toBe(true);
    expect(searches(api)).toHaveLength(1);
  });
});

describe('room cards', () => {
  const free = buildRoom({
    name: 'Lighthouse',
    capacity: 4,
    tags: ['Display', 'Whiteboard'],
    images: [
      { url: '/files/lighthouse-1.svg', alt: 'Lighthouse with a round table' },
      { url: '/files/lighthouse-2.svg', alt: 'second' },
    ],
    availability: { state: 'free', busy: [] },
  });
  const partial: RoomSearchResult = buildRoom({
    name: 'Boathouse',
    capacity: 8,
    buildingName: 'Old Mill',
    floorName: 'Ground floor',
    availability: { state: 'partial', busy: [{ start: at(9, 15).toISOString(), end: at(9, 45).toISOString() }] },
  });
  const busy = buildRoom({
    name: 'Engine Room',
    capacity: 12,
    availability: { state: 'busy', busy: [{ start: at(9).toISOString(), end: at(10).toISOString() }] },
  });

  it('show photo, facts, tags and whether the room is free, partly busy (with times) or busy', async () => {
    renderApp(server(results(pageOf([free, partial, busy]))), DAY);
    await screen.findByRole('heading', { name: 'Lighthouse', level: 3 });

    expect(screen.getByRole('heading', { name: '3 rooms' })).toBeTruthy();
    const lighthouse = within(cardOf('Lighthouse'));
    const image = lighthouse.getByRole('img', { name: 'Lighthouse with a round table' });
    expect(image.getAttribute('src')).toBe('/files/lighthouse-1.svg');
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(lighthouse.getByText('4 people')).toBeTruthy();
    expect(
      within(lighthouse.getByRole('list', { name: 'Equipment' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Display', 'Whiteboard']);
    expect(lighthouse.getByText('Free')).toBeTruthy();

    const boathouse = within(cardOf('Boathouse'));
    expect(boathouse.getByText('Partially busy').parentElement?.textContent).toBe('Partially busyBusy 09:15–09:45');
    expect(boathouse.getByText('Old Mill · Ground floor')).toBeTruthy();
    expect(boathouse.getByText('No photo of this room')).toBeTruthy();

    expect(within(cardOf('Engine Room')).getByText('Busy')).toBeTruthy();
  });

  it('name the building’s time and zone where its clocks differ from the browser’s', async () => {
    const tokyo = buildRoom({ name: 'Shinagawa', timeZone: 'Asia/Tokyo' });
    const here = buildRoom({ name: 'Local', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    renderApp(server(results(pageOf([tokyo, here]))), DAY);
    await screen.findByRole('heading', { name: 'Shinagawa', level: 3 });

    // 09:00–10:00 on the browser's clock, read in Tokyo (UTC+9, no daylight saving time).
    const tokyoHour = (h: number) => String((at(h).getUTCHours() + 9) % 24).padStart(2, '0');
    expect(
      within(cardOf('Shinagawa')).getByText(`In the building: ${tokyoHour(9)}:00–${tokyoHour(10)}:00 Asia/Tokyo`),
    ).toBeTruthy();
    expect(within(cardOf('Local')).queryByText(/In the building/)).toBeNull();
  });

  it('draw the room’s whole day from its schedule', async () => {
    const api = server(results(pageOf([partial])), {
      [partial.id]: [
        { start: at(8), end: at(8, 30), subject: 'Stand-up' },
        { start: at(9, 15), end: at(9, 45), subject: 'Interview' },
        { start: at(16), end: at(17), subject: 'Retro', organizer: 'Olga Organizer' },
      ],
    });
    renderApp(api, DAY);

    const timeline = within(await screen.findByRole('group', { name: /^Schedule on/ }));
    await waitFor(() => expect(timeline.getAllByTestId('busy-block')).toHaveLength(3));
    // Who booked, as far as the server let the reader see it.
    expect(timeline.getByText('Busy 16:00–17:00: Retro, booked by Olga Organizer')).toBeTruthy();
    expect(timeline.getByText('Busy 08:00–08:30: Stand-up')).toBeTruthy();
    const [request] = api.requestsTo('get', `/api/rooms/${partial.id}/schedule`);
    expect(Date.parse(request?.query.get('from') ?? '')).toBe(at(7).getTime());
    expect(Date.parse(request?.query.get('to') ?? '')).toBe(at(20).getTime());
  });

  it('show a room of a closed building as closed, with the closed hours on its timeline', async () => {
    // Issue #13, defect 2: a building closed at the chosen time showed its rooms as "Free".
    const closedRoom = buildRoom({
      name: 'Sunday Room',
      availability: {
        state: 'closed',
        busy: [],
        closed: [{ start: at(9).toISOString(), end: at(10).toISOString() }],
      },
    });
    const api = server(results(pageOf([closedRoom])), {}, { [closedRoom.id]: [{ start: at(7), end: at(20) }] });
    renderApp(api, DAY);

    const card = within(
      await screen.findByRole('heading', { name: 'Sunday Room', level: 3 }).then(() => cardOf('Sunday Room')),
    );
    expect(card.getByText('Closed').parentElement?.textContent).toBe('ClosedBuilding closed 09:00–10:00');
    expect(card.queryByText('Free')).toBeNull();
    const timeline = within(card.getByRole('group', { name: /^Schedule on/ }));
    await waitFor(() => expect(timeline.getAllByTestId('closed-block')).toHaveLength(1));
    expect(timeline.getByText('Building closed 07:00–20:00')).toBeTruthy();
  });

  it('page through many results', async () => {
    const user = userEvent.setup();
    const api = server((req) =>
      ok(
        pageOf([buildRoom({ name: `Room on page ${req.query.get('page')}` })], {
          total: 30,
          page: Number(req.query.get('page')),
        }),
      ),
    );
    renderApp(api, DAY);

    await screen.findByRole('heading', { name: 'Room on page 1' });
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByRole('heading', { name: 'Room on page 2' })).toBeTruthy();
    expect(searches(api).at(-1)?.query.get('page')).toBe('2');
  });
});

describe('loading problems', () => {
  it('shows a server failure and recovers when trying again', async () => {
    const user = userEvent.setup();
    let failing = true;
    renderApp(
      server(() => (failing ? apiError(500, 'internal', 'boom') : ok(pageOf([buildRoom({ name: 'Lighthouse' })])))),
      DAY,
    );

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The server had a problem');
    expect(alert.textContent).not.toContain('boom');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Lighthouse' })).toBeTruthy();
  });

  it('explains a refused request with the server’s reason', async () => {
    renderApp(
      server(() => apiError(400, 'validation_failed', 'the window may span at most 31 days')),
      DAY,
    );

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The request was not accepted. the window may span at most 31 days');
  });

  it('says so when nothing matches', async () => {
    renderApp(server(results(pageOf([]))), DAY);

    expect(await screen.findByText('No room matches these filters.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '0 rooms' })).toBeTruthy();
  });
});
