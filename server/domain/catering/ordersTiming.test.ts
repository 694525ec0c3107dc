import { describe, expect, it } from '@jest/globals';
import { changeCutoffAt, deliveryAt, deliveryProblems, providerWorksAt, wallClock } from './ordersTiming';

// @timezone-sensitive: wall clocks are read in the building's zone, never the process zone.
const at = (iso: string): Date => new Date(iso);
const EVENT = { start: at('2026-03-29T07:00:00Z'), end: at('2026-03-29T08:00:00Z') };

describe('deliveryAt', () => {
  it.each([
    [{ kind: 'at-start' as const }, '2026-03-29T07:00:00.000Z'],
    [{ kind: 'before-start' as const, minutes: 30 }, '2026-03-29T06:30:00.000Z'],
    [{ kind: 'after-start' as const, minutes: 45 }, '2026-03-29T07:45:00.000Z'],
    [{ kind: 'at-end' as const }, '2026-03-29T08:00:00.000Z'],
  ])('%j', (delivery, expected) => {
    expect(deliveryAt(delivery, EVENT).toISOString()).toBe(expected);
  });
});

describe('wall clocks', () => {
  it('reads the building zone across the DST switch', () => {
    // 2026-03-29 is the spring-forward Sunday in Berlin: 01:30 UTC is 03:30 local.
    expect(wallClock(at('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toEqual({
      weekday: 'sun',
      date: '2026-03-29',
      time: '03:30',
    });
    expect(wallClock(at('2026-03-28T23:30:00Z'), 'Europe/Berlin').weekday).toBe('sun');
    expect(wallClock(at('2026-03-28T23:30:00Z'), 'UTC').weekday).toBe('sat');
  });

  it('serves from opening to closing time inclusive', () => {
    const hours = { mon: [{ open: '07:00', close: '18:00' }] };
    expect(providerWorksAt(hours, at('2026-05-04T05:00:00Z'), 'Europe/Berlin')).toBe(true);
    expect(providerWorksAt(hours, at('2026-05-04T04:59:00Z'), 'Europe/Berlin')).toBe(false);
    expect(providerWorksAt(hours, at('2026-05-04T16:00:00Z'), 'Europe/Berlin')).toBe(true);
    expect(providerWorksAt(hours, at('2026-05-04T16:01:00Z'), 'Europe/Berlin')).toBe(false);
  });
});

describe('cut-off and problems', () => {
  const items = [
    { itemId: 'a', leadTimeHours: 4, changeCutoffHours: 2, availability: null },
    { itemId: 'b', leadTimeHours: 1, changeCutoffHours: 24, availability: null },
  ];
  const provider = { buildingIds: ['b1'], workingHours: { mon: [{ open: '00:00', close: '23:59' }] } };

  it('takes the strictest cut-off', () => {
    expect(changeCutoffAt(items, at('2026-05-04T10:00:00Z')).toISOString()).toBe('2026-05-03T10:00:00.000Z');
  });

  it('the strictest lead time decides', () => {
    const place = { at: at('2026-05-04T10:00:00Z'), buildingId: 'b1', timeZone: 'UTC' };
    expect(deliveryProblems(place, provider, items, at('2026-05-04T06:00:00Z'))).toEqual([]);
    expect(deliveryProblems(place, provider, items, at('2026-05-04T06:01:00Z'))).toEqual(['inside-lead-time']);
  });
});
