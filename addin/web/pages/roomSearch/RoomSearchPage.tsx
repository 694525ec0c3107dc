import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { roomsEndpoints } from '../../../../shared/api/rooms';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/StatusViews';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { strings } from '../../strings';
import { localDate } from '../../../ui/time';
import { FilterForm } from './FilterForm';
import { filtersFromParams, filtersToParams, searchQueryOf, type SearchFilters } from './filters';
import { Pagination } from './Pagination';
import { RoomCard } from './RoomCard';
import { useLocations } from '../../../ui/filters/useLocations';
import { useTagVocabulary } from './useTagVocabulary';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 280px), 1fr))',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

/** Route `/`: the filters live in the URL, so a search survives a reload and the back button. */
export function RoomSearchPage() {
  const styles = useStyles();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  // Defaults (the next hour) are taken once per URL, not on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => filtersFromParams(params, new Date()), [paramsKey]);
  const query = useMemo(() => searchQueryOf(filters), [filters]);
  const { state, retry, refresh } = useAsync(JSON.stringify(query), (signal) =>
    api.call(roomsEndpoints.searchRooms, { query, signal }),
  );
  const locations = useLocations();
  const knownTags = useTagVocabulary();
  const show = (next: SearchFilters) => setParams(filtersToParams(next));
  const selection = { start: localDate(filters.date, filters.start), end: localDate(filters.date, filters.end) };
  // A booking made from a card changes the results: read them (and the cards' days) again.
  const [bookings, setBookings] = useState(0);
  const booked = useCallback(() => {
    setBookings((n) => n + 1);
    refresh();
  }, [refresh]);

  return (
    <div className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        {strings.search.title}
      </Title2>
      <FilterForm key={paramsKey} initial={filters} locations={locations} knownTags={knownTags} onSearch={show} />
      <section className={styles.results} aria-labelledby="results-title" aria-busy={state.status === 'loading'}>
        <Text as="h2" id="results-title" weight="semibold" size={400} className={styles.title}>
          {state.status === 'success' ? strings.search.resultCount(state.data.total) : strings.search.resultsLabel}
        </Text>
        {state.status === 'loading' ? <LoadingState /> : null}
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={retry} /> : null}
        {state.status === 'success' && state.data.items.length === 0 ? (
          <EmptyState title={strings.search.empty} hint={strings.search.emptyHint} />
        ) : null}
        {state.status === 'success' && state.data.items.length > 0 ? (
          <>
            <ul className={styles.grid}>
              {state.data.items.map((room) => (
                <li key={room.id}>
                  <RoomCard
                    room={room}
                    date={filters.date}
                    selection={selection}
                    bookingsMade={bookings}
                    onBooked={booked}
                  />
                </li>
              ))}
            </ul>
            <Pagination
              page={state.data.page}
              pageCount={Math.ceil(state.data.total / state.data.pageSize)}
              onPage={(page) => show({ ...filters, page })}
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
