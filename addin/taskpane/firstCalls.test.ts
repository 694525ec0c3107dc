import { describe, expect, it } from '@jest/globals';
import { authEndpoints } from '../../shared/api/auth';
import { locationsEndpoints } from '../../shared/api/locations';
import { roomsEndpoints } from '../../shared/api/rooms';
import { ApiClient } from '../api/client';
import { EarlyAnswers } from '../api/early';
import { FakeOfficeHost } from '../office/fakeOfficeHost';
import { FakeApi, ok } from '../ui/testing/fakeApi';
import { buildRoom, buildUser, pageOf } from '../ui/testing/builders';
import { FIRST_CALL_PATHS, startFirstCalls } from './firstCalls';
import { initialFilters, searchQuery } from './rooms/searchQuery';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the taskpane first calls', () => {
  it('use the paths of the endpoint contracts they stand in for', () => {
    expect(FIRST_CALL_PATHS).toEqual({
      me: authEndpoints.me.path,
      buildings: locationsEndpoints.listBuildings.path,
      floors: locationsEndpoints.listFloors.path,
      rooms: roomsEndpoints.searchRooms.path,
    });
  });

  it('are answered once, to the typed client the pane makes later, without asking the server again', async () => {
    const api = new FakeApi()
      .on('get', '/api/auth/me', ok({ user: buildUser(), csrfToken: 'token', mustChangePassword: false }))
      .on('get', '/api/buildings', ok([]))
      .on('get', '/api/floors', ok([]))
      .on('get', '/api/rooms', ok(pageOf([buildRoom({ name: 'Lighthouse' })])));
    const host = new FakeOfficeHost();
    const early = new EarlyAnswers();

    startFirstCalls(early, host, api.transport, { session: true, rooms: true });
    await settled(); // the search starts once the appointment has been read
    expect(api.requests.map((r) => r.path).sort()).toEqual([
      '/api/auth/me',
      '/api/buildings',
      '/api/floors',
      '/api/rooms',
    ]);

    const client = new ApiClient({ transport: api.transport, early });
    const appointment = await host.readAppointment();
    const query = searchQuery(appointment, initialFilters(appointment, await host.loadProperties()));
    const [me, rooms] = await Promise.all([
      client.call(authEndpoints.me),
      client.call(roomsEndpoints.searchRooms, { query }),
      client.call(locationsEndpoints.listBuildings),
      client.call(locationsEndpoints.listFloors),
    ]);

    expect(me.csrfToken).toBe('token');
    expect(rooms.items[0]?.name).toBe('Lighthouse');
    expect(api.requests).toHaveLength(4);
  });

  it('ask for the room search, which the first screen waits for, before the filter lists', async () => {
    const api = new FakeApi()
      .on('get', '/api/auth/me', ok({ user: buildUser(), csrfToken: 'token', mustChangePassword: false }))
      .on('get', '/api/buildings', ok([]))
      .on('get', '/api/floors', ok([]))
      .on('get', '/api/rooms', ok(pageOf([])));

    startFirstCalls(new EarlyAnswers(), new FakeOfficeHost(), api.transport, { session: true, rooms: true });
    await settled();

    expect(api.requests.map((r) => r.path)).toEqual(['/api/auth/me', '/api/rooms', '/api/buildings', '/api/floors']);
  });

  it('leave out the room search for an attendee, and the session inside Outlook', async () => {
    const api = new FakeApi().on('get', '/api/buildings', ok([])).on('get', '/api/floors', ok([]));
    const host = new FakeOfficeHost({ appointment: { mode: 'attendee' } });

    startFirstCalls(new EarlyAnswers(), host, api.transport, { session: false, rooms: true });
    await settled();

    expect(api.requests.map((r) => r.path).sort()).toEqual(['/api/buildings', '/api/floors']);
  });
});
