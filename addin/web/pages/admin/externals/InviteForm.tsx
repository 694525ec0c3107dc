import { Button, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { externalsEndpoints } from '../../../../../shared/api/externals';
import type { ExternalInvitation } from '../../../../../shared/schemas/externals';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { complaint, formProblems, NO_PROBLEMS, type FormProblems } from '../apiErrors';
import { InvitationLink } from './InvitationLink';
import { externalsStrings as text } from './strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fields: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  field: { flexGrow: 1, minWidth: '180px' },
});

const EMPTY = { name: '', email: '', company: '' };

/** Name, email and company: the invitation is sent by email, and its link shown here once. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState(EMPTY);
  const [sent, setSent] = useState<ExternalInvitation>();
  const { busy, problem, submit, complain } = useSubmit<FormProblems>(formProblems);
  const problems = problem ?? NO_PROBLEMS;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.name.trim();
    const email = draft.email.trim();
    if (!name || !email) return complain({ fields: {}, message: text.invite.missing });
    setSent(undefined);
    void submit(async () => {
      const company = draft.company.trim();
      const body = company ? { name, email, company } : { name, email };
      setSent(await api.call(externalsEndpoints.invite, { body }));
      setDraft(EMPTY);
      onInvited();
    });
  };

  const field = (key: keyof typeof EMPTY, label: string, type: 'text' | 'email' = 'text') => (
    <Field label={label} className={styles.field} required={key !== 'company'} {...complaint(problems, key)}>
      <Input type={type} value={draft[key]} onChange={(_e, d) => setDraft((v) => ({ ...v, [key]: d.value }))} />
    </Field>
  );

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="invite-title">
      <Subtitle2 as="h2" id="invite-title">
        {text.invite.title}
      </Subtitle2>
      <div className={styles.fields}>
        {field('name', text.invite.name)}
        {field('email', text.invite.email, 'email')}
        {field('company', text.invite.company)}
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? text.invite.submitting : text.invite.submit}
        </Button>
      </div>
      {problems.message !== undefined ? <ProblemNote text={problems.message} /> : null}
      {sent ? (
        <>
          <SuccessNote text={text.invite.sent(sent.name, sent.email)} />
          {sent.link ? <InvitationLink url={sent.link} /> : null}
        </>
      ) : null}
    </form>
  );
}
