import { Button, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { planEndpoints } from '../../../../../shared/api/plan';
import type { PrivacySettings } from '../../../../../shared/schemas/plan';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ErrorState, LoadingState, ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { formProblems, NO_PROBLEMS } from '../apiErrors';
import { privacyStrings as text } from './strings';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  heading: { margin: 0 },
});

/** Who sees organizer names and subjects of other people's meetings (the live plan, timelines, busy rooms). */
export function PrivacySettingsSection() {
  const api = useApi();
  const { state, retry } = useAsync('privacy-settings', (signal) =>
    api.call(planEndpoints.getPrivacySettings, { signal }),
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  return <PrivacyForm initial={state.data} />;
}

function PrivacyForm({ initial }: { initial: PrivacySettings }) {
  const styles = useStyles();
  const api = useApi();
  const [settings, setSettings] = useState(initial);
  const [justSaved, setJustSaved] = useState(false);
  const { busy, problem, submit } = useSubmit(formProblems);
  const problems = problem ?? NO_PROBLEMS;
  const save = (event: FormEvent) => {
    event.preventDefault();
    setJustSaved(false);
    void submit(async () => {
      setSettings(await api.call(planEndpoints.savePrivacySettings, { body: settings }));
      setJustSaved(true);
    });
  };
  return (
    <form className={styles.form} aria-labelledby="privacy-title" onSubmit={save} noValidate>
      <h2 id="privacy-title" className={styles.heading}>
        {text.title}
      </h2>
      <Field label={text.organizerNames} hint={text.externalsNever}>
        <RadioGroup
          value={settings.organizerNames}
          onChange={(_e, d) =>
            setSettings({ ...settings, organizerNames: d.value as PrivacySettings['organizerNames'] })
          }
        >
          <Radio value="signed-in" label={text.namesSignedIn} />
          <Radio value="employees" label={text.namesEmployees} />
          <Radio value="nobody" label={text.namesNobody} />
        </RadioGroup>
      </Field>
      <Field label={text.subjects} hint={text.privateNever}>
        <RadioGroup
          value={settings.subjects}
          onChange={(_e, d) => setSettings({ ...settings, subjects: d.value as PrivacySettings['subjects'] })}
        >
          <Radio value="non-private" label={text.subjectsNonPrivate} />
          <Radio value="never" label={text.subjectsNever} />
        </RadioGroup>
      </Field>
      {problems.message !== undefined ? <ProblemNote text={problems.message} /> : null}
      {justSaved ? <SuccessNote text={text.saved} /> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? text.saving : text.save}
        </Button>
      </div>
    </form>
  );
}
