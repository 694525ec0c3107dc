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

/** The stored password may be kept only for the same scheme, host and port. */
export function mayKeepPassword(storedUrl: string, newUrl: string): boolean {
  const before = origin(storedUrl);
  return before !== null && before === origin(newUrl);
}

/** Basic authentication over plain http puts the password readable on the wire. */
export function sendsPasswordInClear(url: string, authMethod: 'ntlm' | 'basic'): boolean {
  return authMethod === 'basic' && url.toLowerCase().startsWith('http:');
}
