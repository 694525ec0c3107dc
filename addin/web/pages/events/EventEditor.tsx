import { Button, Field, Input, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { eventsEndpoints } from '../../../../shared/api/events';
import type { BookingAlternative } from '../../../../shared/schemas/bookings';
import type { EventPatch, EventView } from '../../../../shared/schemas/events';
import { useApi } from '../../../ui/hooks/useApi';
import { SuccessNote } from '../../../ui/StatusViews';
import { dateText, formatDayClock, timeText } from '../../../ui/time';
import { draftWindow } from '../bookings/bookingDraft';
import { bookingFailure, type BookingFailure } from '../bookings/bookingErrors';
import { FailureView } from '../bookings/FailureView';
import { formatWhen } from '../bookings/format';
import { TimeFields, type TimeValue } from '../bookings/TimeFields';
import { eventStrings } from './strings';

const s = eventStrings.edit;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Scope = 'occurrence' | 'series';
type Outcome =
  { readonly kind: 'done'; readonly text: string } | { readonly kind: 'failed'; readonly failure: BookingFailure };

const timeOf = (slot: { start: string; end: string }): TimeValue => ({
  date: dateText(new Date(slot.start)),
  start: timeText(new Date(slot.start)),
  end: timeText(new Date(slot.end)),
});

const sameInstant = (a: string, b: string): boolean => Date.parse(a) === Date.parse(b);

/** The occurrence offered first: the next one still to come, else the last. */
function firstChoice(event: EventView, now: number): string {
  const next = event.occurrences.find((o) => Date.parse(o.end) > now) ?? event.occurrences.at(-1);
  return next?.start ?? event.start;
}

/** Only what differs from what is being changed; undefined when nothing does. */
export function eventPatchOf(
  base: { title: string; start: string; end: string },
  edited: { title: string; window: { start: string; end: string } },
  extra: { roomId?: string } = {},
): EventPatch | undefined {
  const moves = !sameInstant(edited.window.start, base.start) || !sameInstant(edited.window.end, base.end);
  const title = edited.title.trim();
  const patch: EventPatch = {
    ...(title !== '' && title !== base.title ? { title } : {}),
    ...(moves ? { start: edited.window.start, end: edited.window.end } : {}),
    ...extra,
  };
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/**
 * Change or cancel an event from its view. On a series, "This occurrence" (which one, by where the
 * series placed it) or "The whole series" (a new time moves every occurrence by as much). A room
 * that declines, or a time already taken, is reported with the earlier state kept.
 */
export function EventEditor({ event, onChanged }: { event: EventView; onChanged: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const isSeries = event.recurrence !== null && event.occurrences.length > 0;
  const [scope, setScope] = useState<Scope>('series');
  const [occurrence, setOccurrence] = useState(() => firstChoice(event, Date.now()));
  const base = (() => {
    if (!isSeries || scope === 'series') return { title: event.title, start: event.start, end: event.end };
    const picked = event.occurrences.find((o) => o.start === occurrence);
    return { title: event.title, start: picked?.start ?? event.start, end: picked?.end ?? event.end };
  })();
  const [title, setTitle] = useState(event.title);
  const [time, setTime] = useState<TimeValue>(() => timeOf(base));
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  // A cancellation reaches every attendee's mailbox and cannot be taken back: asked once more.
  const [confirming, setConfirming] = useState(false);

  const what = !isSeries ? s.what.event : scope === 'occurrence' ? s.what.occurrence : s.what.series;
  const query = isSeries && scope === 'occurrence' ? { scope, occurrence } : { scope: 'series' as const };

  const rebase = (next: { scope: Scope; occurrence: string }) => {
    setScope(next.scope);
    setOccurrence(next.occurrence);
    const picked = event.occurrences.find((o) => o.start === next.occurrence);
    setTime(timeOf(next.scope === 'occurrence' && picked ? picked : event));
    setOutcome(undefined);
    setProblem(undefined);
    setConfirming(false);
  };

  const run = async (call: () => Promise<string>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ kind: 'done', text: await call() });
      onChanged();
    } catch (error) {
      setOutcome({ kind: 'failed', failure: bookingFailure(error) });
    } finally {
      setBusy(false);
    }
  };

  const send = (patch: EventPatch) =>
    run(async () => {
      const view = await api.call(eventsEndpoints.changeEvent, { params: { id: event.id }, query, body: patch });
      return s.saved(what, view.roomName, formatWhen(view.start, view.end, view.timeZone));
    });

  const save = () => {
    const window = draftWindow(time);
    if (!window) return setProblem(s.endBeforeStart);
    const patch = eventPatchOf(base, { title, window });
    setProblem(patch ? undefined : s.unchanged);
    if (patch) void send(patch);
  };

  const choose = (alternative: BookingAlternative) => {
    const patch = eventPatchOf(
      base,
      { title, window: alternative },
      alternative.roomId === event.roomId ? {} : { roomId: alternative.roomId },
    );
    if (patch) void send(patch);
  };

  const cancel = () => {
    setConfirming(false);
    return run(async () => {
      await api.call(eventsEndpoints.cancelEvent, { params: { id: event.id }, query });
      return s.cancelled(what);
    });
  };

  return (
    <section className={styles.root} aria-label={s.title}>
      <Text weight="semibold">{s.title}</Text>
      {isSeries ? (
        <RadioGroup
          aria-label={s.scope}
          layout="horizontal"
          value={scope}
          disabled={busy}
          onChange={(_e, d) => rebase({ scope: d.value === 'occurrence' ? 'occurrence' : 'series', occurrence })}
        >
          <Radio value="occurrence" label={s.thisOccurrence} />
          <Radio value="series" label={s.wholeSeries} />
        </RadioGroup>
      ) : null}
      {isSeries && scope === 'occurrence' ? (
        <Field label={s.occurrence}>
          <Select value={occurrence} disabled={busy} onChange={(_e, d) => rebase({ scope, occurrence: d.value })}>
            {event.occurrences.map((o) => (
              <option key={o.start} value={o.start}>
                {formatDayClock(o.start)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label={s.name}>
        <Input value={title} disabled={busy} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <TimeFields value={time} problem={problem} disabled={busy} onChange={(c) => setTime((t) => ({ ...t, ...c }))} />
      {isSeries && scope === 'series' ? <Text size={200}>{s.seriesTimeHint}</Text> : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={save}>
          {busy ? s.saving : s.save}
        </Button>
        <Button disabled={busy || confirming} onClick={() => setConfirming(true)}>
          {!isSeries ? s.cancelEvent : scope === 'occurrence' ? s.cancelOccurrence : s.cancelSeries}
        </Button>
      </div>
      {confirming ? (
        <div role="alertdialog" aria-label={s.confirmCancel(what)} className={styles.actions}>
          <Text>{s.confirmCancel(what)}</Text>
          <Button appearance="primary" onClick={() => void cancel()}>
            {s.confirmCancelYes}
          </Button>
          <Button onClick={() => setConfirming(false)}>{s.confirmCancelNo}</Button>
        </div>
      ) : null}
      {outcome?.kind === 'done' ? <SuccessNote text={outcome.text} /> : null}
      {outcome?.kind === 'failed' ? (
        <FailureView
          failure={outcome.failure}
          title={s.failedTitle}
          actionLabel={s.tryAlternative}
          disabled={busy}
          onChoose={choose}
        />
      ) : null}
    </section>
  );
}
