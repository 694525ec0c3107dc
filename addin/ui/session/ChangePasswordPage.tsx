import { Button, Field, Input, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { authEndpoints } from '../../../shared/api/auth';
import { passwordSchema } from '../../../shared/schemas/auth';
import { isApiError } from '../../api/client';
import { describeError } from '../errors';
import { useApi } from '../hooks/useApi';
import { useSubmit } from '../hooks/useSubmit';
import { ProblemNote } from '../StatusViews';
import { uiStrings } from '../strings';
import { CardPage } from './CardPage';
import { useSession } from './useSession';

const text = uiStrings.changePassword;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

function changeProblem(error: unknown): string {
  if (isApiError(error) && error.code === 'current_password_wrong') return text.wrongCurrent;
  return describeError(error);
}

interface Fields {
  readonly current: string;
  readonly next: string;
  readonly repeated: string;
}

/** What is wrong with the fields before asking the server; undefined when nothing is. */
function fieldsProblem(fields: Fields): string | undefined {
  if (!fields.current || !fields.next) return text.missingFields;
  if (!passwordSchema.safeParse(fields.next).success) return text.tooShort;
  if (fields.next !== fields.repeated) return text.mismatch;
  return undefined;
}

/**
 * Shown instead of every page while the session was opened with a password an admin reset: the
 * server answers nothing else until a new one is chosen (403 password_change_required).
 */
export function ChangePasswordPage() {
  const styles = useStyles();
  const titleId = useId();
  const api = useApi();
  const { adopt, signOut } = useSession();
  const [fields, setFields] = useState<Fields>({ current: '', next: '', repeated: '' });
  const { busy, problem, submit, complain } = useSubmit(changeProblem);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = fieldsProblem(fields);
    if (wrong !== undefined) return complain(wrong);
    void submit(async () => {
      const body = { currentPassword: fields.current, newPassword: fields.next };
      adopt(await api.call(authEndpoints.changePassword, { body }));
    });
  };

  const field = (key: keyof Fields, label: string, autoComplete: string) => (
    <Field label={label} required>
      <Input
        type="password"
        autoComplete={autoComplete}
        value={fields[key]}
        onChange={(_e, data) => setFields({ ...fields, [key]: data.value })}
      />
    </Field>
  );

  return (
    <CardPage>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <Title2 as="h1" id={titleId}>
          {text.title}
        </Title2>
        <Text>{text.intro}</Text>
        {problem ? <ProblemNote text={problem} /> : null}
        {field('current', text.current, 'current-password')}
        {field('next', text.next, 'new-password')}
        {field('repeated', text.repeated, 'new-password')}
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? text.submitting : text.submit}
        </Button>
        <Button appearance="subtle" disabled={busy} onClick={() => void signOut()}>
          {text.signOut}
        </Button>
      </form>
    </CardPage>
  );
}
