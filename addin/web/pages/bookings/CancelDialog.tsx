import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import { bookingsEndpoints } from '../../../../shared/api/bookings';
import type { Booking } from '../../../../shared/schemas/bookings';
import { useApi } from '../../../ui/hooks/useApi';
import { bookingFailure } from './bookingErrors';
import { formatWhen } from './format';
import { bookingStrings as s } from './strings';

/** "Cancel booking": asks first, since Exchange sends the cancellations to everyone invited. */
export function CancelBookingButton({ booking, onCancelled }: { booking: Booking; onCancelled: () => void }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.call(bookingsEndpoints.cancelBooking, { params: { id: booking.id } });
      setOpen(false);
      onCancelled();
    } catch (failure: unknown) {
      const understood = bookingFailure(failure);
      setError('message' in understood ? understood.message : s.errors.cancelTitle);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      modalType="alert"
      open={open}
      onOpenChange={(_e, data) => {
        setOpen(data.open);
        setError(undefined);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button aria-label={s.my.cancelLabel(booking.subject)}>{s.my.cancel}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.cancelDialog.title}</DialogTitle>
          <DialogContent>
            {s.cancelDialog.body(booking.subject, booking.roomName, formatWhen(booking.start, booking.end))}
            {error !== undefined ? (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{s.errors.cancelTitle}</MessageBarTitle>
                  {error}
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={() => void confirm()}>
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
