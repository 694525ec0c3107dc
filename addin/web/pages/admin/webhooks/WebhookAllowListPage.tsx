import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { catalogEndpoints } from '../../../../../shared/api/catalog';
import type { WebhookAllowList } from '../../../../../shared/schemas/catalog';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { AdminSettingsPage } from '../AdminSettingsPage';
import { complaint, NO_PROBLEMS, type FormProblems } from '../apiErrors';
import { adminStrings } from '../strings';
import { allowListProblems, entriesOf } from './allowListDraft';

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
  entries: { fontFamily: tokens.fontFamilyMonospace },
  // The server's message per entry is one line each.
  message: { whiteSpace: 'pre-line' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const text = adminStrings.webhooks;

function AllowListForm({ initial }: { initial: WebhookAllowList }) {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState(initial.entries.join('\n'));
  const [saved, setSaved] = useState(initial.entries);
  const [justSaved, setJustSaved] = useState(false);
  // The entries of the save in flight: the server names a bad one by its index in them.
  const sent = useRef<string[]>([]);
  const { busy, problem, submit } = useSubmit<FormProblems>((error) => allowListProblems(sent.current)(error));
  const problems = problem ?? NO_PROBLEMS;
  const entryComplaint = complaint(problems, 'entries');

  const save = (event: FormEvent) => {
    event.preventDefault();
    const entries = entriesOf(draft);
    sent.current = entries;
    setJustSaved(false);
    void submit(async () => {
      const next = await api.call(catalogEndpoints.putWebhookAllowList, { body: { entries } });
      setSaved(next.entries);
      setDraft(next.entries.join('\n'));
      setJustSaved(true);
    });
  };

  return (
    <form className={styles.form} aria-label={text.formLabel} onSubmit={save} noValidate>
      <Field
        label={text.entries}
        hint={saved.length === 0 ? `${text.entriesHint} ${text.empty}` : text.entriesHint}
        {...entryComplaint}
        validationMessage={
          entryComplaint.validationMessage === undefined ? undefined : (
            <span className={styles.message}>{entryComplaint.validationMessage}</span>
          )
        }
      >
        <Textarea
          className={styles.entries}
          resize="vertical"
          rows={6}
          placeholder={'10.20.0.0/16\n192.168.5.12'}
          value={draft}
          onChange={(_e, d) => {
            setDraft(d.value);
            setJustSaved(false);
          }}
        />
      </Field>
      {problems.message !== undefined ? <ProblemNote text={problems.message} /> : null}
      {justSaved ? <SuccessNote text={text.saved} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? adminStrings.common.saving : adminStrings.common.save}
        </Button>
      </div>
    </form>
  );
}

/** Route `/admin/webhooks`: the internal addresses caterers' webhooks may reach (issue #20). */
export function WebhookAllowListPage() {
  const api = useApi();
  return (
    <AdminSettingsPage
      title={text.title}
      intro={text.intro}
      load={{
        key: 'webhook-allow-list',
        fetch: (signal) => api.call(catalogEndpoints.getWebhookAllowList, { signal }),
      }}
    >
      {(current) => <AllowListForm initial={current} />}
    </AdminSettingsPage>
  );
}
