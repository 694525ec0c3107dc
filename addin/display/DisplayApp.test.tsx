/** @jest-environment jsdom */
import '../ui/testing/jsdomGlobals';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, apiError, heldReply, inTurn, ok } from '../ui/testing/fakeApi';
import { DisplayApp } from './DisplayApp';
import { DisplayApi } from './live/displayApi';
import { DeviceStore } from './model/deviceStore';
import { displayStrings as words } from './strings';
import { atMs, displayState, meeting } from './testing/builders';
import { FakeStream, stateEvent } from './testing/fakeStream';

const TOKEN = 'rs_dsp_test';
const REQUEST_ID = '00000000-0000-4000-8000-0000000000aa';
const NOW = atMs('10:30');
const review = meeting('10:00', '11:00', { title: 'Quarterly review', organizer: 'Emma Schmidt' });
const retro = meeting('14:00', '15:00', { title: 'Retro' });
const ghost = meeting('12:00', '13:00', { title: 'Ghost', released: true });
const busy = displayState('10:30', [review, ghost, retro]);
const free = displayState('10:30', [ghost, retro]);

interface Rendered {
  readonly reloads: number[];
}

function start(server: FakeApi, stream: FakeStream, options: { code?: string; clock?: () => number } = {}): Rendered {
  const store = new DeviceStore(localStorage);
  const reloads: number[] = [];
  const api = new DisplayApi({
    transport: server.transport,
    streamFetch: stream.fetch,
    buildId: 'build-1',
    token: () => store.token(),
  });
  render(
    <DisplayApp
      api={api}
      store={store}
      clock={options.clock ?? (() => NOW)}
      initialCode={options.code ?? null}
      buildId="build-1"
      reload={() => reloads.push(1)}
      dark={false}
    />,
  );
  return { reloads };
}

function serverWith(state: object): FakeApi {
  return new FakeApi()
    .on('get', '/api/display/state', ok(state))
    .on('get', '/display/version.json', ok({ build: 'build-1' }));
}

