import { useMemo } from 'react';
import type { Order } from '../../../shared/schemas/orders';
import { isApiError } from '../../api/client';
import type { AsyncResult } from '../../ui/hooks/useAsync';
import { useKeptAsync } from '../useKeptAsync';
import type { OrdersApi } from './ordersApi';

/**
 * The orders placed from this appointment, by the ids recorded in its custom properties (compose
 * mode before Mailbox 1.8 cannot name the meeting any other way). An order that is gone (404) is
 * left out rather than failing the list.
 */
export function useOrders(
  api: OrdersApi,
  ids: readonly string[],
  reloadKey: string,
): AsyncResult<Order[]> & { readonly data: Order[] | undefined } {
  const key = useMemo(() => `${reloadKey}|${ids.join(',')}`, [reloadKey, ids]);
  return useKeptAsync(key, async (signal) => {
    const found = await Promise.all(
      ids.map(async (id) => {
        try {
          return await api.get(id, signal);
        } catch (error: unknown) {
          if (isApiError(error) && error.status === 404) return undefined;
          throw error;
        }
      }),
    );
    return found
      .filter((order): order is Order => order !== undefined)
      .sort((a, b) => Date.parse(a.deliveryAt) - Date.parse(b.deliveryAt));
  });
}
