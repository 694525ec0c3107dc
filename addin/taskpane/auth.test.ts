import { describe, expect, it } from '@jest/globals';
import { roomsEndpoints } from '../../shared/api/rooms';
import { ApiClient, isApiError } from '../api/client';
import { FakeOfficeHost } from '../office/fakeOfficeHost';
import { identityTokenSource } from './auth';

describe('identityTokenSource', () => {
  it('asks Outlook once and reuses the token for a few minutes', async () => {
    let minted = 0;
    const host = new FakeOfficeHost({ identityToken: () => Promise.resolve(`token-${++minted}`) });
    let now = 0;
    const token = identityTokenSource(host, () => now);

    expect(await token()).toBe('token-1');
    now = 4 * 60_000;
    expect(await token()).toBe('token-1');
    now = 6 * 60_000;
    expect(await token()).toBe('token-2');
  });
});

describe('the API client inside Outlook', () => {
  it('makes no request when Outlook gives no identity token', async () => {
    let requests = 0;
    const host = new FakeOfficeHost();
    const client = new ApiClient({
      transport: () => {
        requests += 1;
        return Promise.resolve({ status: 200, contentType: 'application/json', text: '{}' });
      },
      bearerToken: () => host.identityToken(),
    });

    const error: unknown = await client.call(roomsEndpoints.searchRooms).catch((e: unknown) => e);

    expect(isApiError(error) && error.code).toBe('unauthenticated');
    expect(requests).toBe(0);
  });
});
