/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Room } from '../../../../../shared/schemas/locations';
import type { RoomSearchResult } from '../../../../../shared/schemas/search';
import { buildBuilding, buildFloor, buildRoom, pageOf } from '../../../../ui/testing/builders';
import { apiError, ok, type FakeApi } from '../../../../ui/testing/fakeApi';
import { renderApp } from '../../../testing/renderApp';
import { adminStrings } from '../strings';
import { adminServer, inTurn } from '../testSupport';

const text = adminStrings.rooms;
const PAGE = '/admin/rooms';

const harbour = buildBuilding({ name: 'Harbour House' });
const ground = buildFloor(harbour, { name: 'Ground floor', level: 0 });
const second = buildFloor(harbour, { name: 'Second floor', level: 2 });
const onGround = {
  floorId: ground.id,
  buildingId: harbour.id,
  floorName: 'Ground floor',
  buildingName: 'Harbour House',
};

const lighthouse = buildRoom({ name: 'Lighthouse', ...onGround });
const anchor = buildRoom({
  name: 'Anchor',
  ...onGround,
  exchange: { email: 'anchor@northwind.test', state: 'verified', checkedAt: '2026-11-20T10:00:00Z', error: null },
});

/** The room as PATCH and GET /rooms/:id answer it: the search result without its search extras. */
function asRoom(room: RoomSearchResult, exchange: Room['exchange']): Room {
  const { floorName: _f, buildingName: _b, timeZone: _t, availability: _a, ...plain } = room;
  return { ...plain, exchange };
}

