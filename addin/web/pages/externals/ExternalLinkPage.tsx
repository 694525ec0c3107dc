import { Button, Field, Input, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { externalsEndpoints } from '../../../../shared/api/externals';
import type { SessionInfo } from '../../../../shared/schemas/auth';
import { describeError } from '../../../ui/errors';
import { useApi } from '../../../ui/hooks/useApi';
import { useSubmit } from '../../../ui/hooks/useSubmit';
import { CardPage } from '../../../ui/session/CardPage';
import { SignInLinkForm } from '../../../ui/session/SignInLinkForm';
import { useSession } from '../../../ui/session/useSession';
import { ProblemNote } from '../../../ui/StatusViews';
import { externalLinkStrings as text } from './strings';

const MIN_PASSWORD = 12;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

/** The session the link started becomes the app's; the guest lands on the room search. */
function useSignedIn(): (info: SessionInfo) => void {
  const { adopt } = useSession();
  const navigate = useNavigate();
  return (info) => {
    adopt(info);
    void navigate('/', { replace: true });
  };
}

function AcceptForm({ token }: { token: string }) {
  const styles = useStyles();
  const api = useApi();
  const signedIn = useSignedIn();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, problem, submit, complain } = useSubmit((error) => describeError(error));

  const accept = (withPassword: boolean) =>
    void submit(async () => {
      const body = withPassword ? { token, password } : { token };
      signedIn(await api.call(externalsEndpoints.accept, { body }));
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) return complain(text.accept.tooShort);
    if (password !== repeat) return complain(text.accept.mismatch);
    accept(true);
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="accept-title">
      <Title2 as="h1" id="accept-title">
        {text.accept.title}
      </Title2>
      <Text>{text.accept.intro}</Text>
      {problem ? <ProblemNote text={problem} /> : null}
      <Field label={text.accept.password} hint={text.accept.passwordHint}>
        <Input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(_e, d) => setPassword(d.value)}
        />
      </Field>
      <Field label={text.accept.repeat}>
        <Input type="password" autoComplete="new-password" value={repeat} onChange={(_e, d) => setRepeat(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>
        {busy ? text.accept.submitting : text.accept.submit}
      </Button>
      <Button disabled={busy} onClick={() => accept(false)}>
        {text.accept.passwordless}
      </Button>
    </form>
  );
}

function SignInForm({ token, onNewLink }: { token: string; onNewLink: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const signedIn = useSignedIn();
  const { busy, problem, submit } = useSubmit((error) => describeError(error));

  // A button, not an automatic sign-in: mail scanners that open links must not use them up.
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => signedIn(await api.call(externalsEndpoints.signInWithLink, { body: { token } })));
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-labelledby="link-title">
      <Title2 as="h1" id="link-title">
        {text.signIn.title}
      </Title2>
      <Text>{text.signIn.intro}</Text>
      {problem ? <ProblemNote text={problem} /> : null}
      <Button appearance="primary" type="submit" disabled={busy}>
        {busy ? text.signIn.submitting : text.signIn.submit}
      </Button>
      {problem ? <Button onClick={onNewLink}>{text.newLink}</Button> : null}
    </form>
  );
}

/** Routes `/externals/accept` and `/externals/sign-in`: what an external's email links open. */
export function ExternalLinkPage({ kind }: { kind: 'invitation' | 'sign-in' }) {
  const token = useSearchParams()[0].get('token') ?? '';
  const [askNewLink, setAskNewLink] = useState(false);
  let body;
  if (askNewLink) body = <SignInLinkForm onBack={() => setAskNewLink(false)} />;
  else if (!token) body = <ProblemNote text={text.missingToken} />;
  else if (kind === 'invitation') body = <AcceptForm token={token} />;
  else body = <SignInForm token={token} onNewLink={() => setAskNewLink(true)} />;
  return <CardPage maxWidth={420}>{body}</CardPage>;
}
