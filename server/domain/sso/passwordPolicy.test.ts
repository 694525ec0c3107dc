import { describe, expect, it } from '@jest/globals';
import { passwordSignInAllowed } from './passwordPolicy';

const off = { enabled: true, passwordSignIn: false, breakGlassEmail: 'Rescue@example.com' };

describe('password sign-in policy', () => {
  it('lets everyone use a password while SSO is off or passwords are on', () => {
    expect(passwordSignInAllowed(undefined, 'ann@example.com')).toBe(true);
    expect(passwordSignInAllowed({ ...off, enabled: false }, 'ann@example.com')).toBe(true);
    expect(passwordSignInAllowed({ ...off, passwordSignIn: true }, 'ann@example.com')).toBe(true);
  });

  it('keeps only the break-glass admin on passwords when they are turned off', () => {
    expect(passwordSignInAllowed(off, 'ann@example.com')).toBe(false);
    expect(passwordSignInAllowed(off, ' rescue@EXAMPLE.com')).toBe(true);
  });
});
