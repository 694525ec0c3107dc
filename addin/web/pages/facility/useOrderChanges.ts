import { useCallback, useState } from 'react';
import { ordersEndpoints } from '../../../../shared/api/orders';
import type { Order, OrderStatus } from '../../../../shared/schemas/orders';
import { describeError } from '../../../ui/errors';
import { useApi } from '../../../ui/hooks/useApi';
import type { AttentionAction } from './AttentionNotice';
import type { AdvanceStatus } from './statusFlow';
import { facilityStrings as text } from './strings';

/** A change on its way to the server: the status it shows meanwhile, if it changes the status. */
interface Pending {
  readonly status: OrderStatus | undefined;
}

export interface OrderChanges {
  readonly pending: ReadonlyMap<string, Pending>;
  /** Why the latest change of an order failed, until it is dismissed or the next change starts. */
  readonly failures: ReadonlyMap<string, string>;
  readonly setStatus: (order: Order, status: AdvanceStatus | 'declined', note?: string) => Promise<void>;
  readonly resolve: (order: Order, action: AttentionAction) => Promise<void>;
  readonly dismiss: (orderId: string) => void;
}

/**
 * Status changes show at once (optimistically). On failure the card goes back to the status the
 * server has, because the pending entry is dropped, and says why; on success the server's answer
 * replaces the order and the board is reloaded, since a change can move an order between filters.
 */
export function useOrderChanges(replaceOrder: (order: Order) => void, refresh: () => void): OrderChanges {
  const api = useApi();
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(new Map());
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());

  const run = useCallback(
    async (order: Order, status: OrderStatus | undefined, send: () => Promise<Order>) => {
      setPending((map) => new Map(map).set(order.id, { status }));
      setFailures((map) => without(map, order.id));
      try {
        replaceOrder(await send());
        refresh();
      } catch (error: unknown) {
        setFailures((map) =>
          new Map(map).set(order.id, text.changeFailed(order.meeting.subject, describeError(error))),
        );
      } finally {
        setPending((map) => without(map, order.id));
      }
    },
    [replaceOrder, refresh],
  );

  const setStatus = useCallback(
    (order: Order, status: AdvanceStatus | 'declined', note?: string) =>
      run(order, status, () =>
        api.call(ordersEndpoints.setOrderStatus, { params: { id: order.id }, body: { status, note } }),
      ),
    [api, run],
  );

  const resolve = useCallback(
    (order: Order, action: AttentionAction) =>
      run(order, undefined, () =>
        api.call(ordersEndpoints.resolveAttention, { params: { id: order.id }, body: { action } }),
      ),
    [api, run],
  );

  const dismiss = useCallback((orderId: string) => setFailures((map) => without(map, orderId)), []);

  return { pending, failures, setStatus, resolve, dismiss };
}

function without<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
