import { Button, Checkbox, Field, Select } from '@fluentui/react-components';
import { displaysEndpoints } from '../../../../../shared/api/displays';
import type { DisplaySettingsView, RoomDisplaySettingsView } from '../../../../../shared/schemas/displays';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { LoadingState, ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { complaint } from '../apiErrors';
import { useFormStyles } from './DisplaySettingsForm';
import { checkRoomDraft, MINUTE_FIELD_NAMES, roomDraftOf, SWITCH_FIELDS, type SwitchField } from './settingsDraft';
import { BookNowChoices, MinutesField } from './SettingsFields';
import { displaysStrings as text } from './strings';
import { useSettingsForm } from './useSettingsForm';

const SWITCH_LABELS: Record<SwitchField, string> = {
  showSubjects: text.settings.showSubjects,
  showOrganizers: text.settings.showOrganizers,
  checkInRequired: text.settings.checkInRequired,
};

const yesNo = (value: boolean) => (value ? text.room.yes : text.room.no);
const durations = (options: DisplaySettingsView['bookNowOptions']) =>
  options.map((o) => text.settings.durations[o]).join(', ');

/** A room's own display settings, loaded when the room is picked. */
export function RoomSettingsForm(props: { roomId: string; roomName: string; installation: DisplaySettingsView }) {
  const api = useApi();
  const { roomId } = props;
  const { state, retry } = useAsync(`room-display-settings:${roomId}`, (signal) =>
    api.call(displaysEndpoints.getRoomDisplaySettings, { params: { id: roomId }, signal }),
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <AdminError error={state.error} onRetry={retry} />;
  return <RoomForm key={roomId} {...props} initial={state.data} />;
}

function RoomForm(props: {
  roomId: string;
  roomName: string;
  installation: DisplaySettingsView;
  initial: RoomDisplaySettingsView;
}) {
  const { roomId, roomName, installation, initial } = props;
  const styles = useFormStyles();
  const api = useApi();
  const { draft, change, save, busy, justSaved, problems } = useSettingsForm({
    initial: roomDraftOf(initial),
    check: checkRoomDraft,
    save: async (body: RoomDisplaySettingsView) =>
      roomDraftOf(await api.call(displaysEndpoints.saveRoomDisplaySettings, { params: { id: roomId }, body })),
  });

  return (
    <form className={styles.form} aria-label={text.room.formLabel(roomName)} onSubmit={save} noValidate>
      {SWITCH_FIELDS.map((field) => (
        <Field key={field} label={SWITCH_LABELS[field]} {...complaint(problems, field)}>
          <Select
            value={draft[field] === null ? 'follow' : draft[field] ? 'yes' : 'no'}
            onChange={(_e, d) => change({ [field]: d.value === 'follow' ? null : d.value === 'yes' })}
          >
            <option value="follow">{text.room.follow(yesNo(installation[field]))}</option>
            <option value="yes">{text.room.yes}</option>
            <option value="no">{text.room.no}</option>
          </Select>
        </Field>
      ))}
      {MINUTE_FIELD_NAMES.map((field) => (
        <MinutesField
          key={field}
          field={field}
          value={draft[field]}
          hint={text.room.numberHint(installation[field])}
          problems={problems}
          onChange={(value) => change({ [field]: value })}
        />
      ))}
      <Checkbox
        label={text.room.ownBookNow}
        checked={draft.bookNowOptions !== null}
        onChange={(_e, d) => change({ bookNowOptions: d.checked === true ? [...installation.bookNowOptions] : null })}
      />
      {draft.bookNowOptions === null ? (
        <p>{text.room.follow(durations(installation.bookNowOptions))}</p>
      ) : (
        <BookNowChoices
          label={text.settings.bookNow}
          value={draft.bookNowOptions}
          problems={problems}
          onChange={(bookNowOptions) => change({ bookNowOptions })}
        />
      )}
      {problems.message !== undefined ? <ProblemNote text={problems.message} /> : null}
      {justSaved ? <SuccessNote text={text.room.saved(roomName)} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? text.settings.saving : text.settings.save}
        </Button>
      </div>
    </form>
  );
}
