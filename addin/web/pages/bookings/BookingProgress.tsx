import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Booking } from '../../../../shared/schemas/bookings';
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
  confirmedText,
}: {
  followed: FollowedBooking & { booking: Booking };
  confirmedText: (booking: Booking) => string;
}) {
  const { booking, lost, retry } = followed;
  if (booking.status === 'pending') {
    if (!lost) return <WaitingForExchange />;
    return (
      <MessageBar intent="warning" role="alert" layout="multiline">
        <MessageBarBody>{bookingStrings.followFailed}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={retry}>{bookingStrings.followRetry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (booking.status === 'confirmed') {
    return (
      <MessageBar intent="success" role="status" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{bookingStrings.confirmedTitle}</MessageBarTitle>
          {confirmedText(booking)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const declined = booking.status === 'declined';
  return (
    <MessageBar intent={declined ? 'error' : 'info'} role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{declined ? bookingStrings.declinedTitle : bookingStrings.cancelledTitle}</MessageBarTitle>
        {booking.declinedReason ?? (declined ? bookingStrings.declinedNoReason : '')}
      </MessageBarBody>
    </MessageBar>
  );
}
