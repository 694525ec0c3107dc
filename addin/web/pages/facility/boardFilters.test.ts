import { describe, expect, it } from '@jest/globals';
import { addDays, filtersFromParams, filtersToParams, mondayOf, rangeOf, stepped } from './boardFilters';

/** @timezone-sensitive: ranges are local midnights, so they must hold under TZ=Europe/Berlin too. */
const today = new Date(2026, 4, 6, 15, 30);

describe('board filters', () => {
  it('defaults to today, the day view, all buildings and all orders', () => {
    expect(filtersFromParams(new URLSearchParams(), today)).toEqual({
      view: 'day',
      date: '2026-05-06',
      buildingId: undefined,
      onlyAttention: false,
    });
  });

  it('ignores malformed values instead of sending them to the API', () => {
    const filters = filtersFromParams(new URLSearchParams('view=month&date=2026-02-30&building=x'), today);
    expect(filters).toMatchObject({ view: 'day', date: '2026-05-06', buildingId: undefined });
  });

  it('round-trips through the URL', () => {
    const filters = {
      view: 'week',
      date: '2026-05-04',
      buildingId: '00000000-0000-4000-8000-000000000001',
      onlyAttention: true,
    } as const;
    expect(filtersFromParams(filtersToParams(filters), today)).toEqual(filters);
  });

  it('spans one local day, midnight to midnight', () => {
    const range = rangeOf({ view: 'day', date: '2026-05-04', buildingId: undefined, onlyAttention: false });
    expect(Date.parse(range.from)).toBe(new Date(2026, 4, 4).getTime());
    expect(Date.parse(range.to)).toBe(new Date(2026, 4, 5).getTime());
    expect([range.firstDay, range.lastDay]).toEqual(['2026-05-04', '2026-05-04']);
  });

  it('spans Monday to Sunday in the week view, also across a daylight-saving change', () => {
    const range = rangeOf({ view: 'week', date: '2026-03-25', buildingId: undefined, onlyAttention: false });
    expect([range.firstDay, range.lastDay]).toEqual(['2026-03-23', '2026-03-29']);
    expect(Date.parse(range.to)).toBe(new Date(2026, 2, 30).getTime());
  });

  it('finds Monday from any weekday, Sunday included', () => {
    expect(mondayOf('2026-05-04')).toBe('2026-05-04');
    expect(mondayOf('2026-05-10')).toBe('2026-05-04');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('steps a day or a week', () => {
    const day = { view: 'day', date: '2026-05-04', buildingId: undefined, onlyAttention: false } as const;
    expect(stepped(day, -1).date).toBe('2026-05-03');
    expect(stepped({ ...day, view: 'week' }, 1).date).toBe('2026-05-11');
  });
});
