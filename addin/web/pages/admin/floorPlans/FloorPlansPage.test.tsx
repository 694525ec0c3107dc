/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Floor, Room } from '../../../../../shared/schemas/locations';
import { buildBuilding, buildFloor, buildRoom, pageOf } from '../../../../ui/testing/builders';
import { apiError, ok } from '../../../../ui/testing/fakeApi';
import { renderApp } from '../../../testing/renderApp';
import { adminStrings } from '../strings';
import { adminServer } from '../testSupport';

const text = adminStrings.floorPlans;
const building = buildBuilding({ name: 'Harbour House' });
const plan = { url: '/api/files/plan-1', width: 400, height: 200 };
const square: NonNullable<Room['shape']> = [
  [10, 10],
  [50, 10],
  [50, 40],
  [10, 40],
];

function server(floor: Floor = buildFloor(building, { name: 'Ground floor', plan })) {
  const floors = [floor];
  const lighthouse = buildRoom({ name: 'Lighthouse', floorId: floor.id, buildingId: building.id, shape: square });
  const dock = buildRoom({ name: 'Dock', floorId: floor.id, buildingId: building.id, shape: null });
  const api = adminServer()
    .on('get', '/api/buildings', ok([building]))
    .on('get', '/api/floors', () => ok(floors))
    .on('get', '/api/rooms', ok(pageOf([lighthouse, dock], { pageSize: 100 })))
    .on('patch', '/api/rooms/:id', (req, { id }) => ok({ ...lighthouse, id, ...(req.json as object) }));
  return { api, floors, lighthouse, dock };
}

const canvas = () => screen.getByRole('application');

async function pickRoom(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: text.pickRoom(name) }));
}

