import { Divider, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { externalsEndpoints } from '../../../../../shared/api/externals';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { EmptyState, LoadingState } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { CsvImport } from './CsvImport';
import { ExternalRow } from './ExternalRow';
import { InviteForm } from './InviteForm';
import { SettingsForm } from './SettingsForm';
import { externalsStrings as text } from './strings';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  title: { margin: 0 },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
});

/** Route `/admin/externals`: invite (one or a CSV), the list with end dates and deactivation, the rules. */
export function ExternalsPage() {
  const styles = useStyles();
  const api = useApi();
  const { state, retry, refresh } = useAsync('externals', (signal) => api.call(externalsEndpoints.list, { signal }));

  return (
    <section className={styles.page} aria-labelledby="externals-title">
      <Title2 as="h1" id="externals-title" className={styles.title}>
        {text.title}
      </Title2>
      <Text>{text.intro}</Text>
      <InviteForm onInvited={refresh} />
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <AdminError error={state.error} onRetry={retry} /> : null}
      {state.status === 'success' && state.data.items.length === 0 ? <EmptyState title={text.list.none} /> : null}
      {state.status === 'success' && state.data.items.length > 0 ? (
        <ul className={styles.list} aria-label={text.list.label}>
          {state.data.items.map((external) => (
            <ExternalRow key={external.id} initial={external} onChanged={refresh} />
          ))}
        </ul>
      ) : null}
      <Divider />
      <CsvImport onImported={refresh} />
      <Divider />
      <SettingsForm />
    </section>
  );
}
