import { describe, expect, it } from '@jest/globals';
import {
  availabilityOfWeekText,
  emptyWeek,
  hoursOfWeekText,
  invalidDays,
  parseDay,
  weekTextOfAvailability,
  weekTextOfHours,
} from './weekHours';

describe('week hours as text', () => {
  it.each<[string, { start: string; end: string }[] | undefined]>([
    ['', []],
    ['07:00-12:00', [{ start: '07:00', end: '12:00' }]],
    [
      ' 07:00 – 12:00 , 13:00-18:00 ',
      [
        { start: '07:00', end: '12:00' },
        { start: '13:00', end: '18:00' },
      ],
    ],
    ['12:00-07:00', undefined],
    ['7:00-12:00', undefined],
    ['07:00-24:00', undefined],
    ['07:00', undefined],
  ])('parses %j', (text, expected) => {
    expect(parseDay(text)).toEqual(expected);
  });

  it('round-trips working hours and availability', () => {
    const hours = {
      mon: [
        { open: '07:00', close: '12:00' },
        { open: '13:00', close: '18:00' },
      ],
      sat: [{ open: '09:00', close: '11:00' }],
    };
    expect(weekTextOfHours(hours).mon).toBe('07:00-12:00, 13:00-18:00');
    expect(hoursOfWeekText(weekTextOfHours(hours))).toEqual(hours);
    const availability = { fri: [{ from: '11:00', to: '14:00' }] };
    expect(availabilityOfWeekText(weekTextOfAvailability(availability))).toEqual(availability);
    expect(weekTextOfAvailability(null)).toEqual(emptyWeek());
  });

  it('names the days that do not parse', () => {
    expect(invalidDays({ ...emptyWeek(), tue: '09:00-08:00', sun: 'noon' })).toEqual(['tue', 'sun']);
  });
});
