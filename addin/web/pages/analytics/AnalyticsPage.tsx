import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { analyticsEndpoints } from '../../../../shared/api/analytics';
import { locationsEndpoints } from '../../../../shared/api/locations';
import { ErrorState, LoadingState } from '../../../ui/StatusViews';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { useSignedInUser } from '../../../ui/session/useSession';
import { mayOpen } from '../../navigation';
import { filtersFromParams, filtersToParams, queryOf, rangeIsValid, type AnalyticsFilters } from './filters';
import { percent } from './format';
import {
  CateringSection,
  LeadTimeSection,
  PeakHoursSection,
  RankingSection,
  RoomsSection,
  TrendSection,
} from './sections';
import { analyticsStrings as text } from './strings';
import { PrivacySettings } from './PrivacySettings';
import { WeeklyEmail } from './WeeklyEmail';
import { Tiles } from './Tiles';
import { NotFoundPage } from '../NotFoundPage';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  title: { margin: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  exports: { display: 'flex', gap: tokens.spacingHorizontalL },
});

function FilterBar({
  filters,
  buildings,
  onShow,
}: {
  filters: AnalyticsFilters;
  buildings: readonly { id: string; name: string }[];
  onShow: (f: AnalyticsFilters) => void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState(filters);
  const valid = rangeIsValid(draft);
  return (
    <form
      className={styles.filters}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onShow(draft);
      }}
    >
      <Field label={text.from}>
        <Input type="date" value={draft.from} onChange={(_e, d) => setDraft({ ...draft, from: d.value })} />
      </Field>
      <Field label={text.to} validationMessage={valid ? undefined : text.rangeProblem}>
        <Input type="date" value={draft.to} onChange={(_e, d) => setDraft({ ...draft, to: d.value })} />
      </Field>
      <Field label={text.building}>
        <Select value={draft.buildingId} onChange={(_e, d) => setDraft({ ...draft, buildingId: d.value })}>
          <option value="">{text.allBuildings}</option>
          {buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" appearance="primary" disabled={!valid}>
        {text.show}
      </Button>
    </form>
  );
}

function exportHref(path: string, filters: AnalyticsFilters): string {
  return `/api${path}?${filtersToParams(filters).toString()}`;
}

/** Route `/analytics`: admins and analysts (anyone else finds no such page, as the nav offers none). */
export function AnalyticsPage() {
  const user = useSignedInUser();
  return mayOpen('analytics', user.role) ? <AnalyticsView /> : <NotFoundPage />;
}

/** The filters live in the URL. */
function AnalyticsView() {
  const styles = useStyles();
  const user = useSignedInUser();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  // "Today" is taken once per URL, not on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => filtersFromParams(params, new Date()), [paramsKey]);
  const query = queryOf(filters);
  const buildings = useAsync('buildings', (signal) => api.call(locationsEndpoints.listBuildings, { signal }));
  const data = useAsync(`analytics:${filtersToParams(filters).toString()}`, async (signal) => {
    const [overview, rooms, heatmap, recommendations] = await Promise.all([
      api.call(analyticsEndpoints.analyticsOverview, { query, signal }),
      api.call(analyticsEndpoints.analyticsRooms, { query, signal }),
      api.call(analyticsEndpoints.analyticsHeatmap, { query, signal }),
      api.call(analyticsEndpoints.analyticsRecommendations, { query, signal }),
    ]);
    return { overview, rooms: rooms.items, heatmap, recommendations: recommendations.items };
  });

  return (
    <div className={styles.page}>
      <div>
        <Title2 as="h1" className={styles.title}>
          {text.title}
        </Title2>
        <Text as="p">{text.intro}</Text>
      </div>
      <FilterBar
        key={paramsKey}
        filters={filters}
        buildings={buildings.state.status === 'success' ? buildings.state.data : []}
        onShow={(next) => setParams(filtersToParams(next))}
      />
      <div className={styles.exports}>
        <Link href={exportHref('/analytics/export.csv', filters)} download>
          {text.exportCsv}
        </Link>
        <Link href={exportHref('/analytics/export.xlsx', filters)} download>
          {text.exportXlsx}
        </Link>
      </div>
      {data.state.status === 'loading' ? <LoadingState /> : null}
      {data.state.status === 'error' ? <ErrorState error={data.state.error} onRetry={data.retry} /> : null}
      {data.state.status === 'success' ? (
        <>
          <Tiles figures={data.state.data.overview.overall} />
          <section aria-labelledby="analytics-recommendations">
            <Subtitle1 as="h2" id="analytics-recommendations">
              {text.recommendations}
            </Subtitle1>
            {data.state.data.recommendations.length === 0 ? (
              <Text as="p">{text.noRecommendations}</Text>
            ) : (
              <ul>
                {data.state.data.recommendations.map((r) => (
                  <li key={`${r.kind}:${r.subject.id}:${r.text}`}>
                    <MessageBar intent={r.kind === 'peak' ? 'info' : 'warning'}>
                      <MessageBarBody>
                        {r.text}{' '}
                        <Text size={200}>
                          ({r.figureName}: {percent(r.figure)})
                        </Text>
                      </MessageBarBody>
                    </MessageBar>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <TrendSection trend={data.state.data.overview.trend} />
          <PeakHoursSection cells={data.state.data.heatmap.cells} />
          <RankingSection overview={data.state.data.overview} />
          <RoomsSection rooms={data.state.data.rooms} />
          <LeadTimeSection leadTime={data.state.data.overview.leadTime} />
          <CateringSection catering={data.state.data.overview.catering} />
        </>
      ) : null}
      {user.role === 'admin' ? <WeeklyEmail me={user.email} /> : null}
      <PrivacySettings editable={user.role === 'admin'} />
    </div>
  );
}
