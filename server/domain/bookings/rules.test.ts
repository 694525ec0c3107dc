import { describe, expect, it } from '@jest/globals';
import type { Role } from '../../../shared/schemas/users';
import { checkBookingRules, mayBookRoom, withinOpeningHours, type BookableRoom, type RuleViolation } from './rules';

// @timezone-sensitive: opening hours are wall-clock times of the building, never of the process.

const NOW = new Date('2026-11-23T08:00:00Z'); // a Monday, 09:00 in Berlin
const room: BookableRoom = {
  active: true,
  bookableInternal: true,
  bookableExternal: false,
  rules: { maxDurationMinutes: 240, bookingWindowDays: 30, minNoticeMinutes: 15, readOnly: false },
  timeZone: 'Europe/Berlin',
  openingHours: { mon: [{ open: '07:00', close: '19:00' }], tue: [{ open: '07:00', close: '19:00' }] },
};

const at = (iso: string): Date => new Date(iso);

describe('checkBookingRules', () => {
  const cases: Array<{
    name: string;
    start: string;
    end: string;
    role?: Role;
    room?: Partial<BookableRoom>;
    readOnly?: boolean;
    expected: RuleViolation[];
  }> = [
    { name: 'a fine booking', start: '2026-11-23T09:00:00Z', end: '2026-11-23T10:00:00Z', expected: [] },
    {
      name: 'start after end',
      start: '2026-11-23T10:00:00Z',
      end: '2026-11-23T09:00:00Z',
      expected: ['start-not-before-end'],
    },
    {
      name: 'start equals end',
      start: '2026-11-23T10:00:00Z',
      end: '2026-11-23T10:00:00Z',
      expected: ['start-not-before-end'],
    },
    { name: 'in the past', start: '2026-11-23T07:30:00Z', end: '2026-11-23T09:00:00Z', expected: ['in-the-past'] },
    {
      name: 'too short notice',
      start: '2026-11-23T08:10:00Z',
      end: '2026-11-23T09:00:00Z',
      expected: ['too-short-notice'],
    },
    {
      name: 'beyond the booking window',
      start: '2026-12-29T09:00:00Z',
      end: '2026-12-29T10:00:00Z',
      expected: ['beyond-booking-window'],
    },
    { name: 'too long', start: '2026-11-23T09:00:00Z', end: '2026-11-23T13:30:00Z', expected: ['too-long'] },
    {
      name: 'after closing in Berlin (18:30Z = 19:30 local)',
      start: '2026-11-23T17:30:00Z',
      end: '2026-11-23T18:30:00Z',
      expected: ['outside-opening-hours'],
    },
    {
      name: 'closed weekday',
      start: '2026-11-25T09:00:00Z',
      end: '2026-11-25T10:00:00Z',
      expected: ['outside-opening-hours'],
    },
    {
      name: 'external user in an internal room',
      start: '2026-11-23T09:00:00Z',
      end: '2026-11-23T10:00:00Z',
      role: 'external',
      expected: ['role-not-allowed'],
    },
    {
      name: 'employee in an external-only room',
      start: '2026-11-23T09:00:00Z',
      end: '2026-11-23T10:00:00Z',
      room: { bookableInternal: false, bookableExternal: true },
      expected: ['role-not-allowed'],
    },
    {
      name: 'read-only room',
      start: '2026-11-23T09:00:00Z',
      end: '2026-11-23T10:00:00Z',
      room: { rules: { ...room.rules, readOnly: true } },
      expected: ['room-read-only'],
    },
    {
      name: 'read-only installation',
      start: '2026-11-23T09:00:00Z',
      end: '2026-11-23T10:00:00Z',
      readOnly: true,
      expected: ['installation-read-only'],
    },
  ];

  it.each(cases)('$name', ({ start, end, role, room: patch, readOnly, expected }) => {
    const breaches = checkBookingRules(
      { start: at(start), end: at(end) },
      { ...room, ...patch },
      { role: role ?? 'employee', now: NOW, installationReadOnly: readOnly ?? false },
    );
    expect(breaches.map((b) => b.violation)).toEqual(expected);
  });
});

describe('mayBookRoom', () => {
  it.each([
    ['admin', true, false, true],
    ['facility', true, false, true],
    ['employee', true, false, true],
    ['external', true, false, false],
    ['external', false, true, true],
    ['employee', false, true, false],
  ] as const)('%s in internal=%s external=%s → %s', (role, internal, external, allowed) => {
    expect(mayBookRoom(role, { bookableInternal: internal, bookableExternal: external })).toBe(allowed);
  });
});

describe('withinOpeningHours', () => {
  it.each([
    ['2026-11-23T06:00:00Z', '2026-11-23T07:00:00Z', 'Europe/Berlin', true],
    ['2026-11-23T05:30:00Z', '2026-11-23T07:00:00Z', 'Europe/Berlin', false],
    ['2026-11-23T17:00:00Z', '2026-11-23T18:00:00Z', 'Europe/Berlin', true],
    ['2026-11-23T17:00:00Z', '2026-11-23T18:00:00Z', 'America/New_York', true],
    ['2026-11-23T11:00:00Z', '2026-11-23T12:00:00Z', 'America/New_York', false],
    ['2026-11-23T17:00:00Z', '2026-11-24T08:00:00Z', 'Europe/Berlin', false],
  ])('%s–%s in %s → %s', (start, end, zone, expected) => {
    expect(withinOpeningHours({ start: at(start), end: at(end) }, zone, room.openingHours)).toBe(expected);
  });

  it('treats a building without opening hours as always open', () => {
    expect(withinOpeningHours({ start: at('2026-11-28T02:00:00Z'), end: at('2026-11-28T03:00:00Z') }, 'UTC', {})).toBe(
      true,
    );
  });

  it('accepts a booking that ends at local midnight when the building is open until 24:00', () => {
    const late = { mon: [{ open: '20:00', close: '23:59' }] };
    expect(
      withinOpeningHours({ start: at('2026-11-23T20:00:00Z'), end: at('2026-11-23T22:59:00Z') }, 'Europe/Berlin', late),
    ).toBe(true);
  });
});
