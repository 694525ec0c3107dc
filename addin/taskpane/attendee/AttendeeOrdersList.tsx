import { Badge, Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AttendeeOrder } from '../../../shared/schemas/orders';
import { formatClock, formatDay } from '../../ui/time';
import { strings } from '../strings';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The meeting's catering as attendees see it: what, when, where and how far; read-only. */
export function AttendeeOrdersList({ orders }: { readonly orders: readonly AttendeeOrder[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {orders.map((order) => {
        const at = new Date(order.deliveryAt);
        const items = order.lines.map((l) => strings.catering.orderLine(l.quantity, l.name)).join(', ');
        return (
          <li key={order.id}>
            <Card size="small" aria-label={order.providerName}>
              <Text weight="semibold">{order.providerName}</Text>
              <Caption1>{items}</Caption1>
              <Caption1>{strings.attendee.delivery(`${formatDay(at)} ${formatClock(at)}`, order.roomName)}</Caption1>
              <div>
                <Badge appearance="tint" color={order.status === 'declined' ? 'danger' : 'informative'}>
                  {strings.catering.status(strings.catering.statusLabel[order.status])}
                </Badge>
              </div>
              {order.needsAttention ? (
                <Caption1 className={styles.muted}>{strings.catering.needsAttention}</Caption1>
              ) : null}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
