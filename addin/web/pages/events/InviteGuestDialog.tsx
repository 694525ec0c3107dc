import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { PersonAddRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../api/client';
import { externalsEndpoints } from '../../../../shared/api/externals';
import type { ExternalInvitation, InvitationRights } from '../../../../shared/schemas/externals';
import { describeError } from '../../../ui/errors';
import { useApi } from '../../../ui/hooks/useApi';
import { useSubmit } from '../../../ui/hooks/useSubmit';
import { ProblemNote, SuccessNote } from '../../../ui/StatusViews';
import { eventStrings } from './strings';

const s = eventStrings.invite;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  link: { fontFamily: tokens.fontFamilyMonospace },
});

const EMPTY = { name: '', email: '', company: '' };

/** A refusal in words: the daily limit (429) is named, as is an address that is not a guest's (409). */
function problemOf(perDay: number | null) {
  return (error: unknown): string => {
    if (isApiError(error) && error.status === 429) return s.tooMany(perDay);
    if (isApiError(error) && error.status === 409) return s.taken;
    if (isApiError(error) && error.status === 403) return s.notAllowed;
    return describeError(error);
  };
}

/**
 * "Invite a guest" (issue 17): name, email and company of someone without an account of ours. The
 * invitation goes out by email; admins also get the link to pass on by hand. Shown only to those
 * who may invite (`rights`).
 */
export function InviteGuestDialog({ rights }: { rights: InvitationRights }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<PersonAddRegular />}>{s.open}</Button>
      </DialogTrigger>
      <DialogSurface>{open ? <InviteBody rights={rights} onClose={() => setOpen(false)} /> : null}</DialogSurface>
    </Dialog>
  );
}

function InviteBody({ rights, onClose }: { rights: InvitationRights; onClose: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState(EMPTY);
  const [sent, setSent] = useState<ExternalInvitation>();
  const [copied, setCopied] = useState(false);
  const { busy, problem, submit, complain } = useSubmit(problemOf(rights.perDay));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.name.trim();
    const email = draft.email.trim();
    if (!name || !email) return complain(s.missing);
    setSent(undefined);
    setCopied(false);
    void submit(async () => {
      const company = draft.company.trim();
      setSent(
        await api.call(externalsEndpoints.invite, { body: company ? { name, email, company } : { name, email } }),
      );
      setDraft(EMPTY);
    });
  };

  const field = (key: keyof typeof EMPTY, label: string, type: 'text' | 'email' = 'text') => (
    <Field label={label} required={key !== 'company'}>
      <Input type={type} value={draft[key]} onChange={(_e, d) => setDraft((x) => ({ ...x, [key]: d.value }))} />
    </Field>
  );

  return (
    <form onSubmit={onSubmit}>
      <DialogBody>
        <DialogTitle>{s.title}</DialogTitle>
        <DialogContent className={styles.form}>
          {field('name', s.name)}
          {field('email', s.email, 'email')}
          {field('company', s.company)}
          {rights.perDay !== null ? <span>{s.limit(rights.perDay)}</span> : null}
          {problem !== undefined ? <ProblemNote text={problem} /> : null}
          {sent ? <SuccessNote text={s.sent(sent.name, sent.email)} /> : null}
          {sent?.link ? (
            <Field label={s.linkLabel} hint={s.linkHint}>
              <Input readOnly value={sent.link} className={styles.link} />
            </Field>
          ) : null}
        </DialogContent>
        <DialogActions>
          {sent?.link ? (
            <Button
              onClick={() =>
                void navigator.clipboard
                  .writeText(sent.link ?? '')
                  .then(() => setCopied(true))
                  .catch(() => setCopied(false))
              }
            >
              {copied ? s.copied : s.copy}
            </Button>
          ) : null}
          <Button onClick={onClose}>{s.close}</Button>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? s.sending : s.send}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
