import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Booking } from '../../../../shared/schemas/bookings';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StatusViews';
import { BookingItem } from './BookingItem';
import { bookingStrings as s } from './strings';
import { useMyBookings } from './useMyBookings';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

/** Route `/bookings`: my upcoming bookings with their status; move and cancel them. */
export function MyBookingsPage() {
  const styles = useStyles();
  const { bookings, error, reload, ordersByBooking } = useMyBookings();
  const [notice, setNotice] = useState<string>();

  const cancelled = (booking: Booking) => {
    setNotice(s.cancelDialog.cancelled(booking.subject));
    reload();
  };

  return (
    <div className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        {s.my.title}
      </Title2>
      <Text>{s.my.intro}</Text>
      {notice !== undefined ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                icon={<DismissRegular />}
                aria-label={s.close}
                onClick={() => setNotice(undefined)}
              />
            }
          />
        </MessageBar>
      ) : null}
      {error !== undefined ? <ErrorState error={error} onRetry={reload} /> : null}
      {bookings === undefined && error === undefined ? <LoadingState /> : null}
      {bookings?.length === 0 ? <EmptyState title={s.my.empty} hint={<Link to="/">{s.my.findRoom}</Link>} /> : null}
      {bookings !== undefined && bookings.length > 0 ? (
        <ul className={styles.list} aria-label={s.my.listLabel}>
          {bookings.map((booking) => (
            <li key={booking.id}>
              <BookingItem
                booking={booking}
                eventId={booking.eventId}
                orders={ordersByBooking.get(booking.id) ?? []}
                onChanged={reload}
                onCancelled={cancelled}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
