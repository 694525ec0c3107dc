/** @timezone-sensitive */
import { describe, expect, it } from '@jest/globals';
import { dayOfExpiry, expiryOfDay } from './expiryDate';

describe('an external’s end date', () => {
  it('lets the account work through the chosen day on the admin’s clock', () => {
    const end = expiryOfDay('2027-03-31');
    expect(end).toBe(new Date(2027, 3, 1).toISOString());
    expect(dayOfExpiry(end)).toBe('2027-03-31');
  });

  it('refuses what is not a day, and shows nothing for no end date', () => {
    expect(expiryOfDay('31.03.2027')).toBeNull();
    expect(dayOfExpiry(null)).toBe('');
  });
});
