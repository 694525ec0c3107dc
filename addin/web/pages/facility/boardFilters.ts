import { dateText, isDateText, localDate, toOffsetIso } from '../../../ui/time';

/** What the board shows; kept in the page URL so that a reload or a shared link shows the same. */
export interface BoardFilters {
  readonly view: 'day' | 'week';
  /** A day in the shown range (YYYY-MM-DD, browser clock); the week view shows its Monday to Sunday. */
  readonly date: string;
  readonly buildingId: string | undefined;
  readonly onlyAttention: boolean;
}

/** The shown days as instants: [from, to) from local midnight to local midnight. */
export interface BoardRange {
  readonly from: string;
  readonly to: string;
  readonly firstDay: string;
  readonly lastDay: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function filtersFromParams(params: URLSearchParams, today: Date): BoardFilters {
  const date = params.get('date') ?? '';
  const building = params.get('building') ?? '';
  return {
    view: params.get('view') === 'week' ? 'week' : 'day',
    date: isDateText(date) ? date : dateText(today),
    buildingId: UUID.test(building) ? building : undefined,
    onlyAttention: params.get('attention') === 'true',
  };
}

export function filtersToParams(filters: BoardFilters): URLSearchParams {
  const params = new URLSearchParams({ view: filters.view, date: filters.date });
  if (filters.buildingId) params.set('building', filters.buildingId);
  if (filters.onlyAttention) params.set('attention', 'true');
  return params;
}

/** The date `days` calendar days later (negative: earlier), across daylight-saving changes. */
export function addDays(date: string, days: number): string {
  const at = localDate(date, '12:00');
  at.setDate(at.getDate() + days);
  return dateText(at);
}

/** Monday of the week `date` falls in (ISO weeks start on Monday). */
export function mondayOf(date: string): string {
  const weekday = localDate(date, '12:00').getDay();
  return addDays(date, -((weekday + 6) % 7));
}

export function rangeOf(filters: BoardFilters): BoardRange {
  const firstDay = filters.view === 'week' ? mondayOf(filters.date) : filters.date;
  const days = filters.view === 'week' ? 7 : 1;
  const end = addDays(firstDay, days);
  return {
    from: toOffsetIso(localDate(firstDay, '00:00')),
    to: toOffsetIso(localDate(end, '00:00')),
    firstDay,
    lastDay: addDays(end, -1),
  };
}

/** One step of the date navigation: a day in the day view, a week in the week view. */
export function stepped(filters: BoardFilters, direction: 1 | -1): BoardFilters {
  return { ...filters, date: addDays(filters.date, direction * (filters.view === 'week' ? 7 : 1)) };
}

/** The board request's query for these filters. */
export function boardQueryOf(filters: BoardFilters) {
  const { from, to } = rangeOf(filters);
  return {
    from,
    to,
    buildingId: filters.buildingId,
    needsAttention: filters.onlyAttention ? ('true' as const) : ('false' as const),
  };
}

/** The CSV export's query: the same days and building (the export has no needs-attention filter). */
export function exportQueryOf(filters: BoardFilters) {
  const { from, to } = rangeOf(filters);
  return { from, to, buildingId: filters.buildingId };
}
