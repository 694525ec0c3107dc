import { Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarClockRegular, DoorRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { Booking } from '../../../../shared/schemas/bookings';
import { CancelBookingButton } from './CancelDialog';
import { formatWhen } from './format';
import { MoveBookingButton } from './MoveDialog';
import { StatusBadge } from './StatusBadge';
import { bookingStrings as s } from './strings';
import { useFollowBooking } from './useFollowBooking';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, overflowWrap: 'anywhere' },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  fact: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  reason: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** One of my bookings: what, where, when, its status (followed live while pending), move and cancel. */
export function BookingItem({
  booking: listed,
  onChanged,
  onCancelled,
}: {
  booking: Booking;
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
          <CancelBookingButton booking={booking} onCancelled={() => onCancelled(booking)} />
        </div>
      ) : null}
    </Card>
  );
}
