import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { exchangeEndpoints } from '../../../../../shared/api/exchange';
import { LoadingState } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { adminStrings } from '../strings';
import { ConnectionTest } from './ConnectionTest';
import { SettingsForm } from './SettingsForm';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  title: { margin: 0 },
});

const text = adminStrings.exchange;

/** Route `/admin/exchange`: the one Exchange connection of the installation, and its test. */
export function ExchangeSettingsPage() {
  const styles = useStyles();
  const api = useApi();
  const { state, retry } = useAsync('exchange-settings', (signal) =>
    api.call(exchangeEndpoints.getExchangeSettings, { signal }),
  );

  return (
    <section className={styles.page} aria-labelledby="exchange-title">
      <Title2 as="h1" id="exchange-title" className={styles.title}>
        {text.title}
      </Title2>
      <Text>{text.intro}</Text>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <AdminError error={state.error} onRetry={retry} /> : null}
      {state.status === 'success' ? (
        // The test runs against the saved settings, so it warns while the form holds unsaved changes.
        <SettingsForm initial={state.data} after={(dirty) => <ConnectionTest unsavedChanges={dirty} />} />
      ) : null}
    </section>
  );
}
