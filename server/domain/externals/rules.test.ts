import { describe, expect, it } from '@jest/globals';
import {
  bookingAllowed,
  DEFAULT_EXTERNAL_SETTINGS,
  externalStatus,
  invitationsAllowed,
  linkExpiry,
  linkState,
  mayInvite,
} from './rules';

const NOW = new Date('2026-12-08T10:00:00Z');
const MINUTE = 60_000;

describe('one-time links', () => {
  it('a sign-in link lasts 15 minutes, an invitation a week', () => {
    expect(linkExpiry('sign-in', NOW).getTime() - NOW.getTime()).toBe(15 * MINUTE);
    expect(linkExpiry('invitation', NOW).getTime() - NOW.getTime()).toBe(7 * 24 * 60 * MINUTE);
  });

  it('is usable until its expiry, then expired; once used, used whatever the time', () => {
    const expiresAt = linkExpiry('sign-in', NOW);
    expect(linkState({ expiresAt, usedAt: null }, new Date(NOW.getTime() + 15 * MINUTE - 1))).toBe('usable');
    expect(linkState({ expiresAt, usedAt: null }, expiresAt)).toBe('expired');
    expect(linkState({ expiresAt, usedAt: NOW }, NOW)).toBe('used');
    expect(linkState({ expiresAt, usedAt: NOW }, new Date(expiresAt.getTime() + MINUTE))).toBe('used');
  });
});

describe('who may invite, and how many', () => {
  const allowing = { ...DEFAULT_EXTERNAL_SETTINGS, employeesMayInvite: true, invitationsPerDay: 3 };

  it('admins always; employees only where the installation allows; never facility staff or externals', () => {
    expect(mayInvite('admin', DEFAULT_EXTERNAL_SETTINGS)).toBe(true);
    expect(mayInvite('employee', DEFAULT_EXTERNAL_SETTINGS)).toBe(false);
    expect(mayInvite('employee', allowing)).toBe(true);
    expect(mayInvite('facility', allowing)).toBe(false);
    expect(mayInvite('external', allowing)).toBe(false);
  });

  it('holds an employee to the daily budget, counting a bulk of invitations as a whole', () => {
    expect(invitationsAllowed('employee', 2, 1, allowing)).toBe(true);
    expect(invitationsAllowed('employee', 3, 1, allowing)).toBe(false);
    expect(invitationsAllowed('employee', 1, 3, allowing)).toBe(false);
    expect(invitationsAllowed('admin', 300, 200, allowing)).toBe(true);
  });
});

describe('open bookings of an external', () => {
  it('allows one more only below the limit (default 5)', () => {
    expect(bookingAllowed(4, DEFAULT_EXTERNAL_SETTINGS)).toBe(true);
    expect(bookingAllowed(5, DEFAULT_EXTERNAL_SETTINGS)).toBe(false);
    expect(bookingAllowed(0, { ...DEFAULT_EXTERNAL_SETTINGS, maxOpenBookings: 1 })).toBe(true);
    expect(bookingAllowed(1, { ...DEFAULT_EXTERNAL_SETTINGS, maxOpenBookings: 1 })).toBe(false);
  });
});

describe('externalStatus', () => {
  const base = { active: true, accessExpiresAt: null, acceptedAt: NOW, deactivatedAt: null };
  it('tells invited, active, expired and deactivated apart', () => {
    expect(externalStatus({ ...base, active: false, acceptedAt: null }, NOW)).toBe('invited');
    expect(externalStatus(base, NOW)).toBe('active');
    expect(externalStatus({ ...base, accessExpiresAt: NOW }, NOW)).toBe('expired');
    expect(externalStatus({ ...base, active: false, deactivatedAt: NOW }, NOW)).toBe('deactivated');
    // Reactivated under Admin → Users.
    expect(externalStatus({ ...base, deactivatedAt: NOW }, NOW)).toBe('active');
  });
});
