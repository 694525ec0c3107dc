/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Floor } from '../../../../shared/schemas/locations';
import type { FloorOccupancy, PlanMeeting, PlanNextMeeting, PlanRoom } from '../../../../shared/schemas/plan';
import { buildBuilding, buildFloor, buildUser, uuid } from '../../../ui/testing/builders';
import { FakeApi, ok } from '../../../ui/testing/fakeApi';
import { renderApp, signedInAs } from '../../testing/renderApp';
import { planStrings as s } from './strings';

const building = buildBuilding({ name: 'Harbour House', timeZone: 'UTC' });
const drawn = buildFloor(building, {
  name: 'Second floor',
  plan: { url: '/api/files/plan-2', width: 800, height: 400 },
});
const bare = buildFloor(building, { name: 'Basement', level: -1 });
const square = (x: number, y: number): PlanRoom['shape'] => [
  [x, y],
  [x + 100, y],
  [x + 100, y + 100],
  [x, y + 100],
];
const later = (overrides: Partial<PlanNextMeeting> = {}): PlanNextMeeting => ({
  start: '2026-12-07T09:00:00.000Z',
  end: '2026-12-07T10:00:00.000Z',
  organizer: 'Olga Organizer',
  subject: 'Sprint review',
  ...overrides,
});
const meeting = (overrides: Partial<PlanMeeting> = {}): PlanMeeting => ({
  ...later(),
  attendeeCount: 4,
  status: 'confirmed',
  ...overrides,
});
const room = (name: string, overrides: Partial<PlanRoom> = {}): PlanRoom => ({
  id: uuid(),
  name,
  capacity: 8,
  tags: ['Display'],
  images: [],
  shape: null,
  state: 'free',
  current: null,
  next: [],
  bookable: true,
  ...overrides,
});
const fjord = room('Fjord', {
  shape: square(0, 0),
  state: 'busy',
  current: meeting(),
  tags: ['Display', 'Whiteboard'],
});
const glacier = room('Glacier', {
  shape: square(200, 0),
  state: 'checked-in',
  current: meeting({ organizer: null, subject: null, attendeeCount: null }),
});
const harbour = room('Harbour', {
  shape: square(200, 200),
  next: [later({ start: '2026-12-07T13:00:00.000Z', end: '2026-12-07T14:00:00.000Z', subject: 'Lunch talk' })],
});
const rooms = [fjord, glacier, harbour];

function occupancy(floor: Floor, at = '2026-12-07T09:30:00.000Z'): FloorOccupancy {
  return {
    at,
    floor: {
      id: floor.id,
      name: floor.name,
      buildingId: building.id,
      buildingName: building.name,
      timeZone: 'UTC',
      plan: floor.plan,
    },
    horizon: { from: '2026-12-07T00:00:00.000Z', to: '2099-12-15T00:00:00.000Z' },
    rooms,
  };
}

function server(role: 'employee' | 'admin' = 'employee') {
  return signedInAs(new FakeApi(), buildUser({ role }))
    .on('get', '/api/buildings', ok([building]))
    .on('get', '/api/floors', ok([drawn, bare]))
    .on('get', '/api/floors/:id/occupancy', (req, { id }) =>
      ok(occupancy(id === bare.id ? bare : drawn, req.query.get('at') ?? undefined)),
    );
}

