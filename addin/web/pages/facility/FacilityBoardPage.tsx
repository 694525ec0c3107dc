import { MessageBar, MessageBarBody, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { locationsEndpoints } from '../../../../shared/api/locations';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StatusViews';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { BoardGroups } from './BoardGroups';
import { BoardToolbar } from './BoardToolbar';
import { boardQueryOf, filtersFromParams, filtersToParams, rangeOf, type BoardFilters } from './boardFilters';
import { dayLabel } from './format';
import { BOARD_ROOT_ATTRIBUTE, useBoardPrintStyles } from './printStyles';
import { facilityStrings as text } from './strings';
import { useBoard } from './useBoard';
import { useLiveUpdates } from './useLiveUpdates';
import { useOrderChanges } from './useOrderChanges';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** Route `/facility`: the facility team's orders to deliver. The filters live in the URL. */
export function FacilityBoardPage() {
  useBoardPrintStyles();
  const styles = useStyles();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  // "Today" is taken once per URL, not on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => filtersFromParams(params, new Date()), [paramsKey]);
  const query = useMemo(() => boardQueryOf(filters), [filters]);
  const { board, error, refresh, replaceOrder } = useBoard(query);
  const live = useLiveUpdates(refresh);
  const changes = useOrderChanges(replaceOrder, refresh);
  const buildings = useAsync('buildings', (signal) => api.call(locationsEndpoints.listBuildings, { signal }));
  const show = (next: BoardFilters) => setParams(filtersToParams(next));

  const range = rangeOf(filters);
  const buildingName =
    buildings.state.status === 'success'
      ? buildings.state.data.find((b) => b.id === filters.buildingId)?.name
      : undefined;

  return (
    <div className={styles.page} {...{ [BOARD_ROOT_ATTRIBUTE]: '' }}>
      <div className={styles.summary}>
        <Title2 as="h1" className={styles.title}>
          {text.title}
        </Title2>
        <Text>
          {text.range(dayLabel(range.firstDay), dayLabel(range.lastDay))}
          {buildingName ? ` · ${buildingName}` : ''}
          {filters.onlyAttention ? ` · ${text.attention.flag}` : ''}
        </Text>
      </div>
      <BoardToolbar
        filters={filters}
        buildings={buildings.state.status === 'success' ? buildings.state.data : []}
        live={live}
        onChange={show}
      />
      <section aria-labelledby="board-counts" aria-busy={!board && !error} className={styles.page}>
        <Text as="p" id="board-counts" className={styles.title}>
          {board ? text.counts(board.counts.total, board.counts.needsAttention) : text.title}
        </Text>
        {!board && !error ? <LoadingState /> : null}
        {!board && error ? <ErrorState error={error} onRetry={refresh} /> : null}
        {board && error ? (
          <MessageBar intent="warning">
            <MessageBarBody>{text.refreshFailed}</MessageBarBody>
          </MessageBar>
        ) : null}
        {board && board.groups.length === 0 ? (
          <EmptyState title={filters.onlyAttention ? text.emptyAttention : text.empty} hint={text.emptyHint} />
        ) : null}
        {board && board.groups.length > 0 ? <BoardGroups groups={board.groups} changes={changes} /> : null}
      </section>
    </div>
  );
}
