import { Button, Divider, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ssoEndpoints } from '../../../shared/api/sso';
import type { SsoSignInOptions } from '../../../shared/schemas/sso';
import { isApiError } from '../../api/client';
import { useApi } from '../hooks/useApi';
import { useAsync } from '../hooks/useAsync';
import { describeError } from '../errors';
import { uiStrings } from '../strings';
import { CredentialsForm } from './CredentialsForm';
import { SignInLinkForm } from './SignInLinkForm';
import { CardPage } from './CardPage';
import { useSession } from './useSession';

const text = uiStrings.signIn;

const useStyles = makeStyles({
  sso: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function signInProblem(error: unknown): string {
  if (isApiError(error) && error.code === 'invalid_credentials') return text.invalidCredentials;
  if (isApiError(error) && error.code === 'rate_limited') return text.rateLimited;
  if (isApiError(error) && error.code === 'forbidden') return text.passwordOff;
  return describeError(error);
}

/** "Sign in with <provider>": a plain link, since the sign-in leaves for the provider and comes back. */
function SingleSignOn({ options }: { options: SsoSignInOptions }) {
  const styles = useStyles();
  if (!options.sso) return null;
  return (
    <div className={styles.sso}>
      <Button as="a" appearance="primary" size="large" href={options.sso.loginUrl}>
        {text.ssoButton(options.sso.displayName)}
      </Button>
      <Divider>{options.passwordSignIn ? text.passwordDivider : text.breakGlassDivider}</Divider>
    </div>
  );
}

/** The sign-in page of the web app, and of the taskpane's browser preview. */
export function SignInPage() {
  const api = useApi();
  const { signIn } = useSession();
  // Without an answer (an older server, a network hiccup) the password form alone is shown, as before.
  const { state } = useAsync('sign-in-options', (signal) => api.call(ssoEndpoints.signInOptions, { signal }));
  const options = state.status === 'success' ? state.data : undefined;
  const [byEmail, setByEmail] = useState(false);
  return (
    <CardPage>
      {byEmail ? (
        <SignInLinkForm onBack={() => setByEmail(false)} />
      ) : (
        <CredentialsForm
          lead={options ? <SingleSignOn options={options} /> : null}
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
    </CardPage>
  );
}