describe('the live plan page', () => {
  beforeEach(() => window.localStorage.clear());

  it('draws every room in its state with a word and a pattern, and labels it with state and holder', async () => {
    renderApp(server(), '/plan');
    const plan = await screen.findByTestId('floor-plan');
    const fjordRoom = within(plan).getByRole('button', { name: /^Fjord/ });
    expect(fjordRoom.getAttribute('aria-label')).toBe('Fjord, Busy, booked by Olga Organizer, until 10:00');
    expect(fjordRoom.textContent).toContain('Busy');
    expect(fjordRoom.querySelector('polygon[fill^="url(#plan-pattern-diagonal)"]')).not.toBeNull();
    // A holder the reader may not see is not named, and the state still reads.
    expect(
      within(plan)
        .getByRole('button', { name: /^Glacier/ })
        .getAttribute('aria-label'),
    ).toBe('Glacier, Checked in, until 10:00');
    expect(
      within(plan)
        .getByRole('button', { name: /^Harbour/ })
        .getAttribute('aria-label'),
    ).toBe('Harbour, Free');
    expect(
      within(plan)
        .getByRole('button', { name: /^Harbour/ })
        .querySelector('polygon[fill^="url("]'),
    ).toBeNull();
  });

  it('shows who has a room when it is focused, and moves between rooms with the arrow keys', async () => {
    renderApp(server(), '/plan');
    const plan = await screen.findByTestId('floor-plan');
    const fjordRoom = within(plan).getByRole('button', { name: /^Fjord/ });
    act(() => fjordRoom.focus());

    const facts = await screen.findByTestId('room-facts');
    expect(within(facts).getByText('Sprint review')).toBeTruthy();
    expect(within(facts).getByText('booked by Olga Organizer')).toBeTruthy();
    expect(within(facts).getByText('09:00–10:00')).toBeTruthy();
    expect(within(facts).getByText('4 attendees')).toBeTruthy();
    expect(within(facts).getByText('8 seats')).toBeTruthy();
    expect(within(facts).getByText('Whiteboard')).toBeTruthy();

    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-room')).toBe('Glacier');
    const hidden = await screen.findByTestId('room-facts');
    expect(within(hidden).getByText(s.hiddenSubject)).toBeTruthy();
    expect(within(hidden).queryByText(/booked by/)).toBeNull();
    expect(within(hidden).queryByText(/attendee/)).toBeNull();

    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-room')).toBe('Harbour');
    const free = await screen.findByTestId('room-facts');
    expect(within(free).getByText('13:00–14:00: Lunch talk, booked by Olga Organizer')).toBeTruthy();
    expect(within(free).getByRole('button', { name: /Book Harbour/ })).toBeTruthy();
  });

  it('lists the rooms of a floor without a plan, telling admins to draw one', async () => {
    const user = userEvent.setup();
    const api = server('admin');
    renderApp(api, '/plan');
    await screen.findByTestId('floor-plan');
    await user.selectOptions(screen.getByRole('combobox', { name: s.floor }), 'Basement');

    const list = await screen.findByTestId('room-list');
    expect(screen.getByText(s.noPlanAdmin)).toBeTruthy();
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-state')),
    ).toEqual(['busy', 'checked-in', 'free']);
    expect(within(list).getByText('09:00–10:00: Sprint review, booked by Olga Organizer')).toBeTruthy();
    // The choice is remembered for the next visit.
    expect(JSON.parse(window.localStorage.getItem('roomserve.plan.place') ?? '{}')).toEqual({
      buildingId: building.id,
      floorId: bare.id,
    });
  });

  it('asks for the plan at the time the slider shows, and back at now', async () => {
    const api = server();
    renderApp(api, '/plan');
    await screen.findByTestId('floor-plan');
    const slider = screen.getByRole('slider', { name: s.time });

    fireEvent.change(slider, { target: { value: '8' } });

    await waitFor(() =>
      expect(api.requestsTo('get', `/api/floors/${drawn.id}/occupancy`).at(-1)?.query.get('at')).toBeTruthy(),
    );
    const asked = Date.parse(api.requestsTo('get', `/api/floors/${drawn.id}/occupancy`).at(-1)?.query.get('at') ?? '');
    expect(asked % (15 * 60_000)).toBe(0);
    expect(asked - Date.now()).toBeGreaterThan(7 * 15 * 60_000 - 1);

    fireEvent.click(screen.getByRole('button', { name: s.now }));
    await waitFor(() =>
      expect(api.requestsTo('get', `/api/floors/${drawn.id}/occupancy`).at(-1)?.query.get('at')).toBeNull(),
    );
  });
});
