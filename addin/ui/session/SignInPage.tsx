import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { describeError } from '../errors';
import { uiStrings } from '../strings';
import { CredentialsForm } from './CredentialsForm';
import { SignInLinkForm } from './SignInLinkForm';
import { useSession } from './useSession';

const text = uiStrings.signIn;

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
});

function signInProblem(error: unknown): string {
  if (isApiError(error) && error.code === 'invalid_credentials') return text.invalidCredentials;
  if (isApiError(error) && error.code === 'rate_limited') return text.rateLimited;
  return describeError(error);
}

/** The sign-in page of the web app, and of the taskpane's browser preview. */
export function SignInPage() {
  const styles = useStyles();
  const { signIn } = useSession();
  const [byEmail, setByEmail] = useState(false);
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        {byEmail ? (
          <SignInLinkForm onBack={() => setByEmail(false)} />
        ) : (
          <CredentialsForm
            texts={text}
            level={1}
            intro={text.intro}
            send={({ email, password }) => signIn(email, password)}
            problemOf={signInProblem}
            footer={
              <Button appearance="subtle" onClick={() => setByEmail(true)}>
                {text.noPassword}
              </Button>
            }
          />
        )}
      </div>
    </main>
  );
}
