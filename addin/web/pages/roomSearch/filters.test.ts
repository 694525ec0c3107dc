/**
 * @timezone-sensitive — the runner repeats this file under TZ=Europe/Berlin, where the offsets
 * differ between winter and summer.
 */
import { describe, expect, it } from '@jest/globals';
import { defaultFilters, filtersFromParams, filtersToParams, searchQueryOf, windowIsValid } from './filters';
import { dayTimeline } from '../../../ui/timeline';
import { localIso, nextHourWindow } from '../../../ui/time';

const OFFSET_ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d):00([+-]\d\d:\d\d)$/;

describe('local wall time to instants', () => {
  it.each([
    ['2026-01-15', '09:30'],
    ['2026-07-15', '09:30'],
    ['2026-03-29', '03:30'], // the day Europe switches to summer time
  ])('keeps the wall time %s %s and names the browser offset of that date', (date, time) => {
    const iso = localIso(date, time);
    const [, wall] = OFFSET_ISO.exec(iso) ?? [];
    const [y, m, d] = date.split('-').map(Number);
    const [hh, mm] = time.split(':').map(Number);
    expect(wall).toBe(`${date}T${time}`);
    expect(Date.parse(iso)).toBe(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0).getTime());
  });

  it('suggests the next full hour, or tomorrow morning late at night', () => {
    expect(nextHourWindow(new Date(2026, 4, 4, 9, 20))).toEqual({ date: '2026-05-04', start: '10:00', end: '11:00' });
    expect(nextHourWindow(new Date(2026, 4, 4, 22, 10))).toEqual({ date: '2026-05-05', start: '08:00', end: '09:00' });
    expect(nextHourWindow(new Date(2026, 4, 4, 23, 10))).toEqual({ date: '2026-05-05', start: '08:00', end: '09:00' });
    expect(nextHourWindow(new Date(2026, 4, 5, 2, 0))).toEqual({ date: '2026-05-05', start: '08:00', end: '09:00' });
  });
});

describe('search filters in the URL', () => {
  const now = new Date(2026, 4, 4, 9, 20);

  it('round-trips every filter through the URL', () => {
    const filters = {
      date: '2026-05-06',
      start: '14:00',
      end: '15:30',
      minCapacity: 8,
      tags: ['Display', 'Whiteboard'],
      building: 'b-1',
      floor: 'f-2',
      text: 'harbour',
      onlyAvailable: true,
      page: 3,
    };
    expect(filtersFromParams(filtersToParams(filters), now)).toEqual(filters);
  });

  it('falls back to the next hour when the window in the URL is malformed or backwards', () => {
    const fallback = { date: '2026-05-04', start: '10:00', end: '11:00' };
    expect(filtersFromParams(new URLSearchParams('date=2026-13-40&start=09:00&end=10:00'), now)).toMatchObject(
      fallback,
    );
    expect(filtersFromParams(new URLSearchParams('date=2026-05-06&start=11:00&end=10:00'), now)).toMatchObject(
      fallback,
    );
    expect(filtersFromParams(new URLSearchParams('people=-3&page=zero'), now)).toMatchObject({
      minCapacity: undefined,
      page: 1,
    });
  });

  it('builds the API query with the same filter names the API has', () => {
    const query = searchQueryOf({
      ...defaultFilters(now),
      minCapacity: 4,
      tags: ['Display'],
      text: '  sea view ',
      onlyAvailable: true,
      page: 2,
    });
    expect(query).toMatchObject({
      minCapacity: 4,
      tags: ['Display'],
      q: 'sea view',
      onlyAvailable: 'true',
      page: 2,
      pageSize: 12,
    });
    expect(query.building).toBeUndefined();
    expect(Date.parse(String(query.start))).toBe(new Date(2026, 4, 4, 10, 0).getTime());
    expect(Date.parse(String(query.end))).toBe(new Date(2026, 4, 4, 11, 0).getTime());
  });

  it('accepts a window only when it ends after it starts', () => {
    expect(windowIsValid({ date: '2026-05-04', start: '09:00', end: '09:30' })).toBe(true);
    expect(windowIsValid({ date: '2026-05-04', start: '09:00', end: '09:00' })).toBe(false);
    expect(windowIsValid({ date: '2026-05-04', start: '', end: '09:00' })).toBe(false);
  });
});

describe('day timeline', () => {
  const at = (h: number, m = 0) => new Date(2026, 4, 4, h, m);

  it('places busy blocks on a 07:00–20:00 day, clipped to it', () => {
    const model = dayTimeline('2026-05-04', { start: at(9), end: at(10) }, [
      { start: at(6).toISOString(), end: at(8).toISOString() },
      { start: at(13, 30).toISOString(), end: at(14).toISOString(), title: 'Review' },
    ]);
    expect(model.day).toEqual({ start: at(7), end: at(20) });
    expect(model.busy).toHaveLength(2);
    expect(model.busy[0]).toMatchObject({ start: at(7), end: at(8), left: 0 });
    expect(model.busy[0]?.width).toBeCloseTo(100 / 13);
    expect(model.busy[1]?.left).toBeCloseTo((6.5 / 13) * 100);
    expect(model.busy[1]?.title).toBe('Review');
    expect(model.selection.left).toBeCloseTo((2 / 13) * 100);
  });

  it('widens the day to an early or late window', () => {
    const model = dayTimeline('2026-05-04', { start: at(6, 30), end: at(21, 15) }, []);
    expect(model.day).toEqual({ start: at(6), end: at(22) });
  });
});
