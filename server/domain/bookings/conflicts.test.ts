import { describe, expect, it } from '@jest/globals';
import { distinctConflicts } from './conflicts';

const span = (from: string, to: string) => ({
  start: new Date(`2026-05-04T${from}:00Z`),
  end: new Date(`2026-05-04T${to}:00Z`),
});

describe('distinctConflicts', () => {
  it('names a meeting seen in our bookings and in Exchange’s free/busy once', () => {
    expect(distinctConflicts([span('10:00', '11:00'), span('10:00', '11:00')])).toEqual([span('10:00', '11:00')]);
  });

  it('keeps different meetings, sorted by start', () => {
    expect(
      distinctConflicts([
        span('10:30', '11:30'),
        span('09:00', '10:15'),
        span('10:30', '11:30'),
        span('09:00', '10:00'),
      ]),
    ).toEqual([span('09:00', '10:00'), span('09:00', '10:15'), span('10:30', '11:30')]);
  });

  it('has nothing to say about no conflicts', () => {
    expect(distinctConflicts([])).toEqual([]);
  });
});