describe('the room display app', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  describe('pairing', () => {
    it('pairs with a code typed in any case, with spaces, and then shows the room', async () => {
      const server = serverWith(free).on('post', '/api/display/pair', ok({ token: TOKEN, roomId: free.room.id }));
      start(server, new FakeStream());
      await userEvent.type(screen.getByLabelText(words.pairing.codeLabel), 'k7qm xw3p');
      await userEvent.click(screen.getByRole('button', { name: words.pairing.submit }));
      await screen.findByRole('heading', { name: 'Elbe' });
      expect(server.requestsTo('post', '/api/display/pair')[0]?.json).toEqual({ code: 'K7QMXW3P' });
      expect(localStorage.getItem('roomserve.display.token')).toBe(TOKEN);
    });

    it('pairs at once with ?code= and says in words when the code is wrong or tried too often', async () => {
      const server = new FakeApi().on('post', '/api/display/pair', apiError(422, 'unprocessable'));
      start(server, new FakeStream(), { code: 'K7QM-XW3P' });
      expect(await screen.findByRole('alert')).toHaveProperty('textContent', words.pairing.wrongCode);
      server.on('post', '/api/display/pair', apiError(429, 'rate_limited'));
      await userEvent.click(screen.getByRole('button', { name: words.pairing.submit }));
      await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(words.pairing.tooMany));
      expect(server.requestsTo('post', '/api/display/pair')).toHaveLength(2);
    });

    it('names a code that cannot be one before asking the server', async () => {
      const server = new FakeApi();
      start(server, new FakeStream());
      await userEvent.type(screen.getByLabelText(words.pairing.codeLabel), 'K7QM');
      await userEvent.click(screen.getByRole('button', { name: words.pairing.submit }));
      expect(screen.getByRole('alert').textContent).toBe(words.pairing.notACode);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('paired', () => {
    beforeEach(() => localStorage.setItem('roomserve.display.token', TOKEN));

    it('shows the state in a word, the meeting, the time left, the next meetings and other rooms, from the stream', async () => {
      const stream = new FakeStream();
      const server = serverWith(free);
      start(server, stream);
      await waitFor(() => expect(stream.opened).toHaveLength(1));
      expect(stream.latest.headers).toMatchObject({ Authorization: `Bearer ${TOKEN}`, 'X-Display-Version': 'build-1' });
      act(() => stream.latest.send(stateEvent(busy)));
      const status = await screen.findByRole('region', { name: words.state.busy });
      expect(status.textContent).toContain('Quarterly review');
      expect(status.textContent).toContain('by Emma Schmidt');
      expect(status.textContent).toContain('30 min left, until 11:00');
      expect(screen.getByRole('region', { name: words.next }).textContent).toContain('14:00–15:00Retro');
      expect(screen.getByRole('region', { name: words.nearestFree }).textContent).toContain('Alster');
      const timeline = screen.getByRole('region', { name: words.timelineLabel });
      expect(timeline.querySelector('[data-released]')?.getAttribute('aria-label')).toBe(
        '12:00–13:00 Ghost (released)',
      );
    });

    it('books now in two taps, sending once with a fresh request id, and shows pending then confirmed', async () => {
      const stream = new FakeStream();
      const held = heldReply();
      const server = serverWith(free).on('post', '/api/display/book-now', () => held.reply);
      start(server, stream);
      await userEvent.click(await screen.findByRole('button', { name: words.actions.bookNow }));
      const thirty = screen.getByRole('button', { name: '30 min' });
      await userEvent.dblClick(thirty);
      await screen.findByText(words.actions.sending);
      const pendingMeeting = meeting('10:30', '11:00', { title: 'Booked on the display', status: 'pending' });
      held.release(ok({ requestId: REQUEST_ID, outcome: 'pending', state: displayState('10:30', [pendingMeeting]) }));
      await screen.findByText(words.actions.pending);
      const sent = server.requestsTo('post', '/api/display/book-now');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.json).toMatchObject({ minutes: 30 });
      expect((sent[0]?.json as { requestId: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(sent[0]?.headers['X-Display-Version']).toBe('build-1');
      // The room's attendant accepts: the pushed state says confirmed.
      await waitFor(() => expect(stream.opened.length).toBeGreaterThan(0));
      act(() => stream.latest.send(stateEvent(displayState('10:30', [{ ...pendingMeeting, status: 'confirmed' }]))));
      await screen.findByText(words.actions.confirmed['book-now']);
    });

    it('says a 409 in words, with the next free time and the rooms nearby', async () => {
      const server = serverWith(free).on(
        'post',
        '/api/display/book-now',
        apiError(409, 'conflict', 'Someone booked the room a moment ago.', {
          nextFreeAt: meeting('11:30', '12:00').start,
          nearestFree: [{ name: 'Alster', floorName: 'Floor 2' }],
        }),
      );
      start(server, new FakeStream());
      await userEvent.click(await screen.findByRole('button', { name: words.actions.bookNow }));
      await userEvent.click(screen.getByRole('button', { name: '15 min' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Someone booked the room a moment ago. Free again at 11:30.');
      expect(alert.textContent).toContain('Alster · Floor 2');
    });

    it('asks for the PIN first when the display has one, and sends it with the action', async () => {
      const withPin = displayState('10:30', [review], { pinRequired: true });
      const server = serverWith(withPin).on('post', '/api/display/extend', (req) =>
        req.headers['X-Display-Pin'] === '4711'
          ? ok({ requestId: REQUEST_ID, outcome: 'confirmed', state: withPin })
          : apiError(403, 'forbidden'),
      );
      start(server, new FakeStream());
      await userEvent.click(await screen.findByRole('button', { name: words.actions.extend }));
      for (const digit of '4711') await userEvent.click(screen.getByRole('button', { name: digit }));
      await userEvent.click(screen.getByRole('button', { name: words.pin.ok }));
      await userEvent.click(screen.getByRole('button', { name: '15 min' }));
      await screen.findByText(words.actions.confirmed.extend);
      expect(server.requestsTo('post', '/api/display/extend')[0]?.json).toMatchObject({ minutes: 15 });
    });

    it('checks in with one tap and ends early after a confirmation', async () => {
      const awaiting = displayState('10:30', [meeting('10:25', '11:00')], { checkInRequired: true });
      const server = serverWith(awaiting)
        .on('post', '/api/display/check-in', ok({ requestId: REQUEST_ID, outcome: 'confirmed', state: awaiting }))
        .on('post', '/api/display/end', ok({ requestId: REQUEST_ID, outcome: 'confirmed', state: free }));
      start(server, new FakeStream());
      await userEvent.click(await screen.findByRole('button', { name: words.actions.checkIn }));
      await screen.findByText(words.actions.confirmed['check-in']);
      expect(server.requestsTo('post', '/api/display/check-in')).toHaveLength(1);
      await userEvent.click(screen.getByRole('button', { name: words.actions.end }));
      expect(server.requestsTo('post', '/api/display/end')).toHaveLength(0);
      await userEvent.click(screen.getByRole('button', { name: words.actions.confirmEnd }));
      await screen.findByText(words.actions.confirmed.end);
      await screen.findByRole('region', { name: words.state.free });
    });

    it('offline: keeps the cached schedule on the device clock, says since when, and disables the actions', async () => {
      localStorage.setItem('roomserve.display.lastState', JSON.stringify({ state: free, receivedAt: atMs('10:42') }));
      const stream = new FakeStream();
      stream.status = 0;
      const server = new FakeApi().on('get', '/api/display/state', () => Promise.reject(new TypeError('down')));
      // Later than the cache: the retro is now on, computed on the device's clock.
      start(server, stream, { clock: () => atMs('14:10') });
      await screen.findByText(words.offlineSince('10:42'));
      expect(screen.getByRole('region', { name: words.state.busy }).textContent).toContain('Retro');
      expect(screen.getByRole('button', { name: words.actions.end })).toHaveProperty('disabled', true);
      expect(screen.getByRole('region', { name: words.timelineLabel }).querySelectorAll('li')).toHaveLength(2);
    });

    it('asks the server again when the device clock moves the state on, for the choices that fit now', async () => {
      // Ended early at 10:29:10: the server still says "ending soon" (until 10:30) and offers nothing.
      const ending = displayState('10:29', [meeting('10:00', '10:30')], { state: 'ending-soon', bookNowOptions: [] });
      const server = serverWith(ending).on('get', '/api/display/state', inTurn(ok(ending), ok(free)));
      start(server, new FakeStream());
      await screen.findByRole('button', { name: words.actions.bookNow });
      expect(server.requestsTo('get', '/api/display/state').length).toBeGreaterThanOrEqual(2);
    });

    it('returns to pairing after a 401, forgetting the token', async () => {
      start(new FakeApi().on('get', '/api/display/state', apiError(401, 'unauthenticated')), new FakeStream());
      await screen.findByText(words.pairing.unpaired);
      expect(localStorage.getItem('roomserve.display.token')).toBeNull();
    });

    it('reloads when the server names another build after a reconnect', async () => {
      localStorage.setItem('roomserve.display.lastState', JSON.stringify({ state: free, receivedAt: NOW }));
      const stream = new FakeStream();
      stream.status = 503;
      const server = new FakeApi()
        .on('get', '/api/display/state', apiError(503, 'unavailable'))
        .on('get', '/display/version.json', ok({ build: 'build-2' }));
      const app = start(server, stream);
      await screen.findByText(words.offlineSince('10:30'));
      server.on('get', '/api/display/state', ok(free));
      stream.status = 200;
      await waitFor(() => expect(app.reloads).toHaveLength(1), { timeout: 8_000 });
    });
  });
});
