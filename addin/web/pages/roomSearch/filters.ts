import type { z } from 'zod';
import type { roomSearchQuerySchema } from '../../../../shared/schemas/search';
import { isDateText, isTimeText, localDate, localIso, nextHourWindow } from '../../../ui/time';

/**
 * The room search filters as the user sees them (wall-clock date and times in the browser's
 * zone), how they live in the page URL (so a search can be bookmarked, shared and gone back to),
 * and how they become the API query.
 */
export interface SearchFilters {
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly minCapacity: number | undefined;
  readonly tags: readonly string[];
  readonly building: string;
  readonly floor: string;
  readonly text: string;
  readonly onlyAvailable: boolean;
  readonly page: number;
}

export type RoomSearchQueryInput = z.input<typeof roomSearchQuerySchema>;

export const PAGE_SIZE = 12;

export function defaultFilters(now: Date): SearchFilters {
  const window = nextHourWindow(now);
  return {
    ...window,
    minCapacity: undefined,
    tags: [],
    building: '',
    floor: '',
    text: '',
    onlyAvailable: false,
    page: 1,
  };
}

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 ? n : undefined;
}

/** Reads the filters from the page URL; anything missing or malformed falls back to the default. */
export function filtersFromParams(params: URLSearchParams, now: Date): SearchFilters {
  const base = defaultFilters(now);
  const date = params.get('date');
  const start = params.get('start');
  const end = params.get('end');
  const hasWindow =
    date !== null &&
    isDateText(date) &&
    start !== null &&
    isTimeText(start) &&
    end !== null &&
    isTimeText(end) &&
    windowIsValid({ date, start, end });
  return {
    date: hasWindow ? date : base.date,
    start: hasWindow ? start : base.start,
    end: hasWindow ? end : base.end,
    minCapacity: positiveInt(params.get('people')),
    tags: [...new Set(params.getAll('tag').filter((t) => t.trim() !== ''))],
    building: params.get('building') ?? '',
    floor: params.get('floor') ?? '',
    text: params.get('q') ?? '',
    onlyAvailable: params.get('available') === '1',
    page: positiveInt(params.get('page')) ?? 1,
  };
}

export function filtersToParams(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams({ date: filters.date, start: filters.start, end: filters.end });
  if (filters.minCapacity !== undefined) params.set('people', String(filters.minCapacity));
  for (const tag of filters.tags) params.append('tag', tag);
  if (filters.building) params.set('building', filters.building);
  if (filters.floor) params.set('floor', filters.floor);
  if (filters.text.trim()) params.set('q', filters.text.trim());
  if (filters.onlyAvailable) params.set('available', '1');
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** True when the time window makes sense: the end comes after the start on that day. */
export function windowIsValid(filters: Pick<SearchFilters, 'date' | 'start' | 'end'>): boolean {
  const start = localDate(filters.date, filters.start).getTime();
  const end = localDate(filters.date, filters.end).getTime();
  return !Number.isNaN(start) && !Number.isNaN(end) && end > start;
}

/** The API query for these filters: the same filters the API offers, with instants in the browser's offset. */
export function searchQueryOf(filters: SearchFilters): RoomSearchQueryInput {
  return {
    start: localIso(filters.date, filters.start),
    end: localIso(filters.date, filters.end),
    minCapacity: filters.minCapacity,
    tags: [...filters.tags],
    building: filters.building || undefined,
    floor: filters.floor || undefined,
    q: filters.text.trim() || undefined,
    onlyAvailable: filters.onlyAvailable ? 'true' : undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
}
