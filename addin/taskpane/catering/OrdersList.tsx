import { Badge, Button, Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Order } from '../../../shared/schemas/orders';
import { formatClock, formatDay } from '../../ui/time';
import { strings } from '../strings';
import { formatMoney } from './cart';

const OPEN_STATUSES: ReadonlySet<Order['status']> = new Set(['requested', 'accepted']);

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
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
    <ul className={styles.list}>
      {orders.map((order) => {
        const at = new Date(order.deliveryAt);
        const items = order.lines.map((l) => strings.catering.orderLine(l.quantity, l.name)).join(', ');
        const changeable = isChangeable(order, now);
        return (
          <li key={order.id}>
            <Card size="small" aria-label={order.providerName}>
              <Text weight="semibold">{order.providerName}</Text>
              <Caption1>{strings.catering.orderSummary(items, `${formatDay(at)} ${formatClock(at)}`)}</Caption1>
              <div className={styles.actions}>
                <Badge appearance="tint" color={order.status === 'declined' ? 'danger' : 'informative'}>
                  {strings.catering.status(strings.catering.statusLabel[order.status])}
                </Badge>
                <Text size={200}>{strings.catering.total(formatMoney(order.totalMinor, order.currency))}</Text>
              </div>
              {order.attention.length > 0 ? (
                <Caption1 className={styles.muted}>{strings.catering.needsAttention}</Caption1>
              ) : null}
              {order.awaitingMeeting && OPEN_STATUSES.has(order.status) ? (
                <>
                  <Badge appearance="outline" color="warning">
                    {strings.catering.awaitingMeeting}
                  </Badge>
                  <Caption1 className={styles.muted}>{strings.catering.awaitingMeetingHint}</Caption1>
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
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
