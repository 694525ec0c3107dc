// @timezone-sensitive
import { describe, expect, it } from '@jest/globals';
import { cellsOf, freeMinutes, selection, weekOf } from './grid';

describe('favourites grid', () => {
  const cells = cellsOf('2027-03-10');
  const at = (h: number, m = 0) => new Date(2027, 2, 10, h, m);
  const busy = [{ start: at(10).toISOString(), end: at(11).toISOString() }];

  it('has half-hour cells from 07:00 to 20:00 on the browser’s clock', () => {
    expect(cells).toHaveLength(26);
    expect(cells[0]?.start).toEqual(at(7));
    expect(cells[25]?.end).toEqual(at(20));
  });

  it('selects the free cells a drag covers and stops before a busy one, in either direction', () => {
    // 08:00 cell is index 2; the 10:00 cell (busy) is index 6.
    expect(selection(cells, busy, 2, 4)).toEqual({ start: at(8), end: at(9, 30) });
    expect(selection(cells, busy, 4, 9)).toEqual({ start: at(9), end: at(10) });
    expect(selection(cells, busy, 9, 5)).toEqual({ start: at(11), end: at(12) });
    expect(selection(cells, busy, 6, 8)).toBeUndefined();
  });
});

describe('favourites week', () => {
  it('is Monday to Sunday around the day, across a month’s end', () => {
    expect(weekOf('2027-03-10')).toEqual([
      '2027-03-08',
      '2027-03-09',
      '2027-03-10',
      '2027-03-11',
      '2027-03-12',
      '2027-03-13',
      '2027-03-14',
    ]);
    expect(weekOf('2027-03-28')[0]).toBe('2027-03-22');
    expect(weekOf('2027-04-01')).toContain('2027-03-29');
  });

  it('counts a day’s free time in the grid’s hours', () => {
    const at = (h: number) => new Date(2027, 2, 10, h).toISOString();
    expect(freeMinutes('2027-03-10', [])).toEqual({ free: 780, total: 780 });
    expect(freeMinutes('2027-03-10', [{ start: at(9), end: at(12) }])).toEqual({ free: 600, total: 780 });
    expect(freeMinutes('2027-03-11', [{ start: at(9), end: at(12) }]).free).toBe(780);
  });
});
