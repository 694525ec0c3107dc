// @timezone-sensitive: every check reads instants in a building's zone, never the process's.
import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { ItemAvailability } from '../../../shared/schemas/catalog';
import type { OpeningHours } from '../../../shared/schemas/locations';
import {
  beforeChangeCutoff,
  isItemAvailableAt,
  isWithinProviderHours,
  leadTimeSatisfied,
  localDateTimeIn,
  weekdayOf,
} from './catalog';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

const hours: OpeningHours = {
  mon: [
    { open: '07:00', close: '12:00' },
    { open: '13:00', close: '18:00' },
  ],
  sat: [{ open: '09:00', close: '11:00' }],
};

describe('isWithinProviderHours', () => {
  // 2026-03-23 is a Monday; Berlin is UTC+1 until 2026-03-29, UTC+2 from then.
  it.each([
    ['opening time itself', BERLIN, '2026-03-23T06:00:00Z', true],
    ['a minute before opening', BERLIN, '2026-03-23T05:59:00Z', false],
    ['closing time itself (a clean-up delivery)', BERLIN, '2026-03-23T17:00:00Z', true],
    ['half a minute after closing', BERLIN, '2026-03-23T17:00:30Z', false],
    ['the lunch break', BERLIN, '2026-03-23T11:30:00Z', false],
    ['after the lunch break', BERLIN, '2026-03-23T12:00:00Z', true],
    ['a closed weekday (Tuesday)', BERLIN, '2026-03-24T09:00:00Z', false],
    ['Saturday morning', BERLIN, '2026-03-28T08:30:00Z', true],
    ['09:00 Berlin after the switch to summer time', BERLIN, '2026-03-30T07:00:00Z', true],
    ['05:30 UTC is 06:30 in winter time: closed', BERLIN, '2026-03-23T05:30:00Z', false],
    ['05:30 UTC is 07:30 in summer time: open', BERLIN, '2026-03-30T05:30:00Z', true],
    ['Monday 07:00 in New York', NEW_YORK, '2026-03-23T11:00:00Z', true],
    ['Monday 06:59 in New York, already Monday noon in UTC', NEW_YORK, '2026-03-23T10:59:00Z', false],
    ['Sunday 23:30 in New York is Monday in Berlin', NEW_YORK, '2026-03-23T03:30:00Z', false],
  ])('%s (%s, %s) → %s', (_name, zone, instant, expected) => {
    expect(isWithinProviderHours({ workingHours: hours }, zone, new Date(instant))).toBe(expected);
  });

  it('treats empty working hours as never working', () => {
    expect(isWithinProviderHours({ workingHours: {} }, BERLIN, new Date('2026-03-23T10:00:00Z'))).toBe(false);
  });
});

describe('isItemAvailableAt', () => {
  const breakfast: ItemAvailability = {
    mon: [{ from: '07:00', to: '10:30' }],
    fri: [
      { from: '07:00', to: '10:30' },
      { from: '15:00', to: '16:00' },
    ],
  };
  const local = (iso: string) => DateTime.fromISO(iso, { zone: BERLIN });

  it.each([
    ['Monday at 07:00', '2026-03-23T07:00', true],
    ['Monday at 10:30', '2026-03-23T10:30', true],
    ['Monday at 10:31', '2026-03-23T10:31', false],
    ['Monday at 06:59', '2026-03-23T06:59', false],
    ['Friday afternoon', '2026-03-27T15:30', true],
    ['Friday noon', '2026-03-27T12:00', false],
    ['Wednesday (not listed)', '2026-03-25T08:00', false],
  ])('%s → %s', (_name, iso, expected) => {
    expect(isItemAvailableAt({ availability: breakfast }, local(iso))).toBe(expected);
  });

  it('reads the weekday of the local date-time, not of UTC', () => {
    // Monday 00:30 in Tokyo is still Sunday in UTC.
    const tokyo = localDateTimeIn('Asia/Tokyo', new Date('2026-03-22T15:30:00Z'));
    expect(weekdayOf(tokyo)).toBe('mon');
    expect(isItemAvailableAt({ availability: { mon: [{ from: '00:00', to: '01:00' }] } }, tokyo)).toBe(true);
  });

  it('makes an item without availability available whenever its provider works', () => {
    expect(isItemAvailableAt({ availability: null }, local('2026-03-29T03:00'))).toBe(true);
  });

  it('refuses an unknown zone', () => {
    expect(() => localDateTimeIn('Mars/Olympus', new Date())).toThrow('Unknown time zone');
  });
});

describe('leadTimeSatisfied and beforeChangeCutoff', () => {
  const delivery = new Date('2026-03-30T10:00:00Z');
  it.each([
    [24, '2026-03-29T10:00:00Z', true],
    [24, '2026-03-29T10:00:01Z', false],
    [0, '2026-03-30T10:00:00Z', true],
    [0, '2026-03-30T10:00:01Z', false],
    // Across the switch to summer time (2026-03-29) a day of 23 wall-clock hours is still 24 real hours.
    [24, '2026-03-29T09:30:00Z', true],
    [48, '2026-03-29T09:00:00Z', false],
  ])('lead time %i h, ordered at %s → %s', (leadTimeHours, orderedAt, expected) => {
    expect(leadTimeSatisfied({ leadTimeHours }, new Date(orderedAt), delivery)).toBe(expected);
  });

  it.each([
    [2, '2026-03-30T08:00:00Z', true],
    [2, '2026-03-30T08:00:01Z', false],
    [0, '2026-03-30T09:59:00Z', true],
    [0, '2026-03-30T10:01:00Z', false],
  ])('cut-off %i h, now %s → may change: %s', (changeCutoffHours, now, expected) => {
    expect(beforeChangeCutoff({ changeCutoffHours }, new Date(now), delivery)).toBe(expected);
  });
});
