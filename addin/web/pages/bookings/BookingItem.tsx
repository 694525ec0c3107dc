import { Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarClockRegular, DoorRegular, FoodRegular, PeopleRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { Link } from 'react-router';
import type { Booking } from '../../../../shared/schemas/bookings';
import type { Order, OrderStatus } from '../../../../shared/schemas/orders';
import { CancelBookingButton } from './CancelDialog';
import { formatWhen } from './format';
import { MoveBookingButton } from './MoveDialog';
import { StatusBadge } from './StatusBadge';
import { bookingStrings as s } from './strings';
import { useFollowBooking } from './useFollowBooking';
import { orderLineText } from '../../../ui/orderLines';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, overflowWrap: 'anywhere' },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  fact: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  reason: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  catering: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
});

/** Statuses an order can still leave: the ones a cancellation of the booking cancels. */
const OPEN_ORDER: ReadonlySet<OrderStatus> = new Set(['requested', 'accepted', 'in-preparation']);

/** Each order's items and status. */
function BookingCatering({ orders }: { orders: readonly Order[] }) {
  const styles = useStyles();
  if (orders.length === 0) return null;
  return (
    <ul className={styles.catering} aria-label={s.catering.label}>
      {orders.map((order) => (
        <li key={order.id} className={styles.fact}>
          <FoodRegular aria-hidden />
          {s.catering.order(
            order.providerName,
            order.lines.map((l) => orderLineText(l, order.headcount)).join(', '),
            s.catering.status[order.status],
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * One of my bookings: what, where, when, its status (followed live while pending), move and cancel;
 * a booking planned as an event links to its page (attendees, answers, the series).
 */
export function BookingItem({
  booking: listed,
  eventId,
  orders,
  onChanged,
  onCancelled,
}: {
  booking: Booking;
  /** The event page it belongs to, when the server says the user may open it. */
  eventId: string | null;
  /** The catering ordered for this booking. */
  orders: readonly Order[];
  onChanged: () => void;
  onCancelled: (booking: Booking) => void;
}) {
  const styles = useStyles();
  const titleId = useId();
  const { booking = listed } = useFollowBooking(listed);
  const active = booking.status === 'pending' || booking.status === 'confirmed';
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader
        header={
          <div className={styles.header}>
            <Text as="h2" id={titleId} weight="semibold" size={400} className={styles.title}>
              {booking.subject}
            </Text>
            <StatusBadge status={booking.status} />
          </div>
        }
        description={
          <div className={styles.facts}>
            <span className={styles.fact}>
              <DoorRegular aria-hidden />
              {booking.roomName}
            </span>
            <span className={styles.fact}>
              <CalendarClockRegular aria-hidden />
              {formatWhen(booking.start, booking.end, booking.timeZone)}
            </span>
            <BookingCatering orders={orders} />
            {eventId !== null ? (
              <Link to={`/events/${eventId}`} className={styles.fact} aria-label={s.my.openEventLabel(booking.subject)}>
                <PeopleRegular aria-hidden />
                {s.my.openEvent}
              </Link>
            ) : null}
            {booking.status === 'declined' ? (
              <Text className={styles.reason}>
                {s.my.declinedBecause(booking.declinedReason ?? s.declinedNoReason)}
              </Text>
            ) : null}
          </div>
        }
      />
      {active ? (
        <div className={styles.actions}>
          {booking.status === 'confirmed' ? <MoveBookingButton booking={booking} onChanged={onChanged} /> : null}
          <CancelBookingButton
            booking={booking}
            openOrders={orders.filter((o) => OPEN_ORDER.has(o.status)).length}
            onCancelled={() => onCancelled(booking)}
          />
        </div>
      ) : null}
    </Card>
  );
}
