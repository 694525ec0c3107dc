import { Caption1 } from '@fluentui/react-components';
import type { AttendeeOrder } from '../../../shared/schemas/orders';
import { formatClock, formatDay } from '../../ui/time';
import { OrderCards, OrderNote, OrderStatusBadge } from '../components/OrderCards';
import { strings } from '../strings';

/** The meeting's catering as attendees see it: what, when, where and how far; read-only. */
export function AttendeeOrdersList({ orders }: { readonly orders: readonly AttendeeOrder[] }) {
  return (
    <OrderCards orders={orders}>
      {(order, items) => {
        const at = new Date(order.deliveryAt);
        return (
          <>
            <Caption1>{items}</Caption1>
            <Caption1>{strings.attendee.delivery(`${formatDay(at)} ${formatClock(at)}`, order.roomName)}</Caption1>
            <div>
              <OrderStatusBadge status={order.status} />
            </div>
            {order.needsAttention ? <OrderNote>{strings.catering.needsAttention}</OrderNote> : null}
          </>
        );
      }}
    </OrderCards>
  );
}
