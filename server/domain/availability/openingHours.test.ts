import { describe, expect, it } from '@jest/globals';
import type { OpeningHours } from '../../../shared/schemas/locations';
import { closedStretches, openingIntervals } from './openingHours';
import { intervalOfIso, toIsoInterval } from './interval';

// @timezone-sensitive: opening hours are wall-clock times of the building, never of the process.

const weekdays: OpeningHours = {
  mon: [{ open: '07:00', close: '19:00' }],
  tue: [{ open: '07:00', close: '19:00' }],
  wed: [{ open: '07:00', close: '19:00' }],
  thu: [{ open: '07:00', close: '19:00' }],
  fri: [{ open: '07:00', close: '19:00' }],
};
const closedIso = (start: string, end: string, zone: string, hours: OpeningHours = weekdays) =>
  closedStretches(intervalOfIso(start, end), zone, hours).map(toIsoInterval);

describe('closedStretches', () => {
  it('is the whole window on a Sunday', () => {
    // 2026-12-06 is a Sunday; 10:00–11:00 in Berlin.
    expect(closedIso('2026-12-06T09:00:00Z', '2026-12-06T10:00:00Z', 'Europe/Berlin')).toEqual([
      { start: '2026-12-06T09:00:00.000Z', end: '2026-12-06T10:00:00.000Z' },
    ]);
  });

  it('is the whole window at 22:00 on a weekday', () => {
    expect(closedIso('2026-12-07T21:00:00Z', '2026-12-07T22:00:00Z', 'Europe/Berlin')).toHaveLength(1);
  });

  it('is empty inside the opening hours', () => {
    expect(closedIso('2026-12-07T09:00:00Z', '2026-12-07T10:00:00Z', 'Europe/Berlin')).toEqual([]);
  });

  it('is the part after closing when the window runs past it, in the building’s zone', () => {
    // 18:00–20:00 Berlin on a Monday: closed from 19:00 Berlin = 18:00Z.
    expect(closedIso('2026-12-07T17:00:00Z', '2026-12-07T19:00:00Z', 'Europe/Berlin')).toEqual([
      { start: '2026-12-07T18:00:00.000Z', end: '2026-12-07T19:00:00.000Z' },
    ]);
    // The same instants are 12:00–14:00 in New York: open.
    expect(closedIso('2026-12-07T17:00:00Z', '2026-12-07T19:00:00Z', 'America/New_York')).toEqual([]);
  });

  it('lists each night of a window over several days', () => {
    const nights = closedIso('2026-12-07T06:00:00Z', '2026-12-09T18:00:00Z', 'Europe/Berlin');
    expect(nights).toEqual([
      { start: '2026-12-07T18:00:00.000Z', end: '2026-12-08T06:00:00.000Z' },
      { start: '2026-12-08T18:00:00.000Z', end: '2026-12-09T06:00:00.000Z' },
    ]);
  });

  it('joins touching intervals into one open stretch', () => {
    const split: OpeningHours = {
      mon: [
        { open: '08:00', close: '12:00' },
        { open: '12:00', close: '18:00' },
      ],
    };
    expect(closedIso('2026-12-07T10:00:00Z', '2026-12-07T12:00:00Z', 'UTC', split)).toEqual([]);
  });

  it('keeps wall times on a daylight-saving day', () => {
    // 2026-03-29: Berlin moves to summer time; 07:00 local is 05:00Z.
    const sunday: OpeningHours = { sun: [{ open: '07:00', close: '19:00' }] };
    expect(
      openingIntervals(intervalOfIso('2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z'), 'Europe/Berlin', sunday).map(
        toIsoInterval,
      ),
    ).toEqual([{ start: '2026-03-29T05:00:00.000Z', end: '2026-03-29T17:00:00.000Z' }]);
  });

  it('is empty for a building without opening hours', () => {
    expect(closedIso('2026-12-06T21:00:00Z', '2026-12-06T23:00:00Z', 'UTC', {})).toEqual([]);
  });
});
