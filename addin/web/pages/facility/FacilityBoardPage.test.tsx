/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Order } from '../../../../shared/schemas/orders';
import { buildBuilding, buildUser } from '../../../ui/testing/builders';
import { FakeApi, apiError, ok, type FakeReply } from '../../../ui/testing/fakeApi';
import { CSRF_TOKEN, renderApp, signedInAs } from '../../testing/renderApp';
import { FakeEventSource, boardOf, buildOrder, installFakeEventSource } from './testSupport';

/** @timezone-sensitive: the board asks for the browser's local day; orders are shown on Berlin clocks. */
const DAY = '/facility?view=day&date=2026-05-04';
const BOARD = '/api/facility/orders';

const harbour = buildBuilding({ name: 'Harbour House' });
const mill = buildBuilding({ name: 'Old Mill' });
const lighthouse = { roomId: '00000000-0000-4000-8000-0000000000a1', roomName: 'Lighthouse', buildingId: harbour.id };
const seaview = { roomId: '00000000-0000-4000-8000-0000000000a2', roomName: 'Seaview', buildingId: harbour.id };

const breakfast = buildOrder({ ...lighthouse, meeting: { ...buildOrder().meeting, subject: 'Board meeting' } });
const coffee = buildOrder({
  ...seaview,
  meeting: { ...buildOrder().meeting, subject: 'Sales sync' },
  lines: breakfast.lines.map((line) => ({
    ...line,
    name: 'Coffee pot',
    unit: 'per-item' as const,
    quantity: 2,
    quantityToDeliver: 2,
  })),
});
const lunch = buildOrder({
  ...lighthouse,
  meeting: { ...buildOrder().meeting, subject: 'Strategy lunch' },
  deliveryAt: '2026-05-04T10:00:00.000Z',
  delivery: { kind: 'at-start' },
  eventStart: '2026-05-04T10:00:00.000Z',
  eventEnd: '2026-05-04T11:00:00.000Z',
  attention: ['outside-provider-hours', 'building-not-served'],
});

/** The board server: answers from `orders()` at the time of each request, filtered as the API does. */
function server(orders: () => readonly Order[]): FakeApi {
  return signedInAs(new FakeApi(), buildUser({ role: 'facility', name: 'Fiona Facility' }))
    .on('get', '/api/info', ok({ simulatedExchange: false, demo: false }))
    .on('get', '/api/buildings', ok([harbour, mill]))
    .on('get', BOARD, (req) => {
      const onlyAttention = req.query.get('needsAttention') === 'true';
      const shown = orders().filter((o) => !onlyAttention || o.attention.length > 0);
      return ok(boardOf(shown, { from: req.query.get('from') ?? '', to: req.query.get('to') ?? '' }));
    });
}

/** Where this test runs on other clocks than Berlin's (the UTC pass), the board names Berlin's zone. */
const BERLIN = Intl.DateTimeFormat().resolvedOptions().timeZone === 'Europe/Berlin' ? '' : ' (Europe/Berlin)';
const at = (time: string) => `${time}${BERLIN}`;

const boardRequests = (api: FakeApi) => api.requestsTo('get', BOARD);
const card = (subject: RegExp) => screen.getByRole('article', { name: subject });
const slot = (name: string) => screen.getByRole('region', { name });

let uninstall: () => void;
beforeEach(() => {
  uninstall = installFakeEventSource();
});
afterEach(() => uninstall());

