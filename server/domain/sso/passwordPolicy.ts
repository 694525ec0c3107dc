/**
 * Whether a password may still sign this account in. Only while single sign-on is on can the
 * admin turn passwords off, and then for everyone but the named break-glass admin: a broken
 * identity provider must never lock the installation out.
 */
export interface PasswordPolicySettings {
  readonly enabled: boolean;
  readonly passwordSignIn: boolean;
  readonly breakGlassEmail: string | null;
}

export function passwordSignInAllowed(settings: PasswordPolicySettings | undefined, email: string): boolean {
  if (!settings?.enabled || settings.passwordSignIn) return true;
  return settings.breakGlassEmail !== null && settings.breakGlassEmail.toLowerCase() === email.trim().toLowerCase();
}
