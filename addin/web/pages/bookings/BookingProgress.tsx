import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Booking } from '../../../../shared/schemas/bookings';
import { ProblemNote, SuccessNote } from '../../../ui/StatusViews';
import { bookingStrings } from './strings';
import type { FollowedBooking } from './useFollowBooking';

const useStyles = makeStyles({
  waiting: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3, textAlign: 'center' },
});

export function WaitingForExchange() {
  const styles = useStyles();
  return (
    <div className={styles.waiting} role="status">
      <Spinner label={bookingStrings.waiting} labelPosition="below" />
      <Text size={200} className={styles.hint}>
        {bookingStrings.waitingHint}
      </Text>
    </div>
  );
}

/** Where a booking stands: waiting for Exchange, then confirmed or declined with the reason. */
export function BookingProgress({
  followed,
  confirmedTitle,
  confirmedText,
}: {
  followed: FollowedBooking & { booking: Booking };
  /** "Booked" for a new booking, "Moved" for a change: the title and the text never repeat each other. */
  confirmedTitle: string;
  confirmedText: (booking: Booking) => string;
}) {
  const { booking, lost, retry } = followed;
  if (booking.status === 'pending') {
    if (!lost) return <WaitingForExchange />;
    return (
      <ProblemNote
        intent="warning"
        text={bookingStrings.followFailed}
        action={{ label: bookingStrings.followRetry, onClick: retry }}
      />
    );
  }
  if (booking.status === 'confirmed') {
    return <SuccessNote title={confirmedTitle} text={confirmedText(booking)} />;
  }
  const declined = booking.status === 'declined';
  return (
    <ProblemNote
      intent={declined ? 'error' : 'info'}
      title={declined ? bookingStrings.declinedTitle : bookingStrings.cancelledTitle}
      text={booking.declinedReason ?? (declined ? bookingStrings.declinedNoReason : '')}
    />
  );
}
