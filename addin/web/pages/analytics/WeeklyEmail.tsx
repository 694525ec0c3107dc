import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { analyticsEndpoints } from '../../../../shared/api/analytics';
import { analyticsReportSchema } from '../../../../shared/schemas/analytics';
import { ErrorState, LoadingState } from '../../../ui/StatusViews';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { analyticsStrings as text } from './strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

const addressesOf = (value: string): string[] =>
  value
    .split(/[\n,;]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
const validList = (list: readonly string[]): boolean => analyticsReportSchema.safeParse({ recipients: list }).success;

/** Admins choose who gets the weekly analytics email, and can send themselves a preview. */
export function WeeklyEmail({ me }: { me: string }) {
  const api = useApi();
  const saved = useAsync('analytics:report', (signal) => api.call(analyticsEndpoints.analyticsReport, { signal }));
  return (
    <section aria-labelledby="analytics-weekly-email">
      <Subtitle1 as="h2" id="analytics-weekly-email">
        {text.weekly.title}
      </Subtitle1>
      <Text as="p">{text.weekly.intro}</Text>
      {saved.state.status === 'loading' ? <LoadingState /> : null}
      {saved.state.status === 'error' ? <ErrorState error={saved.state.error} onRetry={saved.retry} /> : null}
      {saved.state.status === 'success' ? (
        <RecipientsForm key={saved.state.data.recipients.join('\n')} saved={saved.state.data.recipients} me={me} />
      ) : null}
    </section>
  );
}

type Outcome = { intent: 'success' | 'error'; message: string } | undefined;

function RecipientsForm({ saved, me }: { saved: readonly string[]; me: string }) {
  const styles = useStyles();
  const api = useApi();
  const [current, setCurrent] = useState(saved.join('\n'));
  const [stored, setStored] = useState(saved.join('\n'));
  const [outcome, setOutcome] = useState<Outcome>();
  const list = addressesOf(current);
  const valid = validList(list);
  const subscribed = list.some((a) => a.toLowerCase() === me.toLowerCase());

  async function save(recipients: readonly string[]) {
    try {
      const next = await api.call(analyticsEndpoints.saveAnalyticsReport, { body: { recipients: [...recipients] } });
      setCurrent(next.recipients.join('\n'));
      setStored(next.recipients.join('\n'));
      setOutcome({ intent: 'success', message: text.weekly.saved });
    } catch {
      setOutcome({ intent: 'error', message: text.weekly.failed });
    }
  }

  async function preview() {
    try {
      const sent = await api.call(analyticsEndpoints.previewAnalyticsReport, { body: {} });
      setOutcome({ intent: 'success', message: text.weekly.previewQueued(sent.to.join(', ')) });
    } catch {
      setOutcome({ intent: 'error', message: text.weekly.previewFailed });
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void save(list);
      }}
    >
      <Field label={text.weekly.recipients} validationMessage={valid ? undefined : text.weekly.problem}>
        <Textarea value={current} resize="vertical" rows={4} onChange={(_e, d) => setCurrent(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={!valid || list.join('\n') === stored}>
          {text.weekly.save}
        </Button>
        <Button disabled={subscribed || !valid} onClick={() => void save([...list, me])}>
          {text.weekly.subscribeMe}
        </Button>
        <Button onClick={() => void preview()}>{text.weekly.preview}</Button>
      </div>
      {outcome ? (
        <MessageBar intent={outcome.intent}>
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}
