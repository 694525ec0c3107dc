/**
 * When the stored Exchange password may be used: it is write-only, so an admin must not be able
 * to send it somewhere else (and read it there) by changing the address it goes to.
 */

function origin(url: string): string | null {
  try {
    const parsed = new URL(url);
    // URL drops the scheme's default port, so https://h and https://h:443 are one origin.
    return `${parsed.protocol}//${parsed.hostname.toLowerCase()}:${parsed.port}`;
  } catch {
    return null;
  }
}

export type AuthMethod = 'ntlm' | 'basic';

/** Where and how the password goes: the server (scheme, host, port) and the authentication method. */
export interface PasswordDestination {
  readonly url: string;
  readonly authMethod: AuthMethod;
}

/** The stored password may be kept only for the same scheme, host and port. */
export function mayKeepPassword(storedUrl: string, newUrl: string): boolean {
  const before = origin(storedUrl);
  return before !== null && before === origin(newUrl);
}

/**
 * Why the stored password may not be kept for the new destination, or undefined when it may.
 * A new method counts like a new server: NTLM never shows the password on the wire, Basic does,
 * so switching NTLM → Basic would hand the password to whoever answers.
 */
export function passwordReentryReason(
  stored: PasswordDestination,
  next: PasswordDestination,
): 'server_changed' | 'auth_method_changed' | undefined {
  if (!mayKeepPassword(stored.url, next.url)) return 'server_changed';
  if (stored.authMethod !== next.authMethod) return 'auth_method_changed';
  return undefined;
}

/** Basic authentication over plain http puts the password readable on the wire. */
export function sendsPasswordInClear(url: string, authMethod: AuthMethod): boolean {
  return authMethod === 'basic' && url.toLowerCase().startsWith('http:');
}
