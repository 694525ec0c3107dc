/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, ok, type FakeApi } from '../../../../ui/testing/fakeApi';
import { renderApp } from '../../../testing/renderApp';
import { adminStrings } from '../strings';
import { adminServer, buildIntegrationRoom, buildOverview, buildSyncRun, inTurn } from '../testSupport';

const text = adminStrings.integration;
const PAGE = '/admin/integration';

const lighthouse = buildIntegrationRoom({ name: 'Lighthouse', bookingsInHorizon: 12 });
const anchor = buildIntegrationRoom({
  name: 'Anchor',
  email: 'anchor@northwind.test',
  subscription: 'pull',
  bookingsInHorizon: 3,
  lastError: {
    code: 'throttled',
    message: 'Exchange is busy (ErrorServerBusy); retrying after 30 s.',
    at: '2026-11-23T08:02:00.000Z',
  },
});
const dune = buildIntegrationRoom({
  name: 'Dune',
  email: 'dune@northwind.test',
  verification: { state: 'failed', checkedAt: '2026-11-23T08:00:00.000Z', error: 'Impersonation was denied.' },
  subscription: 'none',
  lastSuccessfulSyncAt: null,
  nextSyncAt: null,
  bookingsInHorizon: 0,
});
const rooms = [lighthouse, anchor, dune];