function server(rooms: RoomSearchResult[]): FakeApi {
  return adminServer()
    .on('get', '/api/buildings', ok([harbour]))
    .on('get', '/api/floors', ok([ground, second]))
    .on('get', '/api/rooms', ok(pageOf(rooms, { pageSize: 100 })));
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByText(name, { selector: 'span' }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

/**
 * In jsdom, tabster (Fluent's focus manager) marks the open modal dialog itself aria-hidden a moment
 * after it opens (in browsers it hides only what is outside); role queries inside it must look past that.
 */
const IN_DIALOG = { hidden: true } as const;

const verifying = (email: string): Room['exchange'] => ({ email, state: 'verifying', checkedAt: null, error: null });

describe('rooms in Exchange', () => {
  it('lists every room by floor with its connection state', async () => {
    renderApp(server([lighthouse, anchor]), PAGE);

    expect(await screen.findByRole('heading', { name: 'Harbour House · Ground floor' })).toBeTruthy();
    expect(within(rowOf('Anchor')).getByText(text.verified)).toBeTruthy();
    expect(within(rowOf('Lighthouse')).getByText(text.unconnected)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(text.emailFor('Anchor')).value).toBe('anchor@northwind.test');
  });

  it('shows the verified tick after verifying, without any user action', async () => {
    const user = userEvent.setup();
    const email = 'lighthouse@northwind.test';
    const verified = { email, state: 'verified', checkedAt: '2026-11-23T09:00:00Z', error: null } as const;
    const api = server([lighthouse])
      .on('patch', '/api/rooms/:id', ok(asRoom(lighthouse, verifying(email))))
      .on('get', '/api/rooms/:id', inTurn(ok(asRoom(lighthouse, verifying(email))), ok(asRoom(lighthouse, verified))));
    renderApp(api, PAGE);

    await user.type(await screen.findByLabelText(text.emailFor('Lighthouse')), ` ${email} `);
    await user.click(screen.getByRole('button', { name: text.saveFor('Lighthouse') }));

    expect(await within(rowOf('Lighthouse')).findByText(text.verifying)).toBeTruthy();
    expect(await within(rowOf('Lighthouse')).findByText(text.verified)).toBeTruthy();
    expect(api.requestsTo('patch', `/api/rooms/${lighthouse.id}`)[0]?.json).toEqual({ exchangeEmail: email });
    expect(api.requestsTo('get', `/api/rooms/${lighthouse.id}`)).toHaveLength(2);
  });

  it('says retrying, with the reason, while a check that failed in passing is tried again', async () => {
    const user = userEvent.setup();
    const email = 'lighthouse@northwind.test';
    const busy = 'Exchange is busy and asked us to wait (ErrorServerBusy).';
    const retrying = { email, state: 'verifying', checkedAt: '2026-11-23T09:00:00Z', error: busy } as const;
    const verified = { email, state: 'verified', checkedAt: '2026-11-23T09:00:05Z', error: null } as const;
    const api = server([lighthouse])
      .on('patch', '/api/rooms/:id', ok(asRoom(lighthouse, retrying)))
      .on('get', '/api/rooms/:id', inTurn(ok(asRoom(lighthouse, retrying)), ok(asRoom(lighthouse, verified))));
    renderApp(api, PAGE);

    await user.type(await screen.findByLabelText(text.emailFor('Lighthouse')), email);
    await user.click(screen.getByRole('button', { name: text.saveFor('Lighthouse') }));

    expect(await within(rowOf('Lighthouse')).findByText(text.retrying)).toBeTruthy();
    expect(within(rowOf('Lighthouse')).getByText(busy)).toBeTruthy();
    expect(within(rowOf('Lighthouse')).queryByText(text.failed)).toBeNull();
    expect(await within(rowOf('Lighthouse')).findByText(text.verified)).toBeTruthy();
  });

  it('explains in words why a mailbox could not be verified', async () => {
    const user = userEvent.setup();
    const email = 'nobody@northwind.test';
    const api = server([lighthouse]).on(
      'patch',
      '/api/rooms/:id',
      ok(
        asRoom(lighthouse, {
          email,
          state: 'failed',
          checkedAt: '2026-11-23T09:00:00Z',
          error: 'No mailbox nobody@northwind.test exists in Exchange.',
        }),
      ),
    );
    renderApp(api, PAGE);

    await user.type(await screen.findByLabelText(text.emailFor('Lighthouse')), `${email}{Enter}`);

    const row = rowOf('Lighthouse');
    expect(await within(row).findByText('No mailbox nobody@northwind.test exists in Exchange.')).toBeTruthy();
    expect(within(row).getByText(text.failed)).toBeTruthy();
  });

  it('shows the API validation error at the address and keeps the state', async () => {
    const user = userEvent.setup();
    const api = server([anchor]).on(
      'patch',
      '/api/rooms/:id',
      apiError(400, 'validation_failed', 'Invalid request body', {
        issues: [{ path: 'exchangeEmail', message: 'Invalid email address' }],
      }),
    );
    renderApp(api, PAGE);

    const field = await screen.findByLabelText(text.emailFor('Anchor'));
    await user.clear(field);
    await user.type(field, 'anchor@{Enter}');

    expect(await within(rowOf('Anchor')).findByText('Invalid email address')).toBeTruthy();
    expect(within(rowOf('Anchor')).getByText(text.verified)).toBeTruthy();
  });

  it('imports room mailboxes picked from the room lists onto a floor and shows them connected', async () => {
    const user = userEvent.setup();
    const dune = buildRoom({
      name: 'Dune',
      floorId: second.id,
      buildingId: harbour.id,
      floorName: 'Second floor',
      buildingName: 'Harbour House',
      exchange: { email: 'dune@northwind.test', state: 'verified', checkedAt: '2026-11-23T09:00:00Z', error: null },
    });
    const api = server([anchor])
      .on(
        'get',
        '/api/admin/exchange/room-mailboxes',
        ok([
          { email: 'anchor@northwind.test', name: 'Anchor', roomList: 'Harbour House', connected: true },
          { email: 'dune@northwind.test', name: 'Dune', roomList: 'Harbour House', connected: false },
          { email: 'reef@northwind.test', name: 'Reef', roomList: 'Harbour House', connected: false },
        ]),
      )
      .on('post', '/api/admin/exchange/import-rooms', () => {
        // From now on the room list includes the imported room.
        api.on('get', '/api/rooms', ok(pageOf([anchor, dune], { pageSize: 100 })));
        return {
          status: 201,
          body: {
            created: [asRoom(dune, dune.exchange)],
            skipped: [{ email: 'reef@northwind.test', reason: 'Already connected to a room' }],
          },
        };
      });
    renderApp(api, PAGE);

    await user.click(await screen.findByRole('button', { name: text.import }));
    const dialog = await screen.findByRole('dialog', IN_DIALOG);
    const anchorBox = await within(dialog).findByRole('checkbox', { name: /Anchor/, ...IN_DIALOG });
    expect((anchorBox as HTMLInputElement).disabled).toBe(true);
    await user.click(within(dialog).getByRole('checkbox', { name: /Dune/, ...IN_DIALOG }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Reef/, ...IN_DIALOG }));
    await user.selectOptions(
      within(dialog).getByLabelText(adminStrings.importRooms.floor, { exact: false }),
      second.id,
    );
    await user.click(within(dialog).getByRole('button', { name: adminStrings.importRooms.submit(2), ...IN_DIALOG }));

    expect(await screen.findByText(adminStrings.importRooms.done(1))).toBeTruthy();
    expect(
      screen.getByText(adminStrings.importRooms.skipped('reef@northwind.test', 'Already connected to a room')),
    ).toBeTruthy();
    expect(api.requestsTo('post', '/api/admin/exchange/import-rooms')[0]?.json).toEqual({
      floorId: second.id,
      mailboxes: ['dune@northwind.test', 'reef@northwind.test'],
      capacity: 10,
    });
    expect(await screen.findByRole('heading', { name: 'Harbour House · Second floor' })).toBeTruthy();
    expect(within(rowOf('Dune')).getByText(text.verified)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog', IN_DIALOG)).toBeNull());
  });

  it('says when Exchange cannot list its rooms', async () => {
    const user = userEvent.setup();
    const api = server([anchor]).on(
      'get',
      '/api/admin/exchange/room-mailboxes',
      apiError(503, 'unavailable', 'Exchange: the server could not be reached'),
    );
    renderApp(api, PAGE);

    await user.click(await screen.findByRole('button', { name: text.import }));
    const dialog = await screen.findByRole('dialog', IN_DIALOG);
    expect((await within(dialog).findByRole('alert', IN_DIALOG)).textContent).toContain(
      'Exchange: the server could not be reached',
    );
  });
});
