/** @jest-environment jsdom */
import '../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import { buildUser, pageOf } from '../../ui/testing/builders';
import { FakeApi, ok } from '../../ui/testing/fakeApi';
import { renderApp, signedInAs } from '../testing/renderApp';
import { strings } from '../strings';

function server(simulatedExchange: boolean): FakeApi {
  return signedInAs(
    new FakeApi()
      .on('get', '/api/rooms', ok(pageOf([])))
      .on('get', '/api/buildings', ok([]))
      .on('get', '/api/floors', ok([]))
      .on('get', '/api/info', ok({ simulatedExchange, demo: true })),
    buildUser(),
  );
}

describe('simulated Exchange banner', () => {
  it('tells the user when bookings come from the simulator', async () => {
    const api = server(true);
    renderApp(api);
    expect(await screen.findByText(strings.simulatedExchange)).toBeTruthy();
  });

  it('stays away when a real Exchange is connected', async () => {
    const api = server(false);
    renderApp(api);
    await waitFor(() => expect(api.requestsTo('get', '/api/info')).toHaveLength(1));
    expect(screen.queryByText(strings.simulatedExchange)).toBeNull();
  });
});
