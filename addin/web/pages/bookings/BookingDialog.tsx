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
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { bookingsEndpoints } from '../../../../shared/api/bookings';
import type { BookingAlternative, BookingInput } from '../../../../shared/schemas/bookings';
import { useApi } from '../../../ui/hooks/useApi';
import { validateDraft, draftFor, type BookingDraft, type DraftProblems } from './bookingDraft';
import { BookingForm } from './BookingForm';
import { BookingProgress, WaitingForExchange } from './BookingProgress';
import { FailureView } from './FailureView';
import { formatWhen } from './format';
import { bookingStrings as s } from './strings';
import { useBookingRequest } from './useBookingRequest';
import { useFollowBooking } from './useFollowBooking';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface BookableRoom {
  readonly id: string;
  readonly name: string;
}

export interface BookRoomButtonProps {
  readonly room: BookableRoom;
  /** The slot to offer first: the search window, editable in the form. */
  readonly slot: { readonly start: Date; readonly end: Date };
}

/** "Book" on a room card: opens the booking dialog for the search window. */
export function BookRoomButton({ room, slot }: BookRoomButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<CalendarAddRegular />} aria-label={s.bookRoom(room.name)}>
          {s.book}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        {/* Rendered only while open: closing drops the draft and stops following the booking. */}
        {open ? <BookingFlow room={room} slot={slot} onClose={() => setOpen(false)} /> : null}
      </DialogSurface>
    </Dialog>
  );
}

/** Form → POST → waiting for Exchange → confirmed or declined; a 409 offers the alternatives. */
function BookingFlow({ room, slot, onClose }: BookRoomButtonProps & { onClose: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState<BookingDraft>(() => draftFor(slot));
  const [problems, setProblems] = useState<DraftProblems>({});
  const { phase, send, reset } = useBookingRequest();
  const followed = useFollowBooking(phase.kind === 'sent' ? phase.booking : undefined);
  const sending = phase.kind === 'sending';

  const book = (input: BookingInput) => void send(() => api.call(bookingsEndpoints.createBooking, { body: input }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateDraft(draft);
    setProblems(checked.ok ? {} : checked.problems);
    if (checked.ok) book({ ...checked.input, roomId: room.id });
  };

  const choose = (alternative: BookingAlternative) => {
    const checked = validateDraft(draft);
    if (!checked.ok) return setProblems(checked.problems);
    const { roomId, start, end } = alternative;
    book({ ...checked.input, roomId, start, end });
  };

  if (followed.booking) {
    const declined = followed.booking.status === 'declined';
    return (
      <DialogBody>
        <DialogTitle>{s.dialogTitle(followed.booking.roomName)}</DialogTitle>
        <DialogContent className={styles.content}>
          <BookingProgress
            followed={{ ...followed, booking: followed.booking }}
            confirmedText={(b) => s.confirmed(b.roomName, formatWhen(b.start, b.end))}
          />
        </DialogContent>
        <DialogActions>
          {declined ? <Button onClick={reset}>{s.tryAgain}</Button> : null}
          <Button appearance={declined ? 'secondary' : 'primary'} onClick={onClose}>
            {followed.booking.status === 'confirmed' ? s.done : s.close}
          </Button>
        </DialogActions>
      </DialogBody>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <DialogTitle>{s.dialogTitle(room.name)}</DialogTitle>
        <DialogContent className={styles.content}>
          <BookingForm
            draft={draft}
            problems={problems}
            disabled={sending}
            onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
          />
          {sending ? <WaitingForExchange /> : null}
          {phase.kind === 'failed' ? (
            <FailureView
              failure={phase.failure}
              title={s.errors.title}
              actionLabel={s.bookAlternative}
              disabled={sending}
              onChoose={choose}
            />
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" disabled={sending}>
            {sending ? s.submitting : s.submit}
          </Button>
          <DialogTrigger disableButtonEnhancement>
            <Button>{s.cancel}</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
