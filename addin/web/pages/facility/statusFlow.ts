import type { OrderStatus } from '../../../../shared/schemas/orders';

/** The step forward the facility team takes with one click, or none once an order is done. */
export type AdvanceStatus = 'accepted' | 'in-preparation' | 'delivered';

/**
 * While its meeting waits to be sent (awaitingMeeting), an order may be accepted but not prepared:
 * the meeting may never happen.
 */
export function nextStep(status: OrderStatus, awaitingMeeting = false): AdvanceStatus | undefined {
  switch (status) {
    case 'requested':
      return 'accepted';
    case 'accepted':
      return awaitingMeeting ? undefined : 'in-preparation';
    case 'in-preparation':
      return 'delivered';
    default:
      return undefined;
  }
}

/** Declining is refusing the order; once it is being prepared, it can only be delivered or cancelled. */
export function mayDecline(status: OrderStatus): boolean {
  return status === 'requested' || status === 'accepted';
}

export function isClosed(status: OrderStatus): boolean {
  return status === 'delivered' || status === 'declined' || status === 'cancelled' || status === 'cancelled-by-event';
}
