import { useCallback, useEffect, useState } from 'react';
import { bookingsEndpoints } from '../../../../shared/api/bookings';
import type { Booking } from '../../../../shared/schemas/bookings';
import { useApi } from '../../../ui/hooks/useApi';

export interface MyBookings {
  /** The last list the server sent; kept while reloading, so the page does not jump. */
  readonly bookings: Booking[] | undefined;
  readonly error: unknown;
  readonly reload: () => void;
}

export function useMyBookings(): MyBookings {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const [bookings, setBookings] = useState<Booking[]>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const controller = new AbortController();
    const load = async () => {
      try {
        const list = await api.call(bookingsEndpoints.listMyBookings, { signal: controller.signal });
        if (controller.signal.aborted) return;
        setBookings(list);
        setError(undefined);
      } catch (failure: unknown) {
        if (!controller.signal.aborted) setError(failure);
      }
    };
    void load();
    return () => controller.abort();
  }, [api, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { bookings, error, reload };
}
