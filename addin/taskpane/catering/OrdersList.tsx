import { Badge, Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Order } from '../../../shared/schemas/orders';
import { formatClock, formatDay } from '../../ui/time';
import { OrderCards, OrderNote, OrderStatusBadge } from '../components/OrderCards';
import { strings } from '../strings';
import { formatMoney } from './cart';

const OPEN_STATUSES: ReadonlySet<Order['status']> = new Set(['requested', 'accepted']);

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Whether the orderer may still change it: open, and before the provider's cut-off. */
export function isChangeable(order: Order, now: Date): boolean {
  return OPEN_STATUSES.has(order.status) && Date.parse(order.changeCutoffAt) > now.getTime();
}

export interface OrdersListProps {
  readonly orders: readonly Order[];
  /** Without them the list is read-only (attendee view). */
  readonly onEdit?: (order: Order) => void;
  readonly onCancel?: (order: Order) => void;
  readonly busyId?: string;
}

export function OrdersList({ orders, onEdit, onCancel, busyId }: OrdersListProps) {
  const styles = useStyles();
  const now = new Date();
  return (
    <OrderCards orders={orders}>
      {(order, items) => {
        const at = new Date(order.deliveryAt);
        const changeable = isChangeable(order, now);
        return (
          <>
            <Caption1>{strings.catering.orderSummary(items, `${formatDay(at)} ${formatClock(at)}`)}</Caption1>
            <div className={styles.actions}>
              <OrderStatusBadge status={order.status} />
              <Text size={200}>{strings.catering.total(formatMoney(order.totalMinor, order.currency))}</Text>
            </div>
            {order.attention.length > 0 ? <OrderNote>{strings.catering.needsAttention}</OrderNote> : null}
            {order.awaitingMeeting && OPEN_STATUSES.has(order.status) ? (
              <>
                <Badge appearance="outline" color="warning">
                  {strings.catering.awaitingMeeting}
                </Badge>
                <OrderNote>{strings.catering.awaitingMeetingHint}</OrderNote>
              </>
            ) : null}
            {changeable && (onEdit || onCancel) ? (
              <div className={styles.actions}>
                {onEdit ? (
                  <Button size="small" disabled={busyId === order.id} onClick={() => onEdit(order)}>
                    {strings.catering.edit}
                  </Button>
                ) : null}
                {onCancel ? (
                  <Button size="small" disabled={busyId === order.id} onClick={() => onCancel(order)}>
                    {strings.catering.cancelOrder}
                  </Button>
                ) : null}
              </div>
            ) : null}
          </>
        );
      }}
    </OrderCards>
  );
}
