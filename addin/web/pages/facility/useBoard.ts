import { useCallback, useEffect, useState } from 'react';
import { ordersEndpoints } from '../../../../shared/api/orders';
import type { Board, Order } from '../../../../shared/schemas/orders';
import { useApi } from '../../../ui/hooks/useApi';
import type { boardQueryOf } from './boardFilters';

type BoardQuery = ReturnType<typeof boardQueryOf>;

interface Loaded {
  readonly key: string;
  readonly board: Board | undefined;
  readonly error: unknown;
}

export interface BoardData {
  /** The board for the current filters; kept while a later refresh fails. */
  readonly board: Board | undefined;
  /** The latest failure for the current filters, cleared by the next success. */
  readonly error: unknown;
  /** Loads again now (a live event, a poll, a retry); an earlier request still under way is dropped. */
  readonly refresh: () => void;
  /** Puts the server's answer to a change on the board before the next refresh arrives. */
  readonly replaceOrder: (order: Order) => void;
}

/**
 * The facility board for `query`. New filters show nothing until their answer arrives (no stale
 * orders of another day); refreshes of the same filters keep the orders on screen.
 */
export function useBoard(query: BoardQuery): BoardData {
  const api = useApi();
  const key = JSON.stringify(query);
  const [loaded, setLoaded] = useState<Loaded>();
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const run = async () => {
      try {
        const board = await api.call(ordersEndpoints.facilityBoard, { query, signal: controller.signal });
        if (!controller.signal.aborted) setLoaded({ key, board, error: undefined });
      } catch (error: unknown) {
        if (controller.signal.aborted) return;
        setLoaded((prev) => ({ key, board: prev?.key === key ? prev.board : undefined, error }));
      }
    };
    void run();
    return () => controller.abort();
    // The key stands for the query: a new query object with the same values is no new request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, round]);

  const refresh = useCallback(() => setRound((n) => n + 1), []);
  const replaceOrder = useCallback((order: Order) => {
    setLoaded((prev) => (prev?.board ? { ...prev, board: withOrder(prev.board, order) } : prev));
  }, []);

  const current = loaded?.key === key ? loaded : undefined;
  return { board: current?.board, error: current?.error, refresh, replaceOrder };
}

function withOrder(board: Board, order: Order): Board {
  return {
    ...board,
    groups: board.groups.map((group) => ({
      ...group,
      orders: group.orders.map((o) => (o.id === order.id ? order : o)),
    })),
  };
}