function server(): FakeApi {
  return adminServer().on('get', '/api/admin/integration/overview', ok(buildOverview(rooms)));
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByText(name).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

function total(label: string): string | null | undefined {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
}

describe('integration overview', () => {
  it('shows totals and each room’s state, with the last error in words', async () => {
    renderApp(server(), PAGE);

    expect(await screen.findByRole('table', { name: text.tableLabel })).toBeTruthy();
    expect(total(text.totals.rooms)).toBe('3');
    expect(total(text.totals.verified)).toBe('2');
    expect(total(text.totals.failedVerification)).toBe('1');
    expect(total(text.totals.bookingsInHorizon)).toBe('15');
    expect(total(text.totals.withErrors)).toBe('1');

    expect(within(rowOf('Lighthouse')).getByText(text.verificationState.verified)).toBeTruthy();
    expect(within(rowOf('Lighthouse')).getByText(text.subscriptionState.streaming)).toBeTruthy();
    expect(within(rowOf('Anchor')).getByText(text.subscriptionState.pull)).toBeTruthy();
    expect(
      within(rowOf('Anchor')).getByText(/Exchange is busy \(ErrorServerBusy\); retrying after 30 s\. \(.+\)/),
    ).toBeTruthy();
    expect(within(rowOf('Dune')).getByText('Impersonation was denied.')).toBeTruthy();
    expect(within(rowOf('Dune')).getByText(adminStrings.common.never)).toBeTruthy();
    expect(within(rowOf('Dune')).getByText(adminStrings.common.notScheduled)).toBeTruthy();
  });

  it('shows both phases of the first sync, and which rooms still wait for their details', async () => {
    const waiting = { ...anchor, lastError: null, detailsPending: 7 };
    const notYet = { ...lighthouse, lastSuccessfulSyncAt: null, bookingsInHorizon: 0 };
    const done = buildIntegrationRoom({ name: 'Harbour', email: 'harbour@northwind.test' });
    renderApp(
      adminServer().on('get', '/api/admin/integration/overview', ok(buildOverview([notYet, waiting, done]))),
      PAGE,
    );

    const phases = await screen.findByRole('region', { name: text.firstSync.label });
    expect(within(phases).getByText(text.firstSync.phase1Status(2, 3))).toBeTruthy();
    expect(within(phases).getByText(text.firstSync.phase2Status(1, 3, 7))).toBeTruthy();
    expect(within(phases).getByText('1 of 3 rooms complete · 7 bookings waiting')).toBeTruthy();
    expect(within(rowOf('Anchor')).getByText(text.detailsPending(7))).toBeTruthy();
    expect(within(rowOf('Harbour')).queryByText(/waiting for details/)).toBeNull();
  });

  it('refreshes by itself while the page is open', async () => {
    const recovered = { ...anchor, lastError: null, lastSuccessfulSyncAt: '2026-11-23T08:06:00.000Z' };
    const api = adminServer().on(
      'get',
      '/api/admin/integration/overview',
      inTurn(ok(buildOverview(rooms)), ok(buildOverview([lighthouse, recovered, dune]))),
    );
    renderApp(api, PAGE);

    expect(await screen.findByText(/Exchange is busy/)).toBeTruthy();
    // No click: the next automatic refresh clears the error.
    await waitFor(() => expect(screen.queryByText(/Exchange is busy/)).toBeNull(), { timeout: 10_000 });
    expect(within(rowOf('Anchor')).getByText(text.noError)).toBeTruthy();
  });

  it('syncs all rooms and shows the progress while it runs', async () => {
    const user = userEvent.setup();
    const runRooms = rooms.map((r) => ({ roomId: r.roomId, name: r.name }));
    const finished = buildSyncRun(runRooms, { states: ['done', 'done', 'failed'], finishedAt: '2026-11-23T08:00:03Z' });
    const api = server()
      .on('post', '/api/admin/sync', { status: 201, body: buildSyncRun(runRooms, { states: ['running'] }) })
      .on(
        'get',
        '/api/admin/sync/:id',
        inTurn(
          ok(buildSyncRun(runRooms, { states: ['done', 'running'] })),
          // The failed room carries its reason.
          ok({
            ...finished,
            rooms: finished.rooms.map((r) => (r.state === 'failed' ? { ...r, error: 'Impersonation was denied.' } : r)),
          }),
        ),
      );
    renderApp(api, PAGE);

    await user.click(await screen.findByRole('button', { name: text.syncAll }));

    expect(await screen.findByText(text.progress(1, 3))).toBeTruthy();
    expect(within(screen.getByRole('region', { name: text.progressLabel })).getByRole('progressbar')).toBeTruthy();
    expect(screen.getByRole('button', { name: text.syncAll })).toHaveProperty('disabled', true);
    expect(await screen.findByText(/Sync finished: 2 of 3 rooms synced\./)).toBeTruthy();
    expect(screen.getByText(text.roomFailed('Dune', 'Impersonation was denied.'))).toBeTruthy();
    expect(api.requestsTo('post', '/api/admin/sync')[0]?.json).toEqual({});
    await waitFor(() => expect(screen.getByRole('button', { name: text.syncAll })).toHaveProperty('disabled', false));
  });

  it('syncs one room now', async () => {
    const user = userEvent.setup();
    const runRooms = [{ roomId: anchor.roomId, name: anchor.name }];
    const api = server()
      .on('post', '/api/admin/sync', { status: 201, body: buildSyncRun(runRooms, { states: ['running'] }) })
      .on(
        'get',
        '/api/admin/sync/:id',
        ok(buildSyncRun(runRooms, { states: ['done'], finishedAt: '2026-11-23T08:00:01.000Z' })),
      );
    renderApp(api, PAGE);

    await user.click(await screen.findByRole('button', { name: text.syncNowFor('Anchor') }));

    expect(await screen.findByText(text.finished(1, 1))).toBeTruthy();
    expect(api.requestsTo('post', '/api/admin/sync')[0]?.json).toEqual({ roomId: anchor.roomId });
  });

  it('says why a sync could not start, in the server’s words', async () => {
    const user = userEvent.setup();
    const api = server().on(
      'post',
      '/api/admin/sync',
      apiError(422, 'unprocessable', 'No Exchange connection is configured.'),
    );
    renderApp(api, PAGE);

    await user.click(await screen.findByRole('button', { name: text.syncAll }));

    expect((await screen.findByRole('alert')).textContent).toContain('No Exchange connection is configured.');
  });

  it('points to the settings when no Exchange is configured', async () => {
    const api = adminServer().on(
      'get',
      '/api/admin/integration/overview',
      ok(buildOverview([], { exchangeConfigured: false })),
    );
    renderApp(api, PAGE);

    expect(await screen.findByText(text.notConfigured, { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: text.configure }).getAttribute('href')).toBe('/admin/exchange');
    expect(screen.getByRole('button', { name: text.syncAll })).toHaveProperty('disabled', true);
  });

  it('shows a failed load with a way to retry', async () => {
    const user = userEvent.setup();
    const api = adminServer().on('get', '/api/admin/integration/overview', apiError(500, 'internal', 'boom'));
    renderApp(api, PAGE);

    expect((await screen.findByRole('alert')).textContent).toContain('The server had a problem');
    api.on('get', '/api/admin/integration/overview', ok(buildOverview(rooms)));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: text.tableLabel })).toBeTruthy();
  });
});
