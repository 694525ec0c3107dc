import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { analyticsEndpoints } from '../../../../shared/api/analytics';
import type { AnalyticsSettings } from '../../../../shared/schemas/analytics';
import { ErrorState, LoadingState } from '../../../ui/StatusViews';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { analyticsStrings as text } from './strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
});

const validDays = (value: string): boolean => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 3650;

/** The installation's analytics privacy: admins change it, analysts read it. */
export function PrivacySettings({ editable }: { editable: boolean }) {
  const api = useApi();
  const settings = useAsync('analytics:settings', (signal) =>
    api.call(analyticsEndpoints.analyticsSettings, { signal }),
  );
  return (
    <section aria-labelledby="analytics-privacy">
      <Subtitle1 as="h2" id="analytics-privacy">
        {text.privacy.title}
      </Subtitle1>
      {settings.state.status === 'loading' ? <LoadingState /> : null}
      {settings.state.status === 'error' ? <ErrorState error={settings.state.error} onRetry={settings.retry} /> : null}
      {settings.state.status === 'success' ? (
        <PrivacyForm key={JSON.stringify(settings.state.data)} saved={settings.state.data} editable={editable} />
      ) : null}
    </section>
  );
}

function PrivacyForm({ saved, editable }: { saved: AnalyticsSettings; editable: boolean }) {
  const styles = useStyles();
  const api = useApi();
  const [current, setCurrent] = useState(saved);
  const [days, setDays] = useState(String(saved.anonymiseAfterDays));
  const [worksCouncil, setWorksCouncil] = useState(saved.worksCouncil);
  const [outcome, setOutcome] = useState<'saved' | 'failed' | undefined>();
  const valid = validDays(days);
  const changed = Number(days) !== current.anonymiseAfterDays || worksCouncil !== current.worksCouncil;

  async function save() {
    try {
      const next = await api.call(analyticsEndpoints.saveAnalyticsSettings, {
        body: { ...current, anonymiseAfterDays: Number(days), worksCouncil },
      });
      setCurrent(next);
      setOutcome('saved');
    } catch {
      setOutcome('failed');
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && editable) void save();
      }}
    >
      <Field label={text.privacy.anonymiseAfterDays} validationMessage={valid ? undefined : text.privacy.daysProblem}>
        <Input
          type="number"
          min={1}
          max={3650}
          value={days}
          disabled={!editable}
          onChange={(_e, d) => setDays(d.value)}
        />
      </Field>
      <Switch
        label={text.privacy.worksCouncil}
        checked={worksCouncil}
        disabled={!editable}
        onChange={(_e, d) => setWorksCouncil(d.checked)}
      />
      {editable ? (
        <Button type="submit" appearance="primary" disabled={!valid || !changed}>
          {text.privacy.save}
        </Button>
      ) : (
        <Text>{text.privacy.adminsOnly}</Text>
      )}
      {outcome === 'saved' ? (
        <MessageBar intent="success">
          <MessageBarBody>{text.privacy.saved}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome === 'failed' ? (
        <MessageBar intent="error">
          <MessageBarBody>{text.privacy.failed}</MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}
