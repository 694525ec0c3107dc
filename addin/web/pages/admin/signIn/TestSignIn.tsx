import { Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLocation } from 'react-router';
import { ssoEndpoints } from '../../../../../shared/api/sso';
import type { SsoTestResult } from '../../../../../shared/schemas/sso';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { LoadingState, ProblemNote } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { adminErrorText } from '../apiErrors';
import { roleLabel } from './SignInSettingsForm';
import { signInStrings as text } from './strings';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
  claims: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowX: 'auto',
  },
});

function Result({ result }: { result: SsoTestResult }) {
  const styles = useStyles();
  return (
    <>
      {result.problem ? <ProblemNote text={result.problem} /> : null}
      <dl className={styles.facts}>
        <dt>{text.testAccount}</dt>
        <dd>
          {result.email ?? text.testNone} · {result.existingUser ? text.testExisting : text.testNew}
        </dd>
        <dt>{text.testRole}</dt>
        <dd>{roleLabel(result.role)}</dd>
      </dl>
      <Subtitle2 as="h3">{text.testResult}</Subtitle2>
      <pre className={styles.claims} aria-label={text.testResult}>
        {JSON.stringify(result.claims, null, 2)}
      </pre>
    </>
  );
}

function ResultOf({ id }: { id: string }) {
  const api = useApi();
  const { state, retry } = useAsync(`sso-test-${id}`, (signal) =>
    api.call(ssoEndpoints.ssoTestResult, { params: { id }, signal }),
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <AdminError error={state.error} onRetry={retry} />;
  return <Result result={state.data} />;
}

/**
 * The admin's test sign-in: off to the identity provider with the saved settings and back here with
 * `?test=<id>`, whose claims the server kept for this admin. The admin's own session is not touched.
 */
export function TestSignIn({ unsavedChanges, configured }: { unsavedChanges: boolean; configured: boolean }) {
  const styles = useStyles();
  const api = useApi();
  const testId = new URLSearchParams(useLocation().search).get('test');
  const { busy, problem, submit } = useSubmit(adminErrorText);
  const start = () =>
    void submit(async () => {
      const { url } = await api.call(ssoEndpoints.startSsoTest);
      window.location.assign(url);
    });
  return (
    <section className={styles.panel} aria-labelledby="sso-test-title">
      <Subtitle2 as="h2" id="sso-test-title">
        {text.testTitle}
      </Subtitle2>
      <Text>{unsavedChanges ? text.testUnsaved : text.testIntro}</Text>
      {problem ? <ProblemNote text={problem} /> : null}
      <div>
        <Button onClick={start} disabled={busy || !configured || unsavedChanges}>
          {text.testButton}
        </Button>
      </div>
      {testId ? <ResultOf id={testId} /> : null}
    </section>
  );
}
