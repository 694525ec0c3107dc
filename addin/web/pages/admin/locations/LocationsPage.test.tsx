/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Building, Floor, Room } from '../../../../../shared/schemas/locations';
import type { RoomSearchResult } from '../../../../../shared/schemas/search';
import { buildBuilding, buildFloor, pageOf, uuid } from '../../../../ui/testing/builders';
import { apiError, ok, type FakeApi } from '../../../../ui/testing/fakeApi';
import { renderApp } from '../../../testing/renderApp';
import { adminStrings } from '../strings';
import { adminServer, buildAdminRoom } from '../testSupport';

const text = adminStrings.locations;
/** See RoomsConnectionPage.test: jsdom's tabster hides the open modal from role queries. */
const IN_DIALOG = { hidden: true } as const;

/** An in-memory location store behind the fake transport. */
function locationServer(): FakeApi {
  const buildings: Building[] = [];
  const floors: Floor[] = [];
  const rooms: Room[] = [];
  const asResult = (room: Room): RoomSearchResult => ({
    ...room,
    floorName: floors.find((f) => f.id === room.floorId)?.name ?? '',
    buildingName: buildings.find((b) => b.id === room.buildingId)?.name ?? '',
    timeZone: 'Europe/Berlin',
  });
  return adminServer()
    .on('get', '/api/buildings', () => ok(buildings))
    .on('get', '/api/floors', () => ok(floors))
    .on('post', '/api/buildings', (req) => {
      const building = buildBuilding({ ...(req.json as Partial<Building>) });
      buildings.push(building);
      return { status: 201, body: building };
    })
    .on('post', '/api/floors', (req) => {
      const body = req.json as { buildingId: string; name: string; level: number };
      const owner = buildings.find((b) => b.id === body.buildingId);
      if (!owner) return apiError(422, 'unprocessable', 'No such building');
      const floor = buildFloor(owner, { name: body.name, level: body.level });
      floors.push(floor);
      return { status: 201, body: floor };
    })
    .on('get', '/api/rooms', (req) =>
      ok(pageOf(rooms.filter((r) => r.floorId === req.query.get('floor')).map(asResult), { pageSize: 100 })),
    )
    .on('post', '/api/rooms', (req) => {
      const body = req.json as { floorId: string; name: string; capacity: number; exchangeEmail: string | null };
      const floor = floors.find((f) => f.id === body.floorId);
      if (!floor) return apiError(422, 'unprocessable', 'No such floor');
      const room = buildAdminRoom({
        id: uuid(),
        floorId: floor.id,
        buildingId: floor.buildingId,
        name: body.name,
        capacity: body.capacity,
        exchange: {
          email: body.exchangeEmail,
          state: body.exchangeEmail ? 'verified' : 'unconnected',
          checkedAt: body.exchangeEmail ? '2026-11-23T09:00:00Z' : null,
          error: null,
        },
      });
      rooms.push(room);
      return { status: 201, body: room };
    });
}

async function fillDialog(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
  const dialog = await screen.findByRole('dialog', IN_DIALOG);
  for (const [label, value] of Object.entries(values)) {
    const input = within(dialog).getByLabelText(label, { exact: false, selector: 'input' });
    await user.clear(input);
    await user.type(input, value);
  }
  await user.click(within(dialog).getByRole('button', { name: adminStrings.common.save, ...IN_DIALOG }));
  await waitFor(() => expect(screen.queryByRole('dialog', IN_DIALOG)).toBeNull());
}

describe('locations editor', () => {
  it('creates a building, a floor and a connected room, and shows its verified tick', async () => {
    const user = userEvent.setup();
    const api = locationServer();
    renderApp(api, '/admin/locations');

    await user.click(await screen.findByRole('button', { name: text.newBuilding }));
    await fillDialog(user, { [text.name]: 'Harbour House', [text.timeZone]: 'Europe/Berlin' });
    expect(await screen.findByRole('button', { name: text.select('Harbour House'), pressed: true })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: text.newFloor }));
    await fillDialog(user, { [text.name]: 'Ground floor' });
    expect(await screen.findByRole('button', { name: text.select('Ground floor'), pressed: true })).toBeTruthy();

    await user.click(await screen.findByRole('button', { name: text.newRoom }));
    await fillDialog(user, {
      [text.name]: 'Lighthouse',
      [text.capacity]: '8',
      [text.exchangeEmail]: 'lighthouse@northwind.test',
    });

    expect(await screen.findByText('Lighthouse')).toBeTruthy();
    expect(await screen.findByText(adminStrings.rooms.verified)).toBeTruthy();
    expect(api.requestsTo('post', '/api/floors')[0]?.json).toMatchObject({ name: 'Ground floor', level: 0 });
    expect(api.requestsTo('post', '/api/rooms')[0]?.json).toMatchObject({
      name: 'Lighthouse',
      capacity: 8,
      exchangeEmail: 'lighthouse@northwind.test',
      active: true,
    });
  });

  it('keeps the dialog open and shows the API complaint at its field', async () => {
    const user = userEvent.setup();
    const api = locationServer().on(
      'post',
      '/api/buildings',
      apiError(400, 'validation_failed', 'Invalid request body', {
        issues: [{ path: 'timeZone', message: 'must be an IANA time zone such as Europe/Berlin' }],
      }),
    );
    renderApp(api, '/admin/locations');

    await user.click(await screen.findByRole('button', { name: text.newBuilding }));
    const dialog = await screen.findByRole('dialog', IN_DIALOG);
    await user.type(within(dialog).getByLabelText(text.name, { exact: false, selector: 'input' }), 'Mill');
    const zone = within(dialog).getByLabelText(text.timeZone, { exact: false, selector: 'input' });
    await user.clear(zone);
    await user.type(zone, 'Berlin{Enter}');

    expect(await within(dialog).findByText('must be an IANA time zone such as Europe/Berlin')).toBeTruthy();
    expect(zone.getAttribute('aria-invalid')).toBe('true');
  });
});
