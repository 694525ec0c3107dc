import { Button, Dialog, DialogSurface } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { bookingsEndpoints } from '../../../../shared/api/bookings';
import type { BookingAlternative, BookingInput } from '../../../../shared/schemas/bookings';
import { useApi } from '../../../ui/hooks/useApi';
import { validateDraft, draftFor, type BookingDraft, type DraftProblems } from './bookingDraft';
import {
  BookingFlowDialog,
  BookingOutcome,
  BookingRequestForm,
  useBookingFlow,
  useWhenBookingChanges,
} from './BookingFlow';
import { BookingForm } from './BookingForm';
import { formatWhen } from './format';
import { bookingStrings as s } from './strings';

export interface BookableRoom {
  readonly id: string;
  readonly name: string;
}

export interface BookRoomButtonProps {
  readonly room: BookableRoom;
  /** The slot to offer first: the search window, editable in the form. */
  readonly slot: { readonly start: Date; readonly end: Date };
  /** Told when the booking made here appears or changes, so that the page behind reads its data again. */
  readonly onBooked?: () => void;
}

export interface BookRoomButtonOptions {
  /** Called whenever the dialog closes, e.g. to show the room's new booking. */
  readonly onClosed?: () => void;
}

/** "Book" on a room card: opens the booking dialog for the search window. */
export function BookRoomButton({ room, slot, onBooked, onClosed }: BookRoomButtonProps & BookRoomButtonOptions) {
  const [open, setOpenState] = useState(false);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    if (!next) onClosed?.();
  };
  return (
    <BookingFlowDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button appearance="primary" icon={<CalendarAddRegular />} aria-label={s.bookRoom(room.name)}>
          {s.book}
        </Button>
      }
    >
      <BookingFlow room={room} slot={slot} onClose={() => setOpen(false)} {...(onBooked ? { onBooked } : {})} />
    </BookingFlowDialog>
  );
}

/** "Book" for a room whose dialog its page holds (see RoomBookingDialog). */
export function BookButton({ room, onClick }: { room: BookableRoom; onClick: () => void }) {
  return (
    <Button appearance="primary" icon={<CalendarAddRegular />} aria-label={s.bookRoom(room.name)} onClick={onClick}>
      {s.book}
    </Button>
  );
}

/**
 * The booking dialog, opened and closed by the page that holds it: for pages whose room cards are
 * drawn again from live data while the dialog is open (the office plan), so that the booking in
 * progress, and its confirmation, do not go with a card.
 */
export function RoomBookingDialog({ room, slot, onBooked, onClose }: BookRoomButtonProps & { onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(_e, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <BookingFlow room={room} slot={slot} onClose={onClose} {...(onBooked ? { onBooked } : {})} />
      </DialogSurface>
    </Dialog>
  );
}

/** Form → POST → waiting for Exchange → confirmed or declined; a 409 offers the alternatives. */
function BookingFlow({ room, slot, onClose, onBooked }: BookRoomButtonProps & { onClose: () => void }) {
  const api = useApi();
  const [draft, setDraft] = useState<BookingDraft>(() => draftFor(slot));
  const [problems, setProblems] = useState<DraftProblems>({});
  const flow = useBookingFlow();
  const { followed } = flow;
  useWhenBookingChanges(followed.booking, onBooked);

  const book = (input: BookingInput) =>
    void flow.send(() => api.call(bookingsEndpoints.createBooking, { body: input }));

  const submit = () => {
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
      <BookingOutcome
        title={s.dialogTitle(followed.booking.roomName)}
        followed={{ ...followed, booking: followed.booking }}
        confirmedTitle={s.confirmedTitle}
        confirmedText={(b) => s.confirmed(b.roomName, formatWhen(b.start, b.end, b.timeZone))}
        actions={
          <>
            {declined ? <Button onClick={flow.reset}>{s.tryAgain}</Button> : null}
            <Button appearance={declined ? 'secondary' : 'primary'} onClick={onClose}>
              {followed.booking.status === 'confirmed' ? s.done : s.close}
            </Button>
          </>
        }
      />
    );
  }

  return (
    <BookingRequestForm
      title={s.dialogTitle(room.name)}
      flow={flow}
      onSubmit={submit}
      failureTitle={s.errors.title}
      alternativeLabel={s.bookAlternative}
      onChoose={choose}
      submitLabel={s.submit}
      onCancel={onClose}
    >
      <BookingForm
        draft={draft}
        problems={problems}
        disabled={flow.sending}
        onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
      />
    </BookingRequestForm>
  );
}
