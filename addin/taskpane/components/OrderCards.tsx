import { Badge, Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Order } from '../../../shared/schemas/orders';
import { orderLineText, type ShownOrderLine } from '../../ui/orderLines';
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

interface ListedOrder {
  readonly id: string;
  readonly providerName: string;
  readonly headcount: number;
  readonly lines: readonly ShownOrderLine[];
}

/** A meeting's orders as cards, each named by its caterer; `children` fills in the rest of a card. */
export function OrderCards<O extends ListedOrder>({
  orders,
  children,
}: {
  orders: readonly O[];
  children: (order: O, items: string) => ReactNode;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {orders.map((order) => (
        <li key={order.id}>
          <Card size="small" aria-label={order.providerName}>
            <Text weight="semibold">{order.providerName}</Text>
            {children(order, order.lines.map((l) => orderLineText(l, order.headcount)).join(', '))}
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function OrderStatusBadge({ status }: { status: Order['status'] }) {
  return (
    <Badge appearance="tint" color={status === 'declined' ? 'danger' : 'informative'}>
      {strings.catering.status(strings.catering.statusLabel[status])}
    </Badge>
  );
}

/** A quiet line: the caterer is looking at a change of the meeting, or why the order waits. */
export function OrderNote({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <Caption1 className={styles.muted}>{children}</Caption1>;
}