describe('Admin → Floor plans', () => {
  it('moves a corner by keyboard (1 px, 10 px with Shift) and saves the outline', async () => {
    const user = userEvent.setup();
    const { api, lighthouse } = server();
    renderApp(api, '/admin/floor-plans');

    await pickRoom(user, 'Lighthouse');
    canvas().focus();
    await user.keyboard(']]{ArrowRight}{Shift>}{ArrowDown}{/Shift}');

    expect(screen.getByTestId('plan-selection').textContent).toBe(text.corner(2, 4, 51, 20));
    expect(screen.getByText(text.unsavedCount(1))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: text.save }));

    await screen.findByText(text.saved);
    const [patch] = api.requestsTo('patch', `/api/rooms/${lighthouse.id}`);
    expect(patch?.json).toEqual({
      shape: [
        [10, 10],
        [51, 20],
        [50, 40],
        [10, 40],
      ],
    });
    expect(screen.getByText(text.nothingToSave)).toBeTruthy();
  });

  it('undoes unsaved changes step by step', async () => {
    const user = userEvent.setup();
    const { api } = server();
    renderApp(api, '/admin/floor-plans');

    await pickRoom(user, 'Lighthouse');
    canvas().focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByTestId('corner-0').getAttribute('cx')).toBe('12');

    await user.click(screen.getByRole('button', { name: text.undo }));
    expect(screen.getByTestId('corner-0').getAttribute('cx')).toBe('11');
    await user.click(screen.getByRole('button', { name: text.undo }));
    expect(screen.getByTestId('corner-0').getAttribute('cx')).toBe('10');
    expect(screen.getByText(text.nothingToSave)).toBeTruthy();
    expect(screen.getByRole('button', { name: text.save }).hasAttribute('disabled')).toBe(true);
  });

  it('adds and removes corners by keyboard', async () => {
    const user = userEvent.setup();
    const { api } = server();
    renderApp(api, '/admin/floor-plans');

    await pickRoom(user, 'Lighthouse');
    canvas().focus();
    await user.keyboard(']{Insert}');
    expect(screen.getByTestId('plan-selection').textContent).toBe(text.corner(2, 5, 30, 10));
    await user.keyboard('{Delete}{Delete}');
    expect(within(screen.getByTestId('plan-canvas')).getAllByTestId(/^corner-/)).toHaveLength(3);
  });

  it('gives a room without an outline a starter square, saved when asked', async () => {
    const user = userEvent.setup();
    const { api, dock } = server();
    renderApp(api, '/admin/floor-plans');

    await pickRoom(user, 'Dock');
    await user.click(screen.getByRole('button', { name: text.starter }));
    await user.click(screen.getByRole('button', { name: text.save }));

    await screen.findByText(text.saved);
    const [patch] = api.requestsTo('patch', `/api/rooms/${dock.id}`);
    expect((patch?.json as { shape: unknown[] }).shape).toHaveLength(4);
  });

  it('refuses to save an outline that crosses itself, without asking the server', async () => {
    const user = userEvent.setup();
    const { api } = server();
    renderApp(api, '/admin/floor-plans');

    await pickRoom(user, 'Lighthouse');
    canvas().focus();
    // Corner 4 (10,40) moved 50 px right crosses the edge from corner 2 to 3.
    await user.keyboard('[[{Shift>}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{/Shift}');
    await user.click(screen.getByRole('button', { name: text.save }));

    expect((await screen.findByRole('alert')).textContent).toContain('Lighthouse: the outline crosses itself');
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it("shows the server's refusal per room", async () => {
    const user = userEvent.setup();
    const { api, lighthouse } = server();
    api.on('patch', '/api/rooms/:id', apiError(422, 'unprocessable', 'The room outline is not usable'));
    renderApp(api, '/admin/floor-plans');

    await pickRoom(user, 'Lighthouse');
    canvas().focus();
    await user.keyboard('{ArrowUp}');
    await user.click(screen.getByRole('button', { name: text.save }));

    expect((await screen.findByRole('alert')).textContent).toContain('Lighthouse was not saved');
    expect(api.requestsTo('patch', `/api/rooms/${lighthouse.id}`)).toHaveLength(1);
    expect(screen.getByText(text.unsavedCount(1))).toBeTruthy();
  });

  it('uploads a plan for a floor without one and makes it the floor plan', async () => {
    const bare = buildFloor(building, { name: 'Attic', level: 5, plan: null });
    const { api, floors } = server(bare);
    api
      .on('post', '/api/files', {
        status: 201,
        body: {
          id: '00000000-0000-4000-8000-0000000000f1',
          url: '/api/files/00000000-0000-4000-8000-0000000000f1',
          contentType: 'image/svg+xml',
          size: 120,
          width: 400,
          height: 200,
          sha256: 'ab',
        },
      })
      .on('patch', '/api/floors/:id', () => {
        floors[0] = {
          ...bare,
          plan: { url: '/api/files/00000000-0000-4000-8000-0000000000f1', width: 400, height: 200 },
        };
        return ok(floors[0]);
      });
    renderApp(api, '/admin/floor-plans');

    expect(await screen.findByText(text.noPlan)).toBeTruthy();
    const file = new File(['<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"/>'], 'attic.svg', {
      type: 'image/svg+xml',
    });
    fireEvent.change(screen.getByLabelText(text.upload), { target: { files: [file] } });

    await screen.findByRole('button', { name: text.pickRoom('Lighthouse') });
    const [patch] = api.requestsTo('patch', `/api/floors/${bare.id}`);
    expect(patch?.json).toEqual({ planFileId: '00000000-0000-4000-8000-0000000000f1' });
    expect(screen.getByTestId('plan-canvas').querySelector('image')?.getAttribute('href')).toBe(
      '/api/files/00000000-0000-4000-8000-0000000000f1',
    );
  });

  it('is listed among the admin sections', async () => {
    const { api } = server();
    renderApp(api, '/admin/floor-plans');
    const link = await screen.findByRole('link', { name: adminStrings.tabs.floorPlans });
    await waitFor(() => expect(link.getAttribute('aria-current')).toBe('page'));
  });
});
