import { Button, Field, Input, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { externalsEndpoints } from '../../../../../shared/api/externals';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { LoadingState, ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { complaint, formProblems, NO_PROBLEMS, type FormProblems } from '../apiErrors';
import { externalsStrings as text } from './strings';

interface Rules {
  readonly employeesMayInvite: boolean;
  readonly invitationsPerDay: number;
  readonly maxOpenBookings: number;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

function RulesForm({ initial }: { initial: Rules }) {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState({
    employeesMayInvite: initial.employeesMayInvite,
    invitationsPerDay: String(initial.invitationsPerDay),
    maxOpenBookings: String(initial.maxOpenBookings),
  });
  const [saved, setSaved] = useState(false);
  const { busy, problem, submit } = useSubmit<FormProblems>(formProblems);
  const problems = problem ?? NO_PROBLEMS;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void submit(async () => {
      await api.call(externalsEndpoints.saveSettings, {
        body: {
          employeesMayInvite: draft.employeesMayInvite,
          invitationsPerDay: Number(draft.invitationsPerDay),
          maxOpenBookings: Number(draft.maxOpenBookings),
        },
      });
      setSaved(true);
    });
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="rules-title">
      <Subtitle2 as="h2" id="rules-title">
        {text.settings.title}
      </Subtitle2>
      <Switch
        label={text.settings.employeesMayInvite}
        checked={draft.employeesMayInvite}
        onChange={(_e, d) => setDraft((v) => ({ ...v, employeesMayInvite: d.checked }))}
      />
      <div className={styles.row}>
        <Field label={text.settings.invitationsPerDay} {...complaint(problems, 'invitationsPerDay')}>
          <Input
            type="number"
            min={1}
            value={draft.invitationsPerDay}
            onChange={(_e, d) => setDraft((v) => ({ ...v, invitationsPerDay: d.value }))}
          />
        </Field>
        <Field label={text.settings.maxOpenBookings} {...complaint(problems, 'maxOpenBookings')}>
          <Input
            type="number"
            min={1}
            value={draft.maxOpenBookings}
            onChange={(_e, d) => setDraft((v) => ({ ...v, maxOpenBookings: d.value }))}
          />
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? text.settings.saving : text.settings.save}
        </Button>
      </div>
      {problems.message !== undefined ? <ProblemNote text={problems.message} /> : null}
      {saved ? <SuccessNote text={text.settings.saved} /> : null}
    </form>
  );
}

/** Whether employees may invite, their daily budget, and how many open bookings an external may hold. */
export function SettingsForm() {
  const api = useApi();
  const { state, retry } = useAsync('external-settings', (signal) =>
    api.call(externalsEndpoints.getSettings, { signal }),
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <AdminError error={state.error} onRetry={retry} />;
  return <RulesForm initial={state.data} />;
}
