import { dateText, isDateText } from '../../../ui/time';

export interface AnalyticsFilters {
  readonly from: string;
  readonly to: string;
  readonly buildingId: string;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 731;

/** The URL's filters, or the last four weeks up to today. */
export function filtersFromParams(params: URLSearchParams, today: Date): AnalyticsFilters {
  const to = params.get('to') ?? '';
  const from = params.get('from') ?? '';
  return {
    from: isDateText(from) ? from : dateText(new Date(today.getTime() - 27 * DAY_MS)),
    to: isDateText(to) ? to : dateText(today),
    buildingId: params.get('buildingId') ?? '',
  };
}

export function filtersToParams(f: AnalyticsFilters): URLSearchParams {
  const params = new URLSearchParams({ from: f.from, to: f.to });
  if (f.buildingId) params.set('buildingId', f.buildingId);
  return params;
}

/** The same rule the API applies (400 otherwise): `from` not after `to`, at most 2 years. */
export function rangeIsValid(f: Pick<AnalyticsFilters, 'from' | 'to'>): boolean {
  const days = (Date.parse(f.to) - Date.parse(f.from)) / DAY_MS + 1;
  return days >= 1 && days <= MAX_DAYS;
}

export const queryOf = (f: AnalyticsFilters) => ({
  from: f.from,
  to: f.to,
  ...(f.buildingId ? { buildingId: f.buildingId } : {}),
});
