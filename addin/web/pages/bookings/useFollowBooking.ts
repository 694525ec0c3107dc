import { useCallback, useEffect, useState } from 'react';
import { bookingsEndpoints } from '../../../../shared/api/bookings';
import type { Booking } from '../../../../shared/schemas/bookings';
import { useApi } from '../../../ui/hooks/useApi';

/** Seconds the server may hold each long poll open while the booking is pending. */
export const WAIT_SECONDS = 10;
/** A server that answers a long poll at once (say, a proxy) must not turn it into a busy loop. */
const MIN_POLL_MS = 1000;

export interface FollowedBooking {
  /** The latest known state of the booking; undefined before there is one to follow. */
  readonly booking: Booking | undefined;
  /** The long poll failed; the booking may still be decided, `retry` asks again. */
  readonly lost: boolean;
  readonly retry: () => void;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Follows a booking from pending to its outcome with `GET /api/bookings/:id?wait=10`, asking again
 * while Exchange has not answered. Stops on unmount, on a new booking, and once it is decided.
 */
export function useFollowBooking(initial: Booking | undefined): FollowedBooking {
  const api = useApi();
  // Answers are tied to the booking object they followed: a newer one from the caller (the list
  // read again, another booking) wins over what an earlier poll said.
  const [latest, setLatest] = useState<{ readonly from: Booking; readonly booking: Booking }>();
  const [lostFrom, setLostFrom] = useState<Booking>();
  const [attempt, setAttempt] = useState(0);
  const booking = latest !== undefined && latest.from === initial ? latest.booking : initial;
  const pending = booking?.status === 'pending';

  useEffect(() => {
    if (initial === undefined || !pending) return;
    const from = initial;
    const controller = new AbortController();
    const { signal } = controller;
    const follow = async () => {
      try {
        for (;;) {
          const asked = Date.now();
          const next = await api.call(bookingsEndpoints.getBooking, {
            params: { id: from.id },
            query: { wait: WAIT_SECONDS },
            signal,
          });
          if (signal.aborted) return;
          setLatest({ from, booking: next });
          if (next.status !== 'pending') return;
          const early = MIN_POLL_MS - (Date.now() - asked);
          if (early > 0) await pause(early, signal);
          if (signal.aborted) return;
        }
      } catch {
        if (!signal.aborted) setLostFrom(from);
      }
    };
    void follow();
    return () => controller.abort();
  }, [api, initial, pending, attempt]);

  const retry = useCallback(() => {
    setLostFrom(undefined);
    setAttempt((n) => n + 1);
  }, []);
  return { booking, lost: lostFrom !== undefined && lostFrom === initial && pending, retry };
}
