import { describe, expect, it } from '@jest/globals';
import type { Recurrence } from '../../../shared/schemas/events';
import { movedRecurrence, occurrenceIndexOf } from './series';

const ZONE = 'Europe/Berlin';
// Monday 7 December 2026, 09:00–10:00 in Berlin.
const START = new Date('2026-12-07T08:00:00Z');
const END = new Date('2026-12-07T09:00:00Z');
const weekly: Recurrence = { pattern: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], count: 6 };

describe('occurrenceIndexOf', () => {
  it('counts occurrences from 1 in the order the pattern places them', () => {
    expect(occurrenceIndexOf(weekly, START, END, ZONE, START)).toBe(1);
    expect(occurrenceIndexOf(weekly, START, END, ZONE, new Date('2026-12-09T08:00:00Z'))).toBe(2);
    expect(occurrenceIndexOf(weekly, START, END, ZONE, new Date('2026-12-16T08:00:00Z'))).toBe(4);
  });

  it('answers null for a time the pattern never uses, or past its end', () => {
    expect(occurrenceIndexOf(weekly, START, END, ZONE, new Date('2026-12-08T08:00:00Z'))).toBeNull();
    expect(occurrenceIndexOf(weekly, START, END, ZONE, new Date('2026-12-09T09:00:00Z'))).toBeNull();
    expect(occurrenceIndexOf(weekly, START, END, ZONE, new Date('2026-12-28T08:00:00Z'))).toBeNull();
  });
});

describe('movedRecurrence', () => {
  it('keeps the pattern when the series moves within its days', () => {
    expect(movedRecurrence(weekly, START, new Date('2026-12-07T13:00:00Z'), ZONE)).toBe(weekly);
  });

  it('moves weekly days and the end date by the days the first occurrence moved', () => {
    const until: Recurrence = {
      pattern: 'weekly',
      interval: 1,
      daysOfWeek: ['friday', 'saturday'],
      endDate: '2027-01-30',
    };
    expect(movedRecurrence(until, START, new Date('2026-12-09T08:00:00Z'), ZONE)).toEqual({
      ...until,
      daysOfWeek: ['sunday', 'monday'],
      endDate: '2027-02-01',
    });
    expect(movedRecurrence(until, START, new Date('2026-12-06T08:00:00Z'), ZONE).daysOfWeek).toEqual([
      'thursday',
      'friday',
    ]);
  });
});
