import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { addinEndpoints } from '../../../shared/api/addin';
import { isApiError } from '../../api/client';
import { CredentialFields, type Credentials } from '../../web/components/CredentialFields';
import { useApi } from '../../web/hooks/useApi';
import { describeError } from '../errors';
import { strings } from '../strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

function linkProblem(error: unknown): string {
  if (isApiError(error) && error.code === 'invalid_credentials') return strings.link.invalidCredentials;
  if (isApiError(error) && error.code === 'rate_limited') return strings.link.rateLimited;
  if (isApiError(error) && error.code === 'conflict') return strings.link.linkedElsewhere;
  return describeError(error);
}

/**
 * The one-time sign-in of an Outlook user whom Roomserve cannot find through Exchange: the
 * identity token goes along as on every call (the client's bearer token), the email and password
 * prove the Roomserve account, and the server remembers the pair (POST /api/addin/link).
 */
export function LinkForm({ onLinked }: { onLinked: () => void }) {
  const styles = useStyles();
  const client = useApi();
  const titleId = useId();
  const [credentials, setCredentials] = useState<Credentials>({ email: '', password: '' });
  const { email, password } = credentials;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setProblem(strings.link.missingFields);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await client.call(addinEndpoints.link, { body: { email: email.trim(), password } });
    } catch (error: unknown) {
      setProblem(linkProblem(error));
      setBusy(false);
      return;
    }
    onLinked();
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId}>
        {strings.link.title}
      </Subtitle2>
      <Text>{strings.link.why}</Text>
      {problem ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <CredentialFields labels={strings.link} value={credentials} onChange={setCredentials} />
      <Button type="submit" appearance="primary" disabled={busy}>
        {busy ? strings.link.submitting : strings.link.submit}
      </Button>
      <Caption1>{strings.link.noPassword}</Caption1>
    </form>
  );
}
