/**
 * The facility team's board: orders by delivery slot, status changes, resolving what needs
 * attention, the CSV export, and a live stream of order changes (server-sent events with a
 * keep-alive comment, seen by the board of this instance only).
 */
import { Router, type Response } from 'express';
import { ordersEndpoints as endpoints } from '../../../../shared/api/orders';
import type { OrdersService } from '../../../services/catering/orders';
import { mount, requireActor } from '../../route';
import { ordersCsv } from './csv';

export interface FacilityRouterDeps {
  readonly orders: OrdersService;
  /** Keep-alive comment interval of the event stream. */
  readonly heartbeatMs?: number;
}

function openEventStream(res: Response, orders: OrdersService, heartbeatMs: number): void {
  // no-transform keeps the compression middleware from buffering the stream.
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 5000\n\n');
  const unsubscribe = orders.subscribe((change) => {
    res.write(`event: order\ndata: ${JSON.stringify({ id: change.orderId, kind: change.kind })}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

export function facilityRouter({ orders, heartbeatMs = 15_000 }: FacilityRouterDeps): Router {
  const router = Router();

  mount(router, endpoints.facilityBoard, ({ query }) =>
    orders.board({
      from: new Date(query.from),
      to: new Date(query.to),
      attentionOnly: query.needsAttention === 'true',
      ...(query.buildingId ? { buildingId: query.buildingId } : {}),
    }),
  );
  mount(router, endpoints.exportOrders, async ({ query, res }) => {
    const list = await orders.exportOrders({
      from: new Date(query.from),
      to: new Date(query.to),
      attentionOnly: false,
      ...(query.buildingId ? { buildingId: query.buildingId } : {}),
    });
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(`orders-${query.from.slice(0, 10)}.csv`)
      .send(ordersCsv(list));
  });
  mount(router, endpoints.boardEvents, ({ res }) => {
    openEventStream(res, orders, heartbeatMs);
    return Promise.resolve();
  });
  mount(router, endpoints.setOrderStatus, ({ params, body, res }) =>
    orders.setStatus(requireActor(res), params.id, body.status, body.note),
  );
  mount(router, endpoints.resolveAttention, ({ params, body, res }) =>
    orders.resolveAttention(requireActor(res), params.id, body.action),
  );

  return router;
}
