import { idParamsSchema } from '../schemas/common';
import {
  attendeeOrderSchema,
  attentionResolutionSchema,
  boardQuerySchema,
  boardSchema,
  exportQuerySchema,
  myOrdersQuerySchema,
  orderCreatedSchema,
  orderInputSchema,
  orderPatchSchema,
  orderSchema,
  orderWithHistorySchema,
  ordersOfItemQuerySchema,
  statusChangeSchema,
} from '../schemas/orders';
import { z } from 'zod';
import { endpoint } from './endpoint';

const TAG_ORDERS = 'Orders';
const TAG_FACILITY = 'Facility';

/**
 * Catering and facility service orders. The meeting's organizer orders for their meeting; admins
 * and the facility team may order for someone (`onBehalfOf`). Someone else's order answers 404.
 */
export const ordersEndpoints = {
  createOrder: endpoint({
    method: 'post',
    path: '/orders',
    tag: TAG_ORDERS,
    summary:
      'Order for a meeting (by booking, meeting identity, or the EWS ItemId of the Outlook item in the orderer’s ' +
      'mailbox). With repeatForSeries, one order per occurrence within the horizon; occurrences that cannot be ' +
      'served are listed in `skipped`. 409 meeting_not_synced: the room’s booking of that meeting is not known yet ' +
      '(an Outlook item target with roomId is accepted instead, as `awaitingMeeting`, until the meeting is sent).',
    access: 'signed-in',
    body: orderInputSchema,
    response: orderCreatedSchema,
    successStatus: 201,
  }),
  listMyOrders: endpoint({
    method: 'get',
    path: '/orders',
    tag: TAG_ORDERS,
    summary: 'Orders placed for me, by delivery time; closed ones only with includeClosed=true',
    access: 'signed-in',
    query: myOrdersQuerySchema,
    response: z.array(orderSchema),
  }),
  ordersOfItem: endpoint({
    method: 'get',
    path: '/orders/of-item',
    tag: TAG_ORDERS,
    summary:
      'The orders of the meeting an Outlook item belongs to, as attendees see them (no prices, cost center or notes). ' +
      "The item is looked up through EWS in the caller's own mailbox, so only the meeting's organizer and attendees " +
      '(and admins or the facility team naming a mailbox) find it; anything else answers 404.',
    access: 'signed-in',
    query: ordersOfItemQuerySchema,
    response: z.array(attendeeOrderSchema),
  }),
  getOrder: endpoint({
    method: 'get',
    path: '/orders/:id',
    tag: TAG_ORDERS,
    summary: 'One order with its history',
    access: 'signed-in',
    params: idParamsSchema,
    response: orderWithHistorySchema,
  }),
  updateOrder: endpoint({
    method: 'patch',
    path: '/orders/:id',
    tag: TAG_ORDERS,
    summary: 'Change an order before its cut-off',
    access: 'signed-in',
    params: idParamsSchema,
    body: orderPatchSchema,
    response: orderSchema,
  }),
  cancelOrder: endpoint({
    method: 'post',
    path: '/orders/:id/cancel',
    tag: TAG_ORDERS,
    summary: 'Cancel an order (the orderer: before its cut-off; the facility team: any open order)',
    access: 'signed-in',
    params: idParamsSchema,
    response: orderSchema,
  }),
  facilityBoard: endpoint({
    method: 'get',
    path: '/facility/orders',
    tag: TAG_FACILITY,
    summary: 'The facility board: open and closed orders delivering in from..to, grouped by delivery time and room',
    access: 'facility',
    query: boardQuerySchema,
    response: boardSchema,
  }),
  exportOrders: endpoint({
    method: 'get',
    path: '/facility/orders/export.csv',
    tag: TAG_FACILITY,
    summary: 'Orders delivering in from..to as CSV (text/csv; one row per order line)',
    access: 'facility',
    query: exportQuerySchema,
  }),
  boardEvents: endpoint({
    method: 'get',
    path: '/facility/orders/events',
    tag: TAG_FACILITY,
    summary:
      'Server-sent events for the live board: `order` (data: {id, kind}) after every order change, and a ' +
      'comment line every 15 s to keep proxies from closing the stream',
    access: 'facility',
    eventStream: true,
  }),
  setOrderStatus: endpoint({
    method: 'post',
    path: '/facility/orders/:id/status',
    tag: TAG_FACILITY,
    summary: 'Move an order along requested → accepted → in-preparation → delivered, or decline or cancel it',
    access: 'facility',
    params: idParamsSchema,
    body: statusChangeSchema,
    response: orderSchema,
  }),
  resolveAttention: endpoint({
    method: 'post',
    path: '/facility/orders/:id/attention',
    tag: TAG_FACILITY,
    summary: "Resolve a needs-attention order: follow the event's current state anyway, or keep the order as agreed",
    access: 'facility',
    params: idParamsSchema,
    body: attentionResolutionSchema,
    response: orderSchema,
  }),
};
