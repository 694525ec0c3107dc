import { Button, MessageBar, MessageBarBody, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { Link } from 'react-router';
import { integrationEndpoints } from '../../../../../shared/api/integration';
import { EmptyState, LoadingState } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { useApi } from '../../../../ui/hooks/useApi';
import { formatDay } from '../format';
import { adminStrings } from '../strings';
import { usePolled } from '../usePolled';
import { FirstSyncPhases } from './FirstSyncPhases';
import { OverviewTable } from './OverviewTable';
import { OverviewTotals } from './OverviewTotals';
import { SyncProgress } from './SyncProgress';
import { useSyncRun } from './useSyncRun';

/** The overview is read again this long after each answer while the page is open. */
export const OVERVIEW_REFRESH_MS = 3000;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  title: { margin: 0 },
  meta: { display: 'flex', flexDirection: 'column', color: tokens.colorNeutralForeground2 },
});

const text = adminStrings.integration;

/** Route `/admin/integration`: every connected room's sync state, refreshed while open, and "sync now". */
export function IntegrationOverviewPage() {
  const styles = useStyles();
  const api = useApi();
  const overview = usePolled(
    (signal) => api.call(integrationEndpoints.integrationOverview, { signal }),
    OVERVIEW_REFRESH_MS,
  );
  const sync = useSyncRun(overview.refresh);
  const data = overview.data;

  return (
    <section className={styles.page} aria-labelledby="integration-title">
      <div className={styles.header}>
        <Title2 as="h1" id="integration-title" className={styles.title}>
          {text.title}
        </Title2>
        <Button
          appearance="primary"
          icon={<ArrowSyncRegular />}
          disabled={sync.running || !data?.exchangeConfigured}
          onClick={() => void sync.start()}
        >
          {text.syncAll}
        </Button>
      </div>
      <div className={styles.meta}>
        <Text size={200}>{text.autoRefresh}</Text>
        {data ? (
          <Text size={200}>{text.horizon(formatDay(data.horizon.start), formatDay(data.horizon.end))}</Text>
        ) : null}
      </div>
      {data && !data.exchangeConfigured ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {text.notConfigured} <Link to="/admin/exchange">{text.configure}</Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {sync.run ? <SyncProgress run={sync.run} /> : null}
      {sync.error !== undefined ? <AdminError error={sync.error} /> : null}
      {!overview.loaded ? <LoadingState /> : null}
      {overview.loaded && !data ? <AdminError error={overview.error} onRetry={overview.refresh} /> : null}
      {data && overview.error !== undefined ? (
        <MessageBar intent="warning">
          <MessageBarBody>{adminStrings.common.refreshFailed}</MessageBarBody>
        </MessageBar>
      ) : null}
      {data && data.firstSync.phase1.total > 0 ? <FirstSyncPhases progress={data.firstSync} /> : null}
      {data ? <OverviewTotals totals={data.totals} /> : null}
      {data && data.rooms.length === 0 ? <EmptyState title={text.empty} hint={text.emptyHint} /> : null}
      {data && data.rooms.length > 0 ? (
        <OverviewTable
          rooms={data.rooms}
          syncDisabled={sync.running || !data.exchangeConfigured}
          onSync={(roomId) => void sync.start(roomId)}
        />
      ) : null}
    </section>
  );
}
