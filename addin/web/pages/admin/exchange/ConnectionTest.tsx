import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { exchangeEndpoints } from '../../../../../shared/api/exchange';
import type { ExchangeTestResult } from '../../../../../shared/schemas/exchange';
import { AdminError } from '../AdminError';
import { useApi } from '../../../../ui/hooks/useApi';
import { formProblems } from '../apiErrors';
import { adminStrings } from '../strings';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  heading: { margin: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const text = adminStrings.exchange;

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'result'; readonly result: ExchangeTestResult }
  | { readonly kind: 'error'; readonly error: unknown };

/** "Test connection": the server's own words on what worked or what failed (DNS, TLS, 401, …). */
export function ConnectionTest({ unsavedChanges }: { unsavedChanges: boolean }) {
  const styles = useStyles();
  const api = useApi();
  const [mailbox, setMailbox] = useState('');
  const [testing, setTesting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [mailboxProblem, setMailboxProblem] = useState<string>();

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setTesting(true);
    setMailboxProblem(undefined);
    setOutcome({ kind: 'idle' });
    try {
      const trimmed = mailbox.trim();
      const result = await api.call(exchangeEndpoints.testExchangeConnection, {
        body: trimmed === '' ? {} : { mailbox: trimmed },
      });
      setOutcome({ kind: 'result', result });
    } catch (error: unknown) {
      const problem = formProblems(error).fields.mailbox;
      if (problem !== undefined) setMailboxProblem(problem);
      else setOutcome({ kind: 'error', error });
    } finally {
      setTesting(false);
    }
  };

  return (
    <form className={styles.box} aria-labelledby="exchange-test-title" onSubmit={(e) => void run(e)} noValidate>
      <Text as="h2" id="exchange-test-title" weight="semibold" size={400} className={styles.heading}>
        {text.testTitle}
      </Text>
      <Text>{text.testIntro}</Text>
      <Field
        label={text.testMailbox}
        hint={text.testMailboxHint}
        {...(mailboxProblem === undefined
          ? {}
          : { validationState: 'error' as const, validationMessage: mailboxProblem })}
      >
        <Input type="email" value={mailbox} onChange={(_e, d) => setMailbox(d.value)} />
      </Field>
      {unsavedChanges ? (
        <MessageBar intent="info">
          <MessageBarBody>{text.testUnsaved}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" disabled={testing}>
          {testing ? text.testing : text.test}
        </Button>
      </div>
      {outcome.kind === 'result' ? <TestResult result={outcome.result} /> : null}
      {outcome.kind === 'error' ? <AdminError error={outcome.error} /> : null}
    </form>
  );
}

function TestResult({ result }: { result: ExchangeTestResult }) {
  const title = result.ok ? text.testOk : result.failure ? text.failure[result.failure] : text.testFailed;
  return (
    <MessageBar intent={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {result.message}
        {result.roomMailboxes !== null && !result.ok ? ` ${text.roomMailboxes(result.roomMailboxes)}.` : null}
      </MessageBarBody>
    </MessageBar>
  );
}
