/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildUser, pageOf } from '../../../ui/testing/builders';
import { FakeApi, ok } from '../../../ui/testing/fakeApi';
import { renderApp, signedInAs } from '../../testing/renderApp';
import { strings } from '../../strings';
import { adminStrings } from './strings';
import { adminServer, buildOverview, buildSettings } from './testSupport';

describe('admin area', () => {
  it('is offered to admins in the main navigation and opens on the integration overview', async () => {
    const user = userEvent.setup();
    const api = adminServer()
      .on('get', '/api/rooms', ok(pageOf([])))
      .on('get', '/api/buildings', ok([]))
      .on('get', '/api/floors', ok([]))
      .on('get', '/api/admin/integration/overview', ok(buildOverview([])))
      .on('get', '/api/admin/exchange', ok(buildSettings()));
    renderApp(api, '/');

    const nav = await screen.findByRole('navigation', { name: strings.nav.label });
    await user.click(within(nav).getByRole('link', { name: strings.adminNav.admin }));
    expect(await screen.findByRole('heading', { name: adminStrings.integration.title, level: 1 })).toBeTruthy();

    // Keyboard: the sections are plain links in an "Administration" navigation.
    const sections = screen.getByRole('navigation', { name: adminStrings.area.label });
    within(sections).getByRole('link', { name: adminStrings.tabs.exchange }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: adminStrings.exchange.title, level: 1 })).toBeTruthy();
  });

  it('answers an unknown admin address with the not-found page', async () => {
    renderApp(adminServer(), '/admin/no-such-section');

    expect(await screen.findByRole('heading', { name: strings.errors.notFoundTitle })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: adminStrings.area.label })).toBeTruthy();
  });

  it('is neither offered nor opened for other roles', async () => {
    const api = signedInAs(new FakeApi(), buildUser({ role: 'facility' })).on(
      'get',
      '/api/info',
      ok({ simulatedExchange: false, demo: false }),
    );
    renderApp(api, '/admin/exchange');

    expect(await screen.findByText(adminStrings.area.forbidden)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: strings.nav.label });
    expect(within(nav).queryByRole('link', { name: strings.adminNav.admin })).toBeNull();
    await waitFor(() => expect(api.requestsTo('get', '/api/admin/exchange')).toHaveLength(0));
  });
});
