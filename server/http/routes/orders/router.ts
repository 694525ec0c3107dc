/**
 * Catering orders of the meeting's organizer (and of admins or the facility team acting for
 * someone): order, list mine, the orders of an Outlook item, read, change, cancel. The facility
 * team's board is routes/facility.
 */
import { ordersEndpoints as endpoints } from '../../../../shared/api/orders';
import type { OrdersService } from '../../../services/catering/orders';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface OrdersRouterDeps {
  readonly orders: OrdersService;
}

export function ordersRouter({ orders }: OrdersRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/orders');

  mount(routes, endpoints.createOrder, ({ body, res }) => orders.createOrders(requireActor(res), body));
  mount(routes, endpoints.listMyOrders, ({ query, res }) =>
    orders.listMyOrders(requireActor(res), {
      ...(query.from ? { from: new Date(query.from) } : {}),
      ...(query.to ? { to: new Date(query.to) } : {}),
      openOnly: query.includeClosed !== 'true',
    }),
  );
  // Before /orders/:id, which would otherwise take "of-item" for an id.
  mount(routes, endpoints.ordersOfItem, ({ query, res }) => orders.ordersOfItem(requireActor(res), query));
  mount(routes, endpoints.getOrder, ({ params, res }) => orders.getOrder(requireActor(res), params.id));
  mount(routes, endpoints.updateOrder, ({ params, body, res }) =>
    orders.updateOrder(requireActor(res), params.id, body),
  );
  mount(routes, endpoints.cancelOrder, ({ params, res }) => orders.cancelOrder(requireActor(res), params.id));

  return routes;
}
