import { describe, expect, it } from '@jest/globals';
import { hasAccess } from './access';

const NOW = new Date('2026-12-08T10:00:00Z');

describe('hasAccess', () => {
  it('lets an active account without an end date act', () => {
    expect(hasAccess({ active: true, accessExpiresAt: null }, NOW)).toBe(true);
  });

  it('refuses a deactivated account whatever its end date', () => {
    expect(hasAccess({ active: false, accessExpiresAt: null }, NOW)).toBe(false);
    expect(hasAccess({ active: false, accessExpiresAt: new Date('2027-01-01T00:00:00Z') }, NOW)).toBe(false);
  });

  it('treats an account as deactivated from the instant its end date is reached', () => {
    expect(hasAccess({ active: true, accessExpiresAt: new Date(NOW.getTime() + 1) }, NOW)).toBe(true);
    expect(hasAccess({ active: true, accessExpiresAt: NOW }, NOW)).toBe(false);
    expect(hasAccess({ active: true, accessExpiresAt: new Date(NOW.getTime() - 60_000) }, NOW)).toBe(false);
  });
});
