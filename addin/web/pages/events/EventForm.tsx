import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  SpinButton,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { eventsEndpoints } from '../../../../shared/api/events';
import type { EventAvailability, EventView, Recurrence, Weekday } from '../../../../shared/schemas/events';
import { describeError } from '../../../ui/errors';
import { useApi } from '../../../ui/hooks/useApi';
import { useSubmit } from '../../../ui/hooks/useSubmit';
import { ProblemNote, SuccessNote, WarningNote } from '../../../ui/StatusViews';
import { formatClock, formatDayClock } from '../../../ui/time';
import { AttendeePicker, type PickedAttendee } from './AttendeePicker';
import { eventStrings as s } from './strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  conflicts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Repeat = 'none' | Recurrence['pattern'];
const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface EventSlot {
  readonly roomId: string;
  readonly roomName: string;
  readonly start: Date;
  readonly end: Date;
}

/** The spin button's new count: stepped (`value`), or typed (`displayValue`, committed on blur); else unchanged. */
function occurrenceCount(d: { value?: number | null; displayValue?: string }, current: number): number {
  const next = d.value ?? Number.parseInt(d.displayValue ?? '', 10);
  return Number.isInteger(next) && next >= 2 && next <= 500 ? next : current;
}

function recurrenceOf(repeat: Repeat, count: number, start: Date): Recurrence | undefined {
  if (repeat === 'none') return undefined;
  return {
    pattern: repeat,
    interval: 1,
    count,
    ...(repeat === 'weekly' ? { daysOfWeek: [WEEKDAYS[start.getDay()] ?? 'monday'] } : {}),
  };
}

/** The event form for a slot picked on the grid: title, attendees, description, link, private, repeat. */
export function EventForm({
  slot,
  onClose,
  onCreated,
}: {
  slot: EventSlot;
  onClose: () => void;
  onCreated: (event: EventView) => void;
}) {
  const styles = useStyles();
  const api = useApi();
  const [title, setTitle] = useState('');
  const [attendees, setAttendees] = useState<PickedAttendee[]>([]);
  const [description, setDescription] = useState('');
  const [link, setLink] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [repeat, setRepeat] = useState<Repeat>('none');
  const [count, setCount] = useState(4);
  const [availability, setAvailability] = useState<EventAvailability>();
  const { busy, problem, submit, complain } = useSubmit((error: unknown) => describeError(error));

  const request = () => ({
    roomId: slot.roomId,
    start: slot.start.toISOString(),
    end: slot.end.toISOString(),
    attendees: attendees.map((a) => ({ email: a.email, type: a.type })),
    recurrence: recurrenceOf(repeat, count, slot.start),
  });

  const check = () =>
    void submit(async () => {
      setAvailability(await api.call(eventsEndpoints.checkEventAvailability, { body: request() }));
    });

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      complain(s.form.titleMissing);
      return;
    }
    void submit(async () => {
      const created = await api.call(eventsEndpoints.createEvent, {
        body: {
          ...request(),
          title: title.trim(),
          description,
          onlineMeetingUrl: link.trim() === '' ? null : link.trim(),
          private: isPrivate,
        },
      });
      onCreated(created);
    });
  };

  return (
    <Dialog open onOpenChange={(_e, d) => (d.open ? undefined : onClose())}>
      <DialogSurface>
        <form onSubmit={send} noValidate aria-label={s.form.title(slot.roomName)}>
          <DialogBody>
            <DialogTitle>{s.form.title(slot.roomName)}</DialogTitle>
            <DialogContent className={styles.form}>
              <span>{s.form.when(formatDayClock(slot.start), formatClock(slot.end))}</span>
              <Field label={s.form.name} required>
                <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
              </Field>
              <AttendeePicker value={attendees} onChange={setAttendees} />
              <Field label={s.form.description}>
                <Textarea value={description} onChange={(_e, d) => setDescription(d.value)} />
              </Field>
              <Field label={s.form.link} hint={s.form.linkHint}>
                <Input type="url" value={link} onChange={(_e, d) => setLink(d.value)} />
              </Field>
              <Checkbox
                label={s.form.private}
                checked={isPrivate}
                onChange={(_e, d) => setPrivate(d.checked === true)}
              />
              <Field label={s.form.repeat}>
                <Select value={repeat} onChange={(_e, d) => setRepeat(d.value as Repeat)}>
                  <option value="none">{s.form.never}</option>
                  <option value="daily">{s.form.daily}</option>
                  <option value="weekly">{s.form.weekly}</option>
                  <option value="monthly-date">{s.form.monthlyDate}</option>
                  <option value="monthly-weekday">{s.form.monthlyWeekday}</option>
                </Select>
              </Field>
              {repeat !== 'none' ? (
                <Field label={s.form.times}>
                  <SpinButton
                    min={2}
                    max={500}
                    value={count}
                    onChange={(_e, d) => setCount(occurrenceCount(d, count))}
                  />
                </Field>
              ) : null}
              {availability ? <AvailabilityNote availability={availability} /> : null}
              {problem !== undefined ? <ProblemNote text={problem} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={check} disabled={busy}>
                {s.form.check}
              </Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {busy ? s.form.sending : s.form.send}
              </Button>
              <Button onClick={onClose}>{s.form.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function AvailabilityNote({ availability }: { availability: EventAvailability }) {
  const styles = useStyles();
  if (availability.conflicts.length === 0) return <SuccessNote text={s.form.allFree} />;
  return (
    <div>
      <WarningNote text={s.form.conflicts(availability.conflicts.length)} />
      <ul className={styles.conflicts} aria-label={s.form.conflicts(availability.conflicts.length)}>
        {availability.conflicts.map((c) => (
          <li key={c.start}>
            {formatDayClock(c.start)}
            {c.roomBusy ? `: ${s.form.roomTaken}` : ''}
            {c.busyAttendees.length > 0 ? ` (${s.form.busyPeople(c.busyAttendees.join(', '))})` : ''}
            {c.alternatives.map((a) => (
              <div key={`${a.roomId}${a.start}`}>{s.form.alternative(a.roomName, formatDayClock(a.start))}</div>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
