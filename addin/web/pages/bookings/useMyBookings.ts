import { useCallback, useEffect, useState } from 'react';
import { bookingsEndpoints } from '../../../../shared/api/bookings';
import { ordersEndpoints } from '../../../../shared/api/orders';
import type { MyBooking } from '../../../../shared/schemas/bookings';
import type { Order } from '../../../../shared/schemas/orders';
import { useApi } from '../../../ui/hooks/useApi';

export interface MyBookings {
  /** The last list the server sent; kept while reloading, so the page does not jump. */
  readonly bookings: MyBooking[] | undefined;
  readonly error: unknown;
  readonly reload: () => void;
  /** The catering I ordered, per booking (the last answer; empty until it arrives or if it fails). */
  readonly ordersByBooking: ReadonlyMap<string, readonly Order[]>;
}

const NO_ORDERS: ReadonlyMap<string, readonly Order[]> = new Map();

function byBooking(orders: readonly Order[]): ReadonlyMap<string, readonly Order[]> {
  const grouped = new Map<string, Order[]>();
  for (const order of orders) {
    if (order.bookingId === null) continue;
    grouped.set(order.bookingId, [...(grouped.get(order.bookingId) ?? []), order]);
  }
  return grouped;
}

export function useMyBookings(): MyBookings {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const [bookings, setBookings] = useState<MyBooking[]>();
  const [error, setError] = useState<unknown>();
  const [ordersByBooking, setOrdersByBooking] = useState(NO_ORDERS);

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
    // Catering is extra: the bookings show without it when it cannot be read.
    const loadOrders = async () => {
      try {
        const orders = await api.call(ordersEndpoints.listMyOrders, {
          query: { includeClosed: 'true' },
          signal: controller.signal,
        });
        if (!controller.signal.aborted) setOrdersByBooking(byBooking(orders));
      } catch {
        // Keeps the last answer.
      }
    };
    void load();
    void loadOrders();
    return () => controller.abort();
  }, [api, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { bookings, error, reload, ordersByBooking };
}
