import { useEffect, useRef, useState } from 'react';
import { ordersEndpoints } from '../../../../shared/api/orders';

/** live: the event stream is open; polling: it failed, so the board is reloaded on a timer. */
export type LiveMode = 'connecting' | 'live' | 'polling';

/** The issue allows polling at most every 10 s when live updates are unavailable. */
export const POLL_INTERVAL_MS = 10_000;

export const BOARD_EVENTS_URL = `/api${ordersEndpoints.boardEvents.path}`;

/**
 * Calls `onChange` whenever an order changes: on each `order` server-sent event, or every
 * POLL_INTERVAL_MS while the event stream is down. EventSource goes to the same origin, so the
 * session cookie travels with it. The browser reconnects a dropped stream by itself; when it is
 * back, the board is reloaded once for the events missed in between.
 */
export function useLiveUpdates(onChange: () => void): LiveMode {
  const [mode, setMode] = useState<LiveMode>(() => (typeof EventSource === 'undefined' ? 'polling' : 'connecting'));
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      setMode('polling');
      timer ??= setInterval(() => callback.current(), POLL_INTERVAL_MS);
    };
    const stopPolling = () => {
      clearInterval(timer);
      timer = undefined;
    };
    if (typeof EventSource === 'undefined') {
      startPolling();
      return stopPolling;
    }

    const source = new EventSource(BOARD_EVENTS_URL);
    let missedEvents = false;
    source.addEventListener('open', () => {
      stopPolling();
      setMode('live');
      if (missedEvents) callback.current();
      missedEvents = false;
    });
    source.addEventListener('order', () => callback.current());
    source.addEventListener('error', () => {
      missedEvents = true;
      startPolling();
      // CLOSED means the browser gave up (e.g. the answer was not an event stream): poll from now on.
      if (source.readyState === EventSource.CLOSED) source.close();
    });
    return () => {
      source.close();
      stopPolling();
    };
  }, []);

  return mode;
}
