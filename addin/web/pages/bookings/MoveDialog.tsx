import { Button, Field, Select } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { bookingsEndpoints } from '../../../../shared/api/bookings';
import type { Booking, BookingAlternative, BookingPatch } from '../../../../shared/schemas/bookings';
import { useApi } from '../../../ui/hooks/useApi';
import { dateText, timeText } from '../../../ui/time';
import { draftWindow } from './bookingDraft';
import {
  BookingFlowDialog,
  BookingOutcome,
  BookingRequestForm,
  useBookingFlow,
  useWhenBookingChanges,
} from './BookingFlow';
import { formatWhen } from './format';
import { bookingStrings as s } from './strings';
import { TimeFields, type TimeValue } from './TimeFields';
import { useRoomChoices } from './useRoomChoices';

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/** The change to send: only what differs from the booking; undefined when nothing does. */
export function movePatch(
  booking: Pick<Booking, 'roomId' | 'start' | 'end'>,
  target: { start: string; end: string; roomId: string },
): BookingPatch | undefined {
  const moves = !sameInstant(target.start, booking.start) || !sameInstant(target.end, booking.end);
  const patch: BookingPatch = {
    ...(moves ? { start: target.start, end: target.end } : {}),
    ...(target.roomId !== booking.roomId ? { roomId: target.roomId } : {}),
  };
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** "Move" on one of my bookings: a new time and maybe another room, then Exchange's answer. */
export function MoveBookingButton({ booking, onChanged }: { booking: Booking; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  // A move that was sent changes what the list should show: it is read again as soon as Exchange
  // answers (useWhenBookingChanges), and once more when the dialog closes in case the answer was lost.
  const sent = useRef(false);
  const close = () => {
    setOpen(false);
    if (sent.current) onChanged();
    sent.current = false;
  };
  return (
    <BookingFlowDialog
      open={open}
      onOpenChange={(opened) => (opened ? setOpen(true) : close())}
      trigger={<Button aria-label={s.my.moveLabel(booking.subject)}>{s.my.move}</Button>}
    >
      <MoveFlow
        booking={booking}
        onSent={() => {
          sent.current = true;
        }}
        onClose={close}
        onChanged={onChanged}
      />
    </BookingFlowDialog>
  );
}

function MoveFlow({
  booking,
  onSent,
  onClose,
  onChanged,
}: {
  booking: Booking;
  onSent: () => void;
  onClose: () => void;
  onChanged: () => void;
}) {
  const api = useApi();
  const rooms = useRoomChoices();
  const [time, setTime] = useState<TimeValue>(() => ({
    date: dateText(new Date(booking.start)),
    start: timeText(new Date(booking.start)),
    end: timeText(new Date(booking.end)),
  }));
  const [roomId, setRoomId] = useState(booking.roomId);
  const [problem, setProblem] = useState<string>();
  const flow = useBookingFlow();
  const { followed, sending } = flow;
  useWhenBookingChanges(followed.booking, onChanged);

  const change = (patch: BookingPatch) => {
    onSent();
    void flow.send(() => api.call(bookingsEndpoints.changeBooking, { params: { id: booking.id }, body: patch }));
  };

  const submit = () => {
    const window = draftWindow(time);
    if (!window) return setProblem(s.endBeforeStart);
    const patch = movePatch(booking, { ...window, roomId });
    setProblem(patch ? undefined : s.move.unchanged);
    if (patch) change(patch);
  };

  const choose = (alternative: BookingAlternative) => {
    const patch = movePatch(booking, alternative);
    if (patch) change(patch);
  };

  if (followed.booking) {
    return (
      <BookingOutcome
        title={s.move.title(booking.subject)}
        followed={{ ...followed, booking: followed.booking }}
        confirmedTitle={s.move.movedTitle}
        confirmedText={(b) => s.move.moved(b.roomName, formatWhen(b.start, b.end, b.timeZone))}
        actions={
          <Button appearance="primary" onClick={onClose}>
            {s.close}
          </Button>
        }
      />
    );
  }

  return (
    <BookingRequestForm
      title={s.move.title(booking.subject)}
      flow={flow}
      onSubmit={submit}
      failureTitle={s.errors.moveTitle}
      alternativeLabel={s.moveToAlternative}
      onChoose={choose}
      submitLabel={s.move.submit}
      onCancel={onClose}
    >
      <TimeFields
        value={time}
        problem={problem}
        disabled={sending}
        onChange={(c) => setTime((t) => ({ ...t, ...c }))}
      />
      <Field label={s.move.room} hint={rooms === undefined ? s.move.roomsLoading : undefined}>
        <Select value={roomId} disabled={sending} onChange={(_e, d) => setRoomId(d.value)}>
          <option value={booking.roomId}>{s.move.sameRoom(booking.roomName)}</option>
          {(rooms ?? [])
            .filter((room) => room.id !== booking.roomId)
            .map((room) => (
              <option key={room.id} value={room.id}>
                {`${room.name} (${room.place})`}
              </option>
            ))}
        </Select>
      </Field>
    </BookingRequestForm>
  );
}
