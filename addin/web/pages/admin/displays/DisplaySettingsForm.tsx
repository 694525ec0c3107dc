import { Button, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { displaysEndpoints } from '../../../../../shared/api/displays';
import type { DisplaySettingsView } from '../../../../../shared/schemas/displays';
import { useApi } from '../../../../ui/hooks/useApi';
import { ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { checkDraft, draftOf, MINUTE_FIELD_NAMES } from './settingsDraft';
import { BookNowChoices, MinutesField } from './SettingsFields';
import { displaysStrings as text } from './strings';
import { useSettingsForm } from './useSettingsForm';

export const useFormStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  group: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** The installation's display settings: privacy, check-in and release, book now. */
export function DisplaySettingsForm({ initial, onSaved }: { initial: DisplaySettingsView; onSaved: () => void }) {
  const styles = useFormStyles();
  const api = useApi();
  const { draft, change, save, busy, justSaved, problems } = useSettingsForm({
    initial: draftOf(initial),
    check: checkDraft,
    save: async (body: DisplaySettingsView) => draftOf(await api.call(displaysEndpoints.saveDisplaySettings, { body })),
    onSaved,
  });

  return (
    <form className={styles.form} aria-label={text.settings.formLabel} onSubmit={save} noValidate>
      <Subtitle2 as="h3" className={styles.group}>
        {text.settings.privacy}
      </Subtitle2>
      <Switch
        label={text.settings.showSubjects}
        checked={draft.showSubjects}
        onChange={(_e, d) => change({ showSubjects: d.checked })}
      />
      <Switch
        label={text.settings.showOrganizers}
        checked={draft.showOrganizers}
        onChange={(_e, d) => change({ showOrganizers: d.checked })}
      />
      <Subtitle2 as="h3" className={styles.group}>
        {text.settings.checkIn}
      </Subtitle2>
      <Switch
        label={text.settings.checkInRequired}
        checked={draft.checkInRequired}
        onChange={(_e, d) => change({ checkInRequired: d.checked })}
      />
      {MINUTE_FIELD_NAMES.map((field) => (
        <MinutesField
          key={field}
          field={field}
          value={draft[field]}
          hint={field === 'releaseAfterMinutes' ? text.settings.releaseHint : undefined}
          problems={problems}
          onChange={(value) => change({ [field]: value })}
        />
      ))}
      <BookNowChoices
        label={text.settings.bookNow}
        value={draft.bookNowOptions}
        problems={problems}
        onChange={(bookNowOptions) => change({ bookNowOptions })}
      />
      {problems.message !== undefined ? <ProblemNote text={problems.message} /> : null}
      {justSaved ? <SuccessNote text={text.settings.saved} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? text.settings.saving : text.settings.save}
        </Button>
      </div>
    </form>
  );
}
