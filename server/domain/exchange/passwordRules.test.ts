import { describe, expect, it } from '@jest/globals';
import { mayKeepPassword, passwordReentryReason, sendsPasswordInClear } from './passwordRules';

describe('where the stored Exchange password may go', () => {
  const stored = 'https://mail.example.com/EWS/Exchange.asmx';

  it.each([
    ['the same URL', stored, true],
    ['another path on the same server', 'https://MAIL.example.com/ews/exchange.asmx', true],
    ['the default port written out', 'https://mail.example.com:443/EWS/Exchange.asmx', true],
    ['another host', 'https://evil.example.net/EWS/Exchange.asmx', false],
    ['plain http', 'http://mail.example.com/EWS/Exchange.asmx', false],
    ['another port', 'https://mail.example.com:8443/EWS/Exchange.asmx', false],
    ['a loopback listener', 'http://127.0.0.1:4444/EWS/Exchange.asmx', false],
  ])('%s: kept = %s', (_what, url, kept) => {
    expect(mayKeepPassword(stored, url)).toBe(kept);
  });

  it('asks for the password again when the server or the authentication method changes', () => {
    const ntlm = { url: stored, authMethod: 'ntlm' as const };
    expect(passwordReentryReason(ntlm, ntlm)).toBeUndefined();
    expect(passwordReentryReason(ntlm, { url: `${stored}?x=1`, authMethod: 'ntlm' })).toBeUndefined();
    expect(passwordReentryReason(ntlm, { url: stored, authMethod: 'basic' })).toBe('auth_method_changed');
    expect(passwordReentryReason({ url: stored, authMethod: 'basic' }, ntlm)).toBe('auth_method_changed');
    expect(
      passwordReentryReason(ntlm, { url: 'https://evil.example.net/EWS/Exchange.asmx', authMethod: 'basic' }),
    ).toBe('server_changed');
  });

  it('calls only Basic over plain http sending it in clear', () => {
    expect(sendsPasswordInClear('http://mail.example.com/EWS/Exchange.asmx', 'basic')).toBe(true);
    expect(sendsPasswordInClear('HTTP://mail.example.com/EWS/Exchange.asmx', 'basic')).toBe(true);
    expect(sendsPasswordInClear('http://mail.example.com/EWS/Exchange.asmx', 'ntlm')).toBe(false);
    expect(sendsPasswordInClear('https://mail.example.com/EWS/Exchange.asmx', 'basic')).toBe(false);
  });
});
