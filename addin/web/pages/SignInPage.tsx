import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { describeError } from '../errors';
import { useSession } from '../hooks/useSession';
import { strings } from '../strings';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: {
    width: '100%',
    maxWidth: '400px',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function signInProblem(error: unknown): string {
  if (isApiError(error) && error.code === 'invalid_credentials') return strings.signIn.invalidCredentials;
  if (isApiError(error) && error.code === 'rate_limited') return strings.signIn.rateLimited;
  return describeError(error);
}

export function SignInPage() {
  const styles = useStyles();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setProblem(strings.signIn.missingFields);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await signIn(email.trim(), password);
    } catch (error: unknown) {
      setProblem(signInProblem(error));
      setBusy(false);
    }
  };

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <form
          className={styles.form}
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-labelledby="sign-in-title"
        >
          <Title2 as="h1" id="sign-in-title">
            {strings.signIn.title}
          </Title2>
          <Text>{strings.signIn.intro}</Text>
          {problem ? (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          ) : null}
          <Field label={strings.signIn.email} required>
            <Input type="email" autoComplete="username" value={email} onChange={(_e, data) => setEmail(data.value)} />
          </Field>
          <Field label={strings.signIn.password} required>
            <Input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(_e, data) => setPassword(data.value)}
            />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? strings.signIn.submitting : strings.signIn.submit}
          </Button>
        </form>
      </div>
    </main>
  );
}
