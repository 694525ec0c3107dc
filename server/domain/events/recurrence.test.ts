// @timezone-sensitive
import { describe, expect, it } from '@jest/globals';
import { expandRecurrence } from './recurrence';

const ZONE = 'Europe/Berlin';
const at = (iso: string): Date => new Date(iso);
const starts = (result: ReturnType<typeof expandRecurrence>): string[] =>
  result.ok ? result.occurrences.map((o) => o.start.toISOString()) : [];

describe('expandRecurrence', () => {
  it('keeps the wall-clock time across the change to summer time', () => {
    const result = expandRecurrence(
      { pattern: 'daily', interval: 1, count: 3 },
      at('2027-03-27T08:00:00Z'),
      at('2027-03-27T09:00:00Z'),
      ZONE,
    );
    // 09:00 in Berlin: UTC+1 on the 27th, UTC+2 from the 28th.
    expect(starts(result)).toEqual([
      '2027-03-27T08:00:00.000Z',
      '2027-03-28T07:00:00.000Z',
      '2027-03-29T07:00:00.000Z',
    ]);
    expect(result.ok && result.occurrences[1]?.end.toISOString()).toBe('2027-03-28T08:00:00.000Z');
  });

  it('puts a weekly series on the given days, from the first one on or after the start, up to the end date', () => {
    const result = expandRecurrence(
      { pattern: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], endDate: '2027-01-13' },
      at('2027-01-05T09:00:00Z'), // a Tuesday
      at('2027-01-05T10:00:00Z'),
      ZONE,
    );
    expect(starts(result)).toEqual([
      '2027-01-06T09:00:00.000Z',
      '2027-01-11T09:00:00.000Z',
      '2027-01-13T09:00:00.000Z',
    ]);
  });

  it('falls back to the last day of a short month, and to the last weekday for a fifth one', () => {
    const byDate = expandRecurrence(
      { pattern: 'monthly-date', interval: 1, count: 3 },
      at('2027-01-31T09:00:00Z'),
      at('2027-01-31T10:00:00Z'),
      ZONE,
    );
    expect(starts(byDate)).toEqual([
      '2027-01-31T09:00:00.000Z',
      '2027-02-28T09:00:00.000Z',
      '2027-03-31T08:00:00.000Z',
    ]);
    const byWeekday = expandRecurrence(
      { pattern: 'monthly-weekday', interval: 1, count: 2 },
      at('2027-01-12T09:00:00Z'), // the second Tuesday of January
      at('2027-01-12T10:00:00Z'),
      ZONE,
    );
    expect(starts(byWeekday)).toEqual(['2027-01-12T09:00:00.000Z', '2027-02-09T09:00:00.000Z']);
  });

  it('refuses more than 500 occurrences', () => {
    const result = expandRecurrence(
      { pattern: 'daily', interval: 1, endDate: '2029-12-31' },
      at('2027-01-01T09:00:00Z'),
      at('2027-01-01T10:00:00Z'),
      ZONE,
    );
    expect(result).toEqual({ ok: false, problem: { kind: 'too-many', limit: 500 } });
  });
});
