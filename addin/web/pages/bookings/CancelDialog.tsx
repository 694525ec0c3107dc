import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useState } from 'react';
import { bookingsEndpoints } from '../../../../shared/api/bookings';
import type { Booking } from '../../../../shared/schemas/bookings';
import { useApi } from '../../../ui/hooks/useApi';
import { useSubmit } from '../../../ui/hooks/useSubmit';
import { ProblemNote } from '../../../ui/StatusViews';
import { bookingFailure } from './bookingErrors';
import { formatWhen } from './format';
import { bookingStrings as s } from './strings';

function cancelProblem(failure: unknown): string {
  const understood = bookingFailure(failure);
  return 'message' in understood ? understood.message : s.errors.cancelTitle;
}

/**
 * "Cancel booking": asks first, since Exchange sends the cancellations to everyone invited and
 * the booking's catering orders are cancelled with it.
 */
export function CancelBookingButton({
  booking,
  openOrders,
  onCancelled,
}: {
  booking: Booking;
  /** Catering orders of the booking still open: cancelling the booking cancels them at once. */
  openOrders: number;
  onCancelled: () => void;
}) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const { busy, problem, submit, complain } = useSubmit(cancelProblem);

  const confirm = () =>
    void submit(async () => {
      await api.call(bookingsEndpoints.cancelBooking, { params: { id: booking.id } });
      setOpen(false);
      onCancelled();
    });

  return (
    <Dialog
      modalType="alert"
      open={open}
      onOpenChange={(_e, data) => {
        setOpen(data.open);
        complain(undefined);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button aria-label={s.my.cancelLabel(booking.subject)}>{s.my.cancel}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.cancelDialog.title}</DialogTitle>
          <DialogContent>
            {s.cancelDialog.body(
              booking.subject,
              booking.roomName,
              formatWhen(booking.start, booking.end, booking.timeZone),
            )}
            {openOrders > 0 ? <p>{s.cancelDialog.orders(openOrders)}</p> : null}
            {problem !== undefined ? <ProblemNote title={s.errors.cancelTitle} text={problem} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={confirm}>
              {busy ? s.cancelDialog.cancelling : s.cancelDialog.confirm}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button disabled={busy}>{s.cancelDialog.keep}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
