import type { OrderStatus } from '../../../shared/schemas/orders';

/** The order status workflow: requested → accepted → in-preparation → delivered, or an end. */

const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  requested: ['accepted', 'declined', 'cancelled', 'cancelled-by-event'],
  accepted: ['in-preparation', 'declined', 'cancelled', 'cancelled-by-event'],
  'in-preparation': ['delivered', 'cancelled', 'cancelled-by-event'],
  delivered: [],
  declined: [],
  cancelled: [],
  'cancelled-by-event': [],
};

export function canMoveTo(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

/** Open orders still follow their event and may be changed. */
export function isOpen(status: OrderStatus): boolean {
  return NEXT[status].length > 0;
}

/** Orders the orderer may still edit: nothing has been prepared yet. */
export function isEditable(status: OrderStatus): boolean {
  return status === 'requested' || status === 'accepted';
}
