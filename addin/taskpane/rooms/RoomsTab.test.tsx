/** @jest-environment jsdom */
import '../../ui/testing/jsdomGlobals';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoomSearchResult } from '../../../shared/schemas/search';
import { buildBuilding, buildFloor, buildRoom, pageOf } from '../../ui/testing/builders';
import { FakeApi, heldReply, ok } from '../../ui/testing/fakeApi';
import { IDENTITY_TOKEN, renderTaskpane } from '../testing/renderTaskpane';

const at = (h: number, m = 0) => new Date(2026, 4, 4, h, m);
const harbour = buildBuilding({ name: 'Harbour House' });
const second = buildFloor(harbour, { name: 'Second floor', level: 2 });
const connected = (email: string) => ({ email, state: 'verified' as const, checkedAt: null, error: null });

const lighthouse = buildRoom({
  name: 'Lighthouse',
  buildingId: harbour.id,
  floorId: second.id,
  buildingName: 'Harbour House',
  floorName: 'Second floor',
  capacity: 6,
  tags: ['Video conference'],
  exchange: connected('lighthouse@northwind.test'),
  availability: {
    state: 'busy',
    busy: [{ start: at(9).toISOString(), end: at(10).toISOString() }],
    heldBy: [
      { start: at(9).toISOString(), end: at(10).toISOString(), organizer: 'Megan Bowen', subject: 'Budget review' },
    ],
  },
});
const anchor = buildRoom({
  name: 'Anchor',
  buildingId: harbour.id,
  floorId: second.id,
  buildingName: 'Harbour House',
  floorName: 'Second floor',
  capacity: 8,
  tags: ['Video conference', 'Whiteboard'],
  images: [{ url: '/api/files/anchor.jpg', alt: 'Anchor room with a long table' }],
  exchange: connected('anchor@northwind.test'),
  availability: { state: 'free', busy: [] },
});
const galley = buildRoom({ name: 'Galley', tags: ['Whiteboard'], exchange: connected('galley@northwind.test') });

/** A server whose search honours the tag filter, and where Lighthouse is booked at 09:00–10:00. */
function server(): FakeApi {
  const all: RoomSearchResult[] = [lighthouse, anchor, galley];
  return new FakeApi()
    .on('get', '/api/buildings', ok([harbour]))
    .on('get', '/api/floors', ok([second]))
    .on('get', '/api/rooms', (req) => {
      const tags = req.query.getAll('tags');
      return ok(pageOf(all.filter((room) => tags.every((t) => room.tags.includes(t)))));
    })
    .on('get', '/api/rooms/:id/schedule', (req, { id }) =>
      ok({
        roomId: id,
        timeZone: 'Europe/Berlin',
        from: req.query.get('from'),
        to: req.query.get('to'),
        entries:
          id === lighthouse.id
            ? [
                {
                  id: '00000000-0000-4000-8000-000000000901',
                  start: at(9).toISOString(),
                  end: at(10).toISOString(),
                  subject: 'Board meeting',
                  organizer: null,
                  attendees: [],
                  isPrivate: false,
                  status: 'confirmed',
                  source: 'exchange',
                },
              ]
            : [],
      }),
    );
}

beforeEach(() => window.localStorage.clear());

const searches = (api: FakeApi) => api.requestsTo('get', '/api/rooms');

function cardOf(name: string): HTMLElement {
  const card = screen.getByRole('heading', { name, level: 3 }).closest('li');
  if (!card) throw new Error(`no card around ${name}`);
  return card;
}

