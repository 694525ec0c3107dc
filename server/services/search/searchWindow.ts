import { MAX_WINDOW_DAYS } from '../../../shared/schemas/search';
import { interval, type Interval } from '../../domain/availability/interval';
import { invalid } from '../../domain/errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The window of a search or schedule as an interval. The HTTP schemas already refuse bad
 * windows; services check again because they may be called from elsewhere.
 */
export function windowOf(start: string, end: string): Interval {
  const from = Date.parse(start);
  const to = Date.parse(end);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw invalid('start and end must be ISO 8601 instants');
  if (to <= from) throw invalid('end must be after start');
  if (to - from > MAX_WINDOW_DAYS * DAY_MS) throw invalid(`the window may span at most ${MAX_WINDOW_DAYS} days`);
  return interval(from, to);
}
