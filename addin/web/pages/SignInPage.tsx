import { Button, MessageBar, MessageBarBody, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { CredentialFields, type Credentials } from '../components/CredentialFields';
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
  const [credentials, setCredentials] = useState<Credentials>({ email: '', password: '' });
  const { email, password } = credentials;
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
          <CredentialFields labels={strings.signIn} value={credentials} onChange={setCredentials} />
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? strings.signIn.submitting : strings.signIn.submit}
          </Button>
        </form>
      </div>
    </main>
  );
}
