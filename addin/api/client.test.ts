import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { authEndpoints } from '../../shared/api/auth';
import { locationsEndpoints } from '../../shared/api/locations';
import { roomsEndpoints } from '../../shared/api/rooms';
import { ApiClient, ApiError } from './client';
import { FakeApi, apiError, noContent, ok } from '../ui/testing/fakeApi';
import { buildRoom, buildUser, pageOf } from '../ui/testing/builders';

function clientOver(api: FakeApi): ApiClient {
  return new ApiClient({ transport: api.transport });
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('ApiClient requests', () => {
  it('fills path parameters and encodes the query, repeating array keys and keeping "+" offsets', async () => {
    const api = new FakeApi().on('get', '/api/rooms/:id/schedule', (_req, params) =>
      ok({
        roomId: params.id,
        timeZone: 'UTC',
        from: '2026-05-04T07:00:00+02:00',
        to: '2026-05-04T20:00:00+02:00',
        entries: [],
      }),
    );
    api.on('get', '/api/rooms', ok(pageOf([])));
    const client = clientOver(api);
    const id = buildRoom().id;

    await client.call(roomsEndpoints.roomSchedule, {
      params: { id },
      query: { from: '2026-05-04T07:00:00+02:00', to: '2026-05-04T20:00:00+02:00' },
    });
    await client.call(roomsEndpoints.searchRooms, {
      query: { tags: ['Display', 'Video conference'], q: '', minCapacity: 4, building: undefined },
    });

    const [schedule, search] = api.requests;
    expect(schedule?.url).toBe(
      `/api/rooms/${id}/schedule?from=2026-05-04T07%3A00%3A00%2B02%3A00&to=2026-05-04T20%3A00%3A00%2B02%3A00`,
    );
    expect(schedule?.query.get('from')).toBe('2026-05-04T07:00:00+02:00');
    expect(search?.query.getAll('tags')).toEqual(['Display', 'Video conference']);
    expect(search?.query.get('minCapacity')).toBe('4');
    // Empty and undefined filters are left out rather than sent as "" (which the API would reject).
    expect(search?.query.has('q')).toBe(false);
    expect(search?.query.has('building')).toBe(false);
  });

  it('sends JSON bodies, and the CSRF token on writes only', async () => {
    const user = buildUser();
    const api = new FakeApi()
      .on('post', '/api/auth/login', ok({ user, csrfToken: 'token-1', mustChangePassword: false }))
      .on('get', '/api/auth/me', ok({ user, csrfToken: 'token-1', mustChangePassword: false }))
      .on('post', '/api/auth/logout', noContent());
    const client = clientOver(api);

    await client.call(authEndpoints.login, { body: { email: user.email, password: 'secret' } });
    client.setCsrfToken('token-1');
    await client.call(authEndpoints.me);
    const result = await client.call(authEndpoints.logout);

    const [login, me, logout] = api.requests;
    expect(login?.headers['Content-Type']).toBe('application/json');
    expect(login?.json).toEqual({ email: user.email, password: 'secret' });
    expect(login?.headers['X-CSRF-Token']).toBeUndefined();
    expect(me?.headers['X-CSRF-Token']).toBeUndefined();
    expect(logout?.method).toBe('POST');
    expect(logout?.headers['X-CSRF-Token']).toBe('token-1');
    expect(result).toBeUndefined();
  });

  it('returns the response parsed through the endpoint schema', async () => {
    const room = buildRoom({ name: 'Lighthouse', capacity: 8 });
    const api = new FakeApi().on('get', '/api/rooms', ok({ ...pageOf([room]), unexpectedExtra: true }));

    const page = await clientOver(api).call(roomsEndpoints.searchRooms);

    expect(page.items[0]?.name).toBe('Lighthouse');
    expect(page).not.toHaveProperty('unexpectedExtra');
  });
});

describe('ApiClient failures', () => {
  it('turns the JSON error body into an ApiError with code, message, details and status', async () => {
    const details = { issues: [{ path: 'end', message: 'end must be after start' }] };
    const api = new FakeApi().on(
      'get',
      '/api/rooms',
      apiError(400, 'validation_failed', 'Invalid query parameters', details),
    );

    const error = await failureOf(clientOver(api).call(roomsEndpoints.searchRooms));

    expect(error).toMatchObject({
      code: 'validation_failed',
      message: 'Invalid query parameters',
      status: 400,
      details,
    });
  });

  it('reports a non-JSON server failure (e.g. from a proxy) as internal', async () => {
    const api = new FakeApi().on('get', '/api/buildings', { status: 502, raw: '<html>Bad gateway</html>' });

    const error = await failureOf(clientOver(api).call(locationsEndpoints.listBuildings));

    expect(error).toMatchObject({ code: 'internal', status: 502 });
  });

  it('reads the status of a non-JSON client error, e.g. a proxy refusing a large upload', async () => {
    const api = new FakeApi().on('get', '/api/buildings', { status: 413, raw: 'Request Entity Too Large' });

    const error = await failureOf(clientOver(api).call(locationsEndpoints.listBuildings));

    expect(error).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('reports an unreachable server as network_error', async () => {
    const client = new ApiClient({ transport: () => Promise.reject(new TypeError('Failed to fetch')) });

    const error = await failureOf(client.call(locationsEndpoints.listBuildings));

    expect(error).toMatchObject({ code: 'network_error', status: 0 });
  });

  it('refuses an answer that does not match the contract', async () => {
    const api = new FakeApi().on('get', '/api/buildings', ok([{ id: 'not-a-building' }]));

    const error = await failureOf(clientOver(api).call(locationsEndpoints.listBuildings));

    expect(error.code).toBe('invalid_response');
  });

  it('tells listeners about a 401 so the app can ask for sign-in again', async () => {
    const api = new FakeApi().on('get', '/api/buildings', apiError(401, 'unauthenticated', 'Sign in first'));
    const client = clientOver(api);
    const listener = jest.fn();
    const stop = client.onUnauthenticated(listener);

    await failureOf(client.call(locationsEndpoints.listBuildings));
    stop();
    await failureOf(client.call(locationsEndpoints.listBuildings));

    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('ApiClient.prefetch', () => {
  it('starts a GET at once and hands its answer to the first call of the same URL, once', async () => {
    const room = buildRoom({ name: 'Lighthouse' });
    const api = new FakeApi().on('get', '/api/rooms', ok(pageOf([room])));
    const client = clientOver(api);

    client.prefetch(roomsEndpoints.searchRooms, { query: { minCapacity: 4 } });
    const first = await client.call(roomsEndpoints.searchRooms, { query: { minCapacity: 4 } });
    const again = await client.call(roomsEndpoints.searchRooms, { query: { minCapacity: 4 } });

    expect(first.items[0]?.name).toBe('Lighthouse');
    expect(again.items[0]?.name).toBe('Lighthouse');
    expect(api.requests).toHaveLength(2);
  });

  it('leaves calls of another URL alone, and never starts writes early', async () => {
    const api = new FakeApi().on('get', '/api/rooms', ok(pageOf([]))).on('post', '/api/auth/logout', noContent());
    const client = clientOver(api);

    client.prefetch(roomsEndpoints.searchRooms, { query: { minCapacity: 4 } });
    client.prefetch(authEndpoints.logout);
    await client.call(roomsEndpoints.searchRooms, { query: { minCapacity: 6 } });

    expect(api.requests.map((r) => `${r.method} ${r.query.get('minCapacity')}`)).toEqual(['GET 4', 'GET 6']);
  });

  it('asks again when the early answer was 401, since the user may have signed in meanwhile', async () => {
    const user = buildUser();
    let signedIn = false;
    const api = new FakeApi().on('get', '/api/auth/me', () =>
      signedIn ? ok({ user, csrfToken: 'token', mustChangePassword: false }) : apiError(401, 'unauthenticated'),
    );
    const client = clientOver(api);
    const listener = jest.fn();
    client.onUnauthenticated(listener);

    client.prefetch(authEndpoints.me);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the early request is answered 401
    signedIn = true;
    const info = await client.call(authEndpoints.me);

    expect(info.user.email).toBe(user.email);
    expect(api.requests).toHaveLength(2);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('fetchTransport', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('sends the session cookie to the same origin only', async () => {
    const calls: RequestInit[] = [];
    globalThis.fetch = (_url: string | URL | Request, init?: RequestInit) => {
      calls.push(init ?? {});
      return Promise.resolve(new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } }));
    };

    const buildings = await new ApiClient().call(locationsEndpoints.listBuildings);

    expect(buildings).toEqual([]);
    expect(calls[0]?.credentials).toBe('same-origin');
    expect(calls[0]?.method).toBe('GET');
  });
});
