import { Button, Field, Input, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { externalsEndpoints } from '../../../shared/api/externals';
import { describeError } from '../errors';
import { useApi } from '../hooks/useApi';
import { useSubmit } from '../hooks/useSubmit';
import { ProblemNote, SuccessNote } from '../StatusViews';
import { uiStrings } from '../strings';

const text = uiStrings.signInLink;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

/** Asks for a one-time sign-in link by email (externals without a password). */
export function SignInLinkForm({ onBack }: { onBack: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const titleId = useId();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const { busy, problem, submit, complain } = useSubmit((error) => describeError(error));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    if (!address) return complain(text.missingEmail);
    void submit(async () => {
      await api.call(externalsEndpoints.requestSignInLink, { body: { email: address } });
      setSentTo(address);
    });
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <Title2 as="h1" id={titleId}>
        {text.title}
      </Title2>
      <Text>{text.intro}</Text>
      {problem ? <ProblemNote text={problem} /> : null}
      {sentTo !== undefined ? <SuccessNote text={text.sent(sentTo)} /> : null}
      <Field label={text.email} required>
        <Input type="email" autoComplete="username" value={email} onChange={(_e, d) => setEmail(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>
        {busy ? text.submitting : text.submit}
      </Button>
      <Button appearance="subtle" onClick={onBack}>
        {text.back}
      </Button>
    </form>
  );
}
