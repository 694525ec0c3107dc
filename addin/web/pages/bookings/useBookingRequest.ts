import { useCallback, useState } from 'react';
import type { Booking } from '../../../../shared/schemas/bookings';
import { bookingFailure, type BookingFailure } from './bookingErrors';

export type RequestPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'sent'; readonly booking: Booking }
  | { readonly kind: 'failed'; readonly failure: BookingFailure };

/** One booking request (POST or PATCH) at a time: sending, its booking, or why it failed in words. */
export function useBookingRequest() {
  const [phase, setPhase] = useState<RequestPhase>({ kind: 'idle' });
  const send = useCallback(async (request: () => Promise<Booking>) => {
    setPhase({ kind: 'sending' });
    try {
      setPhase({ kind: 'sent', booking: await request() });
    } catch (error: unknown) {
      setPhase({ kind: 'failed', failure: bookingFailure(error) });
    }
  }, []);
  const reset = useCallback(() => setPhase({ kind: 'idle' }), []);
  return { phase, send, reset };
}
