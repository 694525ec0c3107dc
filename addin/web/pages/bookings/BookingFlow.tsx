import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, type FormEvent, type ReactElement, type ReactNode } from 'react';
import type { Booking, BookingAlternative } from '../../../../shared/schemas/bookings';
import { BookingProgress, WaitingForExchange } from './BookingProgress';
import { FailureView } from './FailureView';
import { bookingStrings as s } from './strings';
import { useBookingRequest } from './useBookingRequest';
import { useFollowBooking, type FollowedBooking } from './useFollowBooking';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * The dialog of a booking request (book, move): its button opens it, and its content is rendered
 * only while open, so closing drops the draft and stops following the booking.
 */
export function BookingFlowDialog({
  trigger,
  open,
  onOpenChange,
  children,
}: {
  trigger: ReactElement;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={(_e, data) => onOpenChange(data.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>{open ? children : null}</DialogSurface>
    </Dialog>
  );
}

/** One request (POST or PATCH) and then the booking it made, followed until Exchange answers. */
export function useBookingFlow() {
  const { phase, send, reset } = useBookingRequest();
  const followed = useFollowBooking(phase.kind === 'sent' ? phase.booking : undefined);
  return { phase, send, reset, followed, sending: phase.kind === 'sending' };
}

export type BookingFlow = ReturnType<typeof useBookingFlow>;

/**
 * Calls `onChanged` each time the booking of a flow appears or changes (pending, then confirmed
 * or declined; a new time or room), so that what the dialog covers (search results, My bookings)
 * is read again at once rather than only at the next search.
 */
export function useWhenBookingChanges(booking: Booking | undefined, onChanged: (() => void) | undefined): void {
  const callback = useRef(onChanged);
  useEffect(() => {
    callback.current = onChanged;
  });
  const fingerprint =
    booking === undefined ? '' : [booking.id, booking.status, booking.roomId, booking.start, booking.end].join('|');
  useEffect(() => {
    if (fingerprint !== '') callback.current?.();
  }, [fingerprint]);
}

/** After the request: waiting for Exchange, then confirmed or declined, with the dialog's way out. */
export function BookingOutcome({
  title,
  followed,
  confirmedTitle,
  confirmedText,
  actions,
}: {
  title: string;
  followed: FollowedBooking & { booking: Booking };
  confirmedTitle: string;
  confirmedText: (booking: Booking) => string;
  actions: ReactNode;
}) {
  const styles = useStyles();
  return (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent className={styles.content}>
        <BookingProgress followed={followed} confirmedTitle={confirmedTitle} confirmedText={confirmedText} />
      </DialogContent>
      <DialogActions>{actions}</DialogActions>
    </DialogBody>
  );
}

/** Before the request: the fields, Exchange's pending answer, and a refusal with its alternatives. */
export function BookingRequestForm({
  title,
  flow,
  onSubmit,
  failureTitle,
  alternativeLabel,
  onChoose,
  submitLabel,
  onCancel,
  children,
}: {
  title: string;
  flow: BookingFlow;
  onSubmit: () => void;
  failureTitle: string;
  alternativeLabel: (label: string) => string;
  onChoose: (alternative: BookingAlternative) => void;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { phase, sending } = flow;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.content}>
          {children}
          {sending ? <WaitingForExchange /> : null}
          {phase.kind === 'failed' ? (
            <FailureView
              failure={phase.failure}
              title={failureTitle}
              actionLabel={alternativeLabel}
              disabled={sending}
              onChoose={onChoose}
            />
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" disabled={sending}>
            {sending ? s.submitting : submitLabel}
          </Button>
          <Button onClick={onCancel}>{s.cancel}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