describe('the facility board', () => {
  it('groups the chosen day’s orders by delivery time and room, with everything the delivery needs', async () => {
    const api = server(() => [lunch, coffee, breakfast]);
    renderApp(api, DAY);

    await screen.findByRole('heading', { name: `${at('09:45')} · Lighthouse · Harbour House`, level: 3 });
    const slots = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(slots).toEqual([
      `${at('09:45')} · Lighthouse · Harbour House`,
      `${at('09:45')} · Seaview · Harbour House`,
      `${at('12:00')} · Lighthouse · Harbour House`,
    ]);
    expect(within(slot(`${at('09:45')} · Lighthouse · Harbour House`)).getAllByRole('article')).toHaveLength(1);
    expect(
      within(slot(`${at('09:45')} · Seaview · Harbour House`))
        .getByRole('article')
        .getAttribute('aria-label'),
    ).toMatch(/Sales sync/);

    const order = within(card(/Board meeting/));
    // What to deliver: 1 croissant per person for 8 people is 8 croissants.
    expect(order.getByText('8 × Butter croissant (1 per person × 8 people)')).toBeTruthy();
    expect(within(card(/Sales sync/)).getByText('2 × Coffee pot')).toBeTruthy();
    expect(order.getByText('8 people')).toBeTruthy();
    expect(order.getByText('Two vegan')).toBeTruthy();
    expect(order.getByText('Please bring napkins')).toBeTruthy();
    expect(order.getByText('CC-4711')).toBeTruthy();
    expect(order.getByText('Olga Organizer <olga.organizer@northwind.test>')).toBeTruthy();
    expect(order.getByText('Requested')).toBeTruthy();
    expect(order.getByText((content) => content.startsWith(`${at('09:45')}, 15 min before the start`))).toBeTruthy();

    const flagged = within(card(/Strategy lunch/));
    expect(flagged.getByText('Needs attention', { selector: 'span *, span' })).toBeTruthy();
    expect(flagged.getByText('The new time is outside the provider’s working hours.')).toBeTruthy();
    expect(flagged.getByText('The meeting moved to a building the provider does not serve.')).toBeTruthy();

    // The browser's whole day, midnight to midnight, with its offset.
    const [first] = boardRequests(api);
    expect(Date.parse(first?.query.get('from') ?? '')).toBe(new Date(2026, 4, 4).getTime());
    expect(Date.parse(first?.query.get('to') ?? '')).toBe(new Date(2026, 4, 5).getTime());
    expect(first?.query.get('needsAttention')).toBe('false');
  });

  it('moves an order one step with one click and sends that status', async () => {
    const user = userEvent.setup();
    let current = breakfast;
    const api = server(() => [current]).on('post', `${BOARD}/:id/status`, (req) => {
      current = { ...current, status: 'accepted' };
      return req.json && typeof req.json === 'object' ? ok(current) : apiError(400, 'validation_failed');
    });
    renderApp(api, DAY);

    await user.click(await screen.findByRole('button', { name: 'Accept: Board meeting' }));

    await waitFor(() => expect(within(card(/Board meeting/)).getByText('Accepted')).toBeTruthy());
    const [sent] = api.requestsTo('post', `${BOARD}/${breakfast.id}/status`);
    expect(sent?.json).toEqual({ status: 'accepted' });
    expect(sent?.headers['X-CSRF-Token']).toBe(CSRF_TOKEN);
    // The next step is one click away, too.
    expect(await screen.findByRole('button', { name: 'Start preparing: Board meeting' })).toBeTruthy();
  });

  it('marks an order whose meeting is not sent yet as waiting, and offers no preparing step for it', async () => {
    const user = userEvent.setup();
    let current: Order = { ...breakfast, awaitingMeeting: true, bookingId: null };
    const api = server(() => [current, coffee]).on('post', `${BOARD}/:id/status`, () => {
      current = { ...current, status: 'accepted' };
      return ok(current);
    });
    renderApp(api, DAY);

    const waiting = within(await screen.findByRole('article', { name: /Board meeting/ }));
    expect(waiting.getByText('Waiting for the meeting to be sent')).toBeTruthy();
    expect(waiting.getByText(/has not sent it yet/)).toBeTruthy();
    expect(within(card(/Sales sync/)).queryByText('Waiting for the meeting to be sent')).toBeNull();

    await user.click(waiting.getByRole('button', { name: 'Accept: Board meeting' }));

    await waitFor(() => expect(within(card(/Board meeting/)).getByText('Accepted')).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Start preparing: Board meeting' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Decline: Board meeting' })).toBeTruthy();
  });

  it('declines with the reason the user gives', async () => {
    const user = userEvent.setup();
    const api = server(() => [breakfast]).on('post', `${BOARD}/:id/status`, ok({ ...breakfast, status: 'declined' }));
    renderApp(api, DAY);

    await user.click(await screen.findByRole('button', { name: 'Decline: Board meeting' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Decline order' }));
    expect(within(dialog).getByText('Say why the order is declined.')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox'), 'Kitchen closed for inspection');
    await user.click(within(dialog).getByRole('button', { name: 'Decline order' }));

    await waitFor(() => expect(api.requestsTo('post', `${BOARD}/${breakfast.id}/status`)).toHaveLength(1));
    expect(api.requestsTo('post', `${BOARD}/${breakfast.id}/status`)[0]?.json).toEqual({
      status: 'declined',
      note: 'Kitchen closed for inspection',
    });
  });

  it('shows the new status at once and goes back to the old one, saying why, when the server refuses', async () => {
    const user = userEvent.setup();
    let refuse: (reply: FakeReply) => void = () => undefined;
    const api = server(() => [breakfast]).on(
      'post',
      `${BOARD}/:id/status`,
      () => new Promise<FakeReply>((resolve) => (refuse = resolve)),
    );
    renderApp(api, DAY);

    await user.click(await screen.findByRole('button', { name: 'Accept: Board meeting' }));
    expect(within(card(/Board meeting/)).getByText('Accepted')).toBeTruthy();

    act(() => refuse(apiError(409, 'conflict', 'The order was cancelled meanwhile.')));

    const alert = await within(card(/Board meeting/)).findByRole('alert');
    expect(alert.textContent).toContain('The order for “Board meeting” was not changed.');
    expect(alert.textContent).toContain('The order was cancelled meanwhile.');
    expect(within(card(/Board meeting/)).getByText('Requested')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Accept: Board meeting' })).toBeTruthy();
  });

  it('resolves a needs-attention order with the action chosen', async () => {
    const user = userEvent.setup();
    const api = server(() => [lunch]).on('post', `${BOARD}/:id/attention`, ok({ ...lunch, attention: [] }));
    renderApp(api, DAY);

    await user.click(await screen.findByRole('button', { name: 'Keep as agreed: Strategy lunch' }));

    await waitFor(() => expect(api.requestsTo('post', `${BOARD}/${lunch.id}/attention`)).toHaveLength(1));
    expect(api.requestsTo('post', `${BOARD}/${lunch.id}/attention`)[0]?.json).toEqual({ action: 'keep' });
  });

  it('filters to the orders that need attention', async () => {
    const user = userEvent.setup();
    const api = server(() => [breakfast, lunch]);
    const { router } = renderApp(api, DAY);
    await screen.findByRole('article', { name: /Board meeting/ });

    await user.click(screen.getByRole('switch', { name: 'Only orders that need attention' }));

    await waitFor(() => expect(screen.queryByRole('article', { name: /Board meeting/ })).toBeNull());
    expect(screen.getByRole('article', { name: /Strategy lunch/ })).toBeTruthy();
    expect(boardRequests(api).at(-1)?.query.get('needsAttention')).toBe('true');
    expect(router.state.location.search).toContain('attention=true');
  });

  it('reloads when the server announces an order change', async () => {
    let orders: Order[] = [breakfast];
    const api = server(() => orders);
    renderApp(api, DAY);
    await screen.findByRole('article', { name: /Board meeting/ });
    const source = FakeEventSource.latest();
    expect(source.url).toBe('/api/facility/orders/events');

    act(() => source.open());
    expect(screen.getByText('Live')).toBeTruthy();
    orders = [breakfast, coffee];
    act(() => source.emit('order', { id: coffee.id, kind: 'created' }));

    expect(await screen.findByRole('article', { name: /Sales sync/ })).toBeTruthy();
    expect(boardRequests(api)).toHaveLength(2);
  });

  it('says when it falls back to polling', async () => {
    renderApp(
      server(() => [breakfast]),
      DAY,
    );
    await screen.findByRole('article', { name: /Board meeting/ });

    act(() => FakeEventSource.latest().fail(false));

    expect(screen.getByText('Refreshes every 10 s')).toBeTruthy();
  });

  it('navigates by day and week, filters by building, and exports and prints what is shown', async () => {
    const user = userEvent.setup();
    const print = jest.fn();
    window.print = print;
    const api = server(() => [breakfast]);
    const { router } = renderApp(api, DAY);
    await screen.findByRole('article', { name: /Board meeting/ });

    await user.click(screen.getByRole('button', { name: 'Next day' }));
    await waitFor(() => expect(router.state.location.search).toContain('date=2026-05-05'));
    await user.click(screen.getByRole('button', { name: 'Week' }));
    await user.selectOptions(screen.getByLabelText('Building'), 'Old Mill');

    await waitFor(() => expect(boardRequests(api).at(-1)?.query.get('buildingId')).toBe(mill.id));
    const last = boardRequests(api).at(-1);
    expect(Date.parse(last?.query.get('from') ?? '')).toBe(new Date(2026, 4, 4).getTime());
    expect(Date.parse(last?.query.get('to') ?? '')).toBe(new Date(2026, 4, 11).getTime());

    const csv = new URL(
      screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href') ?? '',
      'http://roomserve.test',
    );
    expect(csv.pathname).toBe('/api/facility/orders/export.csv');
    expect(csv.searchParams.get('from')).toBe(last?.query.get('from'));
    expect(csv.searchParams.get('to')).toBe(last?.query.get('to'));
    expect(csv.searchParams.get('buildingId')).toBe(mill.id);

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});
