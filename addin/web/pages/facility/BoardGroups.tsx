import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Board, Order } from '../../../../shared/schemas/orders';
import { zoneDiffers } from '../../../ui/time';
import { dayLabel } from './format';
import { OrderCard } from './OrderCard';
import { usePrintClasses } from './printStyles';
import { facilityStrings as text } from './strings';
import type { OrderChanges } from './useOrderChanges';

const useStyles = makeStyles({
  days: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  day: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  slot: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    '@media print': { breakInside: 'avoid-page' },
  },
  orders: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 340px), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    '@media print': { gridTemplateColumns: '1fr 1fr' },
  },
});

type Group = Board['groups'][number];

/** The slots of the board (one delivery time in one room), under a heading per day. */
export function BoardGroups({ groups, changes }: { groups: Board['groups']; changes: OrderChanges }) {
  const styles = useStyles();
  return (
    <div className={styles.days}>
      {byDay(groups).map(([day, slots]) => (
        <section key={day} className={styles.day} aria-labelledby={`day-${day}`}>
          <Text as="h2" id={`day-${day}`} size={500} weight="semibold" className={styles.heading}>
            {dayLabel(day)}
          </Text>
          {slots.map((slot) => (
            <Slot key={`${slot.deliveryAt}|${slot.roomId}`} slot={slot} changes={changes} />
          ))}
        </section>
      ))}
    </div>
  );
}

/** The server's local time of the slot, with the building's zone where this browser's clocks differ. */
function slotTime(slot: Group): string {
  const zone = slot.orders[0]?.timeZone;
  return zone !== undefined && zoneDiffers(zone, slot.deliveryAt) ? `${slot.localTime} (${zone})` : slot.localTime;
}

function Slot({ slot, changes }: { slot: Group; changes: OrderChanges }) {
  const styles = useStyles();
  const print = usePrintClasses();
  const headingId = `slot-${slot.localDate}-${slot.localTime}-${slot.roomId}`;
  return (
    <section className={styles.slot} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.heading}>
        {text.slot.label(slotTime(slot), slot.roomName, slot.buildingName)}
      </Text>
      <ul className={styles.orders}>
        {slot.orders.map((order) => (
          <li key={order.id} className={print.keepTogether}>
            <ConnectedCard order={order} changes={changes} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConnectedCard({ order, changes }: { order: Order; changes: OrderChanges }) {
  const pending = changes.pending.get(order.id);
  return (
    <OrderCard
      order={order}
      pendingStatus={pending?.status}
      busy={pending !== undefined}
      failure={changes.failures.get(order.id)}
      onStatus={(status, note) => void changes.setStatus(order, status, note)}
      onResolve={(action) => void changes.resolve(order, action)}
      onDismissFailure={() => changes.dismiss(order.id)}
    />
  );
}

/** Slots arrive sorted by time; keep that order within each day. */
function byDay(groups: Board['groups']): [string, Group[]][] {
  const days = new Map<string, Group[]>();
  for (const group of groups) {
    const slots = days.get(group.localDate) ?? [];
    slots.push(group);
    days.set(group.localDate, slots);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}