describe('the rooms tab', () => {
  it('searches at the meeting’s time for its attendees, filters by tag, marks busy rooms and adds a room', async () => {
    const user = userEvent.setup();
    const api = server();
    const { host } = renderTaskpane(api, {
      appointment: {
        start: at(9),
        end: at(10),
        requiredAttendees: [
          { name: 'Adele Vance', email: 'adele@northwind.test' },
          { name: 'Lee Gu', email: 'lee@northwind.test' },
        ],
        optionalAttendees: [],
      },
    });

    await screen.findByRole('heading', { name: 'Galley', level: 3 });
    // One search on opening: the equipment filter offers the tags of the rooms listed.
    expect(searches(api)).toHaveLength(1);
    const [first] = searches(api);
    expect(Date.parse(first?.query.get('start') ?? '')).toBe(at(9).getTime());
    expect(Date.parse(first?.query.get('end') ?? '')).toBe(at(10).getTime());
    // Two attendees and the organizer.
    expect(first?.query.get('minCapacity')).toBe('3');
    expect(screen.getByLabelText(/^People/)).toHaveProperty('value', '3');
    expect(first?.headers.Authorization).toBe(`Bearer ${IDENTITY_TOKEN}`);
    // Busy rooms come with who holds them (the API applies the privacy rules).
    expect(first?.query.get('holders')).toBe('true');

    await user.click(await screen.findByRole('combobox', { name: 'Equipment' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Video conference' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Search rooms' }));

    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Galley', level: 3 })).toBeNull());
    expect(searches(api).at(-1)?.query.getAll('tags')).toEqual(['Video conference']);
    const busy = cardOf('Lighthouse');
    expect(within(busy).getByText('Busy')).toBeTruthy();
    const holders = within(busy).getByRole('list', { name: 'Who holds it' });
    expect(within(holders).getByText('09:00–10:00: Megan Bowen (Budget review)')).toBeTruthy();
    // The nearest free alternatives: the free room on the same floor, and this room after the booking.
    expect(within(busy).getByText(/Anchor \(Harbour House · Second floor\)/)).toBeTruthy();
    expect(await within(busy).findByText(/This room is free 10:00–11:00/)).toBeTruthy();
    expect(within(cardOf('Anchor')).getByText('Free')).toBeTruthy();
    expect(
      within(cardOf('Anchor')).getByRole('img', { name: 'Anchor room with a long table' }).getAttribute('loading'),
    ).toBe('lazy');

    await user.click(within(cardOf('Anchor')).getByRole('button', { name: 'Add to meeting' }));

    // In the card whose button was pressed, and announced politely.
    const added = await within(cardOf('Anchor')).findByText(/Anchor was added as an attendee/);
    expect(added.closest('[aria-live]')?.getAttribute('aria-live')).toBe('polite');
    expect(host.appointment.requiredAttendees).toContainEqual({ name: 'Anchor', email: 'anchor@northwind.test' });
    expect(host.appointment.location).toBe('Anchor, Harbour House');
    expect(host.properties.room).toMatchObject({ roomId: anchor.id, roomEmail: 'anchor@northwind.test' });
    expect(within(cardOf('Anchor')).getByText('In this meeting')).toBeTruthy();
  });

  it('marks the rooms of a building closed at the meeting’s time as closed, with the closed hours', async () => {
    // Issue #13, defect 2: on a Sunday every room showed "Free".
    const closed = buildRoom({
      name: 'Sunday Room',
      exchange: connected('sunday@northwind.test'),
      availability: { state: 'closed', busy: [], closed: [{ start: at(9).toISOString(), end: at(10).toISOString() }] },
    });
    const api = new FakeApi()
      .on('get', '/api/buildings', ok([harbour]))
      .on('get', '/api/floors', ok([second]))
      .on('get', '/api/rooms', ok(pageOf([closed])))
      .on('get', '/api/rooms/:id/schedule', (req, { id }) =>
        ok({
          roomId: id,
          timeZone: 'Europe/Berlin',
          from: req.query.get('from'),
          to: req.query.get('to'),
          entries: [],
        }),
      );
    renderTaskpane(api, {
      appointment: { start: at(9), end: at(10), requiredAttendees: [], optionalAttendees: [] },
    });

    await screen.findByRole('heading', { name: 'Sunday Room', level: 3 });
    const card = within(cardOf('Sunday Room'));
    expect(card.getByRole('group', { name: /Availability at the meeting's time: Closed/ })).toBeTruthy();
    expect(card.getByText('Building closed 09:00–10:00')).toBeTruthy();
    expect(card.queryByText('Free')).toBeNull();
  });

  it('reads the appointment again when the pane regains focus', async () => {
    const api = server();
    const { host } = renderTaskpane(api, { appointment: { start: at(9), end: at(10) } });
    await screen.findByRole('heading', { name: 'Galley', level: 3 });

    host.change({ start: at(14), end: at(15) });
    window.dispatchEvent(new Event('focus'));

    await waitFor(() => expect(Date.parse(searches(api).at(-1)?.query.get('start') ?? '')).toBe(at(14).getTime()));
  });

  it('shows the floor plan with the room outlined on request', async () => {
    const user = userEvent.setup();
    const planned = buildFloor(harbour, {
      id: second.id,
      name: 'Second floor',
      plan: { url: '/api/files/plan.png', width: 800, height: 600 },
    });
    const api = server().on('get', '/api/floors', ok([planned]));
    renderTaskpane(api, { appointment: { start: at(9), end: at(10) } });
    await screen.findByRole('heading', { name: 'Anchor', level: 3 });

    await user.click(within(cardOf('Anchor')).getByRole('button', { name: 'Show floor plan' }));

    expect(
      await within(cardOf('Anchor')).findByRole('img', { name: 'Floor plan of Second floor with Anchor highlighted' }),
    ).toBeTruthy();
  });

  it('on a first opening, asks for the equipment picker once the search has answered (no tags to offer before)', async () => {
    const search = heldReply();
    renderTaskpane(
      server().on('get', '/api/rooms', () => search.reply),
      { appointment: { start: at(9), end: at(10) } },
    );

    // The picker's stand-in holds its place while the search is under way.
    expect(await screen.findByRole('textbox', { name: 'Equipment' })).toHaveProperty('readOnly', true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('combobox', { name: 'Equipment' })).toBeNull();

    search.release(ok(pageOf([anchor])));
    expect(await screen.findByRole('combobox', { name: 'Equipment' })).toBeTruthy();
  });

  it('shows the buildings and equipment of the last opening at once on the next, then the fresh ones', async () => {
    renderTaskpane(server(), { appointment: { start: at(9), end: at(10) } });
    await screen.findByRole('heading', { name: 'Galley', level: 3 });
    cleanup();

    // The next opening: the server is slow to answer, the stored copy is not.
    let answer: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (answer = resolve));
    const harbourOnly = buildBuilding({ name: 'Quay Point' });
    const later = new FakeApi()
      .on('get', '/api/buildings', async () => (await slow, ok([harbour, harbourOnly])))
      .on('get', '/api/floors', async () => (await slow, ok([second])))
      .on('get', '/api/rooms', async () => (await slow, ok(pageOf([galley]))));
    const user = userEvent.setup();
    renderTaskpane(later, { appointment: { start: at(9), end: at(10) } });

    const building = await screen.findByRole('combobox', { name: 'Building' });
    expect(within(building).getByRole('option', { name: 'Harbour House' })).toBeTruthy();
    await user.click(await screen.findByRole('combobox', { name: 'Equipment' }));
    expect(await screen.findByRole('menuitemcheckbox', { name: 'Video conference' })).toBeTruthy();
    await user.keyboard('{Escape}');

    answer();
    expect(await within(building).findByRole('option', { name: 'Quay Point' })).toBeTruthy();
    // The fresh answer replaces the stored tags: Galley has only a whiteboard.
    await screen.findByRole('heading', { name: 'Galley', level: 3 });
    await user.click(screen.getByRole('combobox', { name: 'Equipment' }));
    expect(await screen.findByRole('menuitemcheckbox', { name: 'Whiteboard' })).toBeTruthy();
    expect(screen.queryByRole('menuitemcheckbox', { name: 'Video conference' })).toBeNull();
  });
});
