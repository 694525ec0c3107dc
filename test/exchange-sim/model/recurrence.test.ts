// @timezone-sensitive
import { describe, expect, it } from '@jest/globals';
import type { Recurrence } from './api';
import { isEwsError } from './errors';
import { expandSeries, lastOccurrence, occurrenceByIndex, occurrencesBetween, validateRecurrence } from './recurrence';
import { windowsToIana } from './timezones';

const berlin = windowsToIana('W. Europe Standard Time');
const ny = windowsToIana('Eastern Standard Time');

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function firstStarts(rec: Recurrence, startIso: string, zone: string, count: number): string[] {
  const start = Date.parse(startIso);
  const timing = { start, end: start + 3_600_000, ianaZone: zone };
  const out: string[] = [];
  for (const occ of expandSeries(rec, timing)) {
    out.push(iso(occ.originalStart));
    if (out.length === count) break;
  }
  return out;
}

describe('recurrence expansion', () => {
  const cases: { name: string; rec: Recurrence; start: string; zone: string; count: number; expected: string[] }[] = [
    {
      name: 'daily every 2 days keeps 09:00 Berlin across the March DST change',
      rec: { pattern: { kind: 'Daily', interval: 2 }, range: { kind: 'NoEnd', startDate: '2026-03-27' } },
      start: '2026-03-27T08:00:00Z',
      zone: berlin,
      count: 3,
      expected: ['2026-03-27T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-31T07:00:00.000Z'],
    },
    {
      name: 'weekly Monday and Wednesday every other week',
      rec: {
        pattern: { kind: 'Weekly', interval: 2, daysOfWeek: ['Monday', 'Wednesday'] },
        range: { kind: 'NoEnd', startDate: '2026-01-05' },
      },
      start: '2026-01-05T14:00:00Z',
      zone: 'UTC',
      count: 4,
      expected: [
        '2026-01-05T14:00:00.000Z',
        '2026-01-07T14:00:00.000Z',
        '2026-01-19T14:00:00.000Z',
        '2026-01-21T14:00:00.000Z',
      ],
    },
    {
      name: 'weekly skips days before the range start inside the first week',
      rec: {
        pattern: { kind: 'Weekly', interval: 1, daysOfWeek: ['Monday', 'Friday'] },
        range: { kind: 'Numbered', startDate: '2026-01-07', numberOfOccurrences: 3 },
      },
      start: '2026-01-07T10:00:00Z',
      zone: 'UTC',
      count: 10,
      expected: ['2026-01-09T10:00:00.000Z', '2026-01-12T10:00:00.000Z', '2026-01-16T10:00:00.000Z'],
    },
    {
      name: 'absolute monthly on the 31st falls back to the last day of shorter months',
      rec: {
        pattern: { kind: 'AbsoluteMonthly', interval: 1, dayOfMonth: 31 },
        range: { kind: 'NoEnd', startDate: '2026-01-31' },
      },
      start: '2026-01-31T09:00:00Z',
      zone: 'UTC',
      count: 3,
      expected: ['2026-01-31T09:00:00.000Z', '2026-02-28T09:00:00.000Z', '2026-03-31T09:00:00.000Z'],
    },
    {
      name: 'relative monthly: last weekday of the month in New York',
      rec: {
        pattern: { kind: 'RelativeMonthly', interval: 1, daysOfWeek: 'Weekday', dayOfWeekIndex: 'Last' },
        range: { kind: 'NoEnd', startDate: '2026-02-01' },
      },
      start: '2026-02-01T14:00:00Z',
      zone: ny,
      count: 3,
      expected: ['2026-02-27T14:00:00.000Z', '2026-03-31T13:00:00.000Z', '2026-04-30T13:00:00.000Z'],
    },
    {
      name: 'relative monthly: second Tuesday every 3 months',
      rec: {
        pattern: { kind: 'RelativeMonthly', interval: 3, daysOfWeek: 'Tuesday', dayOfWeekIndex: 'Second' },
        range: { kind: 'NoEnd', startDate: '2026-01-01' },
      },
      start: '2026-01-01T12:00:00Z',
      zone: 'UTC',
      count: 3,
      expected: ['2026-01-13T12:00:00.000Z', '2026-04-14T12:00:00.000Z', '2026-07-14T12:00:00.000Z'],
    },
    {
      name: 'absolute yearly on 29 February uses the 28th in common years',
      rec: {
        pattern: { kind: 'AbsoluteYearly', dayOfMonth: 29, month: 'February' },
        range: { kind: 'NoEnd', startDate: '2028-02-29' },
      },
      start: '2028-02-29T09:00:00Z',
      zone: 'UTC',
      count: 2,
      expected: ['2028-02-29T09:00:00.000Z', '2029-02-28T09:00:00.000Z'],
    },
    {
      name: 'relative yearly: first Monday of September',
      rec: {
        pattern: { kind: 'RelativeYearly', daysOfWeek: 'Monday', dayOfWeekIndex: 'First', month: 'September' },
        range: { kind: 'NoEnd', startDate: '2026-01-01' },
      },
      start: '2026-01-01T09:00:00Z',
      zone: 'UTC',
      count: 2,
      expected: ['2026-09-07T09:00:00.000Z', '2027-09-06T09:00:00.000Z'],
    },
    {
      name: 'end date range is inclusive',
      rec: {
        pattern: { kind: 'Daily', interval: 1 },
        range: { kind: 'EndDate', startDate: '2026-05-01', endDate: '2026-05-03' },
      },
      start: '2026-05-01T22:30:00Z',
      zone: berlin,
      count: 10,
      expected: ['2026-04-30T22:30:00.000Z', '2026-05-01T22:30:00.000Z', '2026-05-02T22:30:00.000Z'],
    },
  ];

  it.each(cases)('$name', ({ rec, start, zone, count, expected }) => {
    expect(firstStarts(rec, start, zone, count)).toEqual(expected);
  });

  it('finds occurrences overlapping a window and by index', () => {
    const rec: Recurrence = {
      pattern: { kind: 'Daily', interval: 1 },
      range: { kind: 'Numbered', startDate: '2026-06-01', numberOfOccurrences: 10 },
    };
    const start = Date.parse('2026-06-01T08:00:00Z');
    const timing = { start, end: start + 3_600_000, ianaZone: 'UTC' };
    const between = occurrencesBetween(
      rec,
      timing,
      Date.parse('2026-06-03T08:30:00Z'),
      Date.parse('2026-06-05T08:00:00Z'),
    );
    expect(between.map((o) => o.index)).toEqual([3, 4]);
    expect(iso(occurrenceByIndex(rec, timing, 10)?.originalStart ?? 0)).toBe('2026-06-10T08:00:00.000Z');
    expect(occurrenceByIndex(rec, timing, 11)).toBeUndefined();
    expect(iso(lastOccurrence(rec, timing)?.originalStart ?? 0)).toBe('2026-06-10T08:00:00.000Z');
  });

  const invalid: { name: string; rec: Recurrence }[] = [
    {
      name: 'zero interval',
      rec: { pattern: { kind: 'Daily', interval: 0 }, range: { kind: 'NoEnd', startDate: '2026-01-01' } },
    },
    {
      name: 'no weekdays',
      rec: {
        pattern: { kind: 'Weekly', interval: 1, daysOfWeek: [] },
        range: { kind: 'NoEnd', startDate: '2026-01-01' },
      },
    },
    {
      name: 'day 32',
      rec: {
        pattern: { kind: 'AbsoluteMonthly', interval: 1, dayOfMonth: 32 },
        range: { kind: 'NoEnd', startDate: '2026-01-01' },
      },
    },
    {
      name: 'end before start',
      rec: {
        pattern: { kind: 'Daily', interval: 1 },
        range: { kind: 'EndDate', startDate: '2026-01-05', endDate: '2026-01-01' },
      },
    },
    {
      name: '1000 occurrences',
      rec: {
        pattern: { kind: 'Daily', interval: 1 },
        range: { kind: 'Numbered', startDate: '2026-01-01', numberOfOccurrences: 1000 },
      },
    },
    {
      name: 'bad date',
      rec: { pattern: { kind: 'Daily', interval: 1 }, range: { kind: 'NoEnd', startDate: '2026-02-30' } },
    },
  ];
  it.each(invalid)('rejects $name with ErrorInvalidRecurrence', ({ rec }) => {
    let code: string | undefined;
    try {
      validateRecurrence(rec);
    } catch (e) {
      code = isEwsError(e) ? e.responseCode : 'other';
    }
    expect(code).toBe('ErrorInvalidRecurrence');
  });

  it('maps Windows zone ids to IANA and rejects unknown ids', () => {
    expect(windowsToIana('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(windowsToIana('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(() => windowsToIana('Mars Standard Time')).toThrow('ErrorTimeZone');
  });
});
