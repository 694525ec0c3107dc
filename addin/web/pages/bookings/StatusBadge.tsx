import { Badge } from '@fluentui/react-components';
import type { BookingStatus } from '../../../../shared/schemas/bookings';
import { bookingStrings } from './strings';

const COLOR = {
  pending: 'warning',
  confirmed: 'success',
  declined: 'danger',
  cancelled: 'subtle',
} as const satisfies Record<BookingStatus, string>;

export function StatusBadge({ status }: { status: BookingStatus }) {
  return (
    <Badge appearance="tint" shape="rounded" color={COLOR[status]}>
      {bookingStrings.my.status[status]}
    </Badge>
  );
}
