import { Button, Field, Input, Subtitle2, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { bookingsEndpoints } from '../../../../../shared/api/bookings';
import { locationsEndpoints } from '../../../../../shared/api/locations';
import type { RoomBookingRulesView } from '../../../../../shared/schemas/bookings';
import type { Room } from '../../../../../shared/schemas/locations';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { LoadingState, ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { complaint, formProblems, NO_PROBLEMS } from '../apiErrors';
import { PicturesField } from './PicturesField';
import { draftOf, roomBodyOf, rulesBodyOf, type RoomDraft } from './roomDraft';
import { roomSettingsStrings as text } from './strings';
import { TagsField } from './TagsField';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  numbers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    '& .fui-Input': { minWidth: 0 },
  },
  heading: { margin: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** Loads one room and its booking rules, then the form. */
export function RoomSettingsEditor({
  roomId,
  vocabulary,
  onSaved,
}: {
  roomId: string;
  vocabulary: readonly string[];
  onSaved: (room: Room) => void;
}) {
  const api = useApi();
  const { state, retry } = useAsync(`room-settings:${roomId}`, async (signal) => {
    const [room, rules] = await Promise.all([
      api.call(locationsEndpoints.getRoom, { params: { id: roomId }, signal }),
      api.call(bookingsEndpoints.getRoomBookingRules, { params: { id: roomId }, signal }),
    ]);
    return { room, rules };
  });
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <AdminError error={state.error} onRetry={retry} />;
  return (
    <RoomSettingsForm
      key={roomId}
      room={state.data.room}
      rules={state.data.rules}
      vocabulary={vocabulary}
      onSaved={onSaved}
    />
  );
}

function RoomSettingsForm({
  room,
  rules,
  vocabulary,
  onSaved,
}: {
  room: Room;
  rules: RoomBookingRulesView;
  vocabulary: readonly string[];
  onSaved: (room: Room) => void;
}) {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState<RoomDraft>(() => draftOf(room, rules));
  const [justSaved, setJustSaved] = useState(false);
  const { busy, problem, submit } = useSubmit(formProblems);
  const problems = problem ?? NO_PROBLEMS;
  const update = (change: Partial<RoomDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setJustSaved(false);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    setJustSaved(false);
    void submit(async () => {
      // Two resources, saved in turn: a refused room change leaves the rules untouched.
      const saved = await api.call(locationsEndpoints.updateRoom, { params: { id: room.id }, body: roomBodyOf(draft) });
      const savedRules = await api.call(bookingsEndpoints.saveRoomBookingRules, {
        params: { id: room.id },
        body: rulesBodyOf(draft),
      });
      setDraft(draftOf(saved, savedRules));
      setJustSaved(true);
      onSaved(saved);
    });
  };

  const number = (
    field: 'capacity' | 'maxDurationMinutes' | 'bookingWindowDays' | 'minNoticeMinutes',
    label: string,
  ) => (
    <Field label={label} required {...complaint(problems, field)}>
      <Input
        type="number"
        inputMode="numeric"
        value={draft[field]}
        onChange={(_e, d) => update({ [field]: d.value })}
      />
    </Field>
  );

  const fieldCount = Object.keys(problems.fields).length;
  return (
    <form className={styles.form} aria-label={text.formLabel(room.name)} onSubmit={save} noValidate>
      <Subtitle2 as="h2" className={styles.heading}>
        {room.name}
      </Subtitle2>
      <div className={styles.numbers}>{number('capacity', text.capacity)}</div>
      <TagsField
        tags={draft.tags}
        vocabulary={vocabulary}
        onChange={(tags) => update({ tags })}
        validation={complaint(problems, 'tags')}
      />
      {/* A group rather than a Field: a Field would lend both switches its one label. */}
      <div role="group" aria-labelledby={`${room.id}-audience`} className={styles.group}>
        <Text id={`${room.id}-audience`} weight="semibold">
          {text.audience}
        </Text>
        <div>
          <Switch
            label={text.bookableInternal}
            checked={draft.bookableInternal}
            onChange={(_e, d) => update({ bookableInternal: d.checked })}
          />
          <Switch
            label={text.bookableExternal}
            checked={draft.bookableExternal}
            onChange={(_e, d) => update({ bookableExternal: d.checked })}
          />
        </div>
        {problems.fields.bookableExternal !== undefined ? (
          <Text className={styles.error}>{problems.fields.bookableExternal}</Text>
        ) : null}
      </div>
      <PicturesField
        roomName={room.name}
        pictures={draft.pictures}
        onChange={(pictures) => update({ pictures })}
        validation={complaint(problems, 'imageFileIds')}
      />
      <Subtitle2 as="h3" className={styles.heading}>
        {text.rules}
      </Subtitle2>
      <div className={styles.numbers}>
        {number('maxDurationMinutes', text.maxDuration)}
        {number('bookingWindowDays', text.bookingWindow)}
        {number('minNoticeMinutes', text.minNotice)}
      </div>
      <Switch
        label={text.roomReadOnly}
        checked={draft.readOnly}
        onChange={(_e, d) => update({ readOnly: d.checked })}
      />
      {problems.message !== undefined || fieldCount > 0 ? (
        <ProblemNote text={problems.message ?? text.fieldsInvalid} />
      ) : null}
      {justSaved ? <SuccessNote text={text.saved} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? text.saving : text.save}
        </Button>
      </div>
    </form>
  );
}
