/**
 * The facility team's board: orders by delivery slot, status changes, resolving what needs
 * attention, the CSV export, and a live stream of order changes (server-sent events with a
 * keep-alive comment; on PostgreSQL every instance's board hears every instance's changes).
 */
import type { Response } from 'express';
import { ordersEndpoints as endpoints } from '../../../../shared/api/orders';
import type { OrdersService } from '../../../services/catering/orders';
import { openEventStream } from '../../eventStream';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';
import { ordersCsv } from './csv';

export interface FacilityRouterDeps {
  readonly orders: OrdersService;
  /** Keep-alive comment interval of the event stream. */
  readonly heartbeatMs?: number;
}

function followOrders(res: Response, orders: OrdersService, heartbeatMs: number): void {
  const stream = openEventStream(res, { heartbeatMs });
  const unsubscribe = orders.subscribe((change) => {
    stream.send('order', { id: change.orderId, kind: change.kind });
  });
  stream.onClose(unsubscribe);
}

export function facilityRouter({ orders, heartbeatMs = 15_000 }: FacilityRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/facility');

  mount(routes, endpoints.facilityBoard, ({ query }) =>
    orders.board({
      from: new Date(query.from),
      to: new Date(query.to),
      attentionOnly: query.needsAttention === 'true',
      ...(query.buildingId ? { buildingId: query.buildingId } : {}),
    }),
  );
  mount(routes, endpoints.exportOrders, async ({ query, res }) => {
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
  mount(routes, endpoints.boardEvents, ({ res }) => {
    followOrders(res, orders, heartbeatMs);
    return Promise.resolve();
  });
  mount(routes, endpoints.setOrderStatus, ({ params, body, res }) =>
    orders.setStatus(requireActor(res), params.id, body.status, body.note),
  );
  mount(routes, endpoints.resolveAttention, ({ params, body, res }) =>
    orders.resolveAttention(requireActor(res), params.id, body.action),
  );

  return routes;
}
