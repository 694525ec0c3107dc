import { createType1Message, createType3Message, decodeType2Message } from '@ewsjs/ntlm-client';
import { describe, expect, it } from '@jest/globals';
import { createChallenge, ntHash, parseAuthenticate, parseNegotiate, verifyNtlmV2 } from './ntlm';

const names = {
  netbiosDomain: 'CONTOSO',
  netbiosComputer: 'EXSIM01',
  dnsDomain: 'contoso.com',
  dnsComputer: 'exsim01.contoso.com',
};
const token = (header: string): string => header.replace(/^(NTLM|Negotiate) /, '');

/** One handshake driven by an independent NTLM client implementation (the one ews-javascript-api uses). */
function handshake(
  user: string,
  password: string,
  domain: string,
): { verify: (pw: string) => boolean; user: string; domain: string } {
  const negotiate = parseNegotiate(token(createType1Message('WS01', domain)));
  const challenge = createChallenge(negotiate, names, Date.now());
  const type2 = decodeType2Message(`NTLM ${challenge.header}`);
  const type3 = createType3Message(type2, user, password, 'WS01', domain);
  const message = parseAuthenticate(token(type3), challenge.unicode);
  return {
    verify: (pw) => verifyNtlmV2(message, pw, challenge.serverChallenge),
    user: message.user,
    domain: message.domain,
  };
}

describe('NTLM server side', () => {
  it('computes the NT hash with MD4 over UTF-16LE (known vector)', () => {
    expect(ntHash('password').toString('hex')).toBe('8846f7eaee8fb117ad06bdd830b7586c');
  });

  it('makes the client answer with NTLMv2 and accepts the right password', () => {
    const type2 = decodeType2Message(
      `NTLM ${createChallenge(parseNegotiate(token(createType1Message('WS', 'CONTOSO'))), names, Date.now()).header}`,
    );
    expect(type2.version).toBe(2);
    expect(type2.targetName).toBe('CONTOSO');
    const h = handshake('alex', 'S3cret!', 'CONTOSO');
    expect(h.user).toBe('alex');
    expect(h.domain).toBe('CONTOSO');
    expect(h.verify('S3cret!')).toBe(true);
  });

  it('rejects a wrong password', () => {
    expect(handshake('alex', 'wrong', 'CONTOSO').verify('S3cret!')).toBe(false);
  });

  it('verifies a UPN logon with an empty domain', () => {
    const h = handshake('alex@contoso.com', 'S3cret!', '');
    expect(h.user).toBe('alex@contoso.com');
    expect(h.domain).toBe('');
    expect(h.verify('S3cret!')).toBe(true);
    expect(h.verify('S3cret')).toBe(false);
  });

  it('refuses a type 3 replayed against another challenge', () => {
    const negotiate = parseNegotiate(token(createType1Message('WS01', 'CONTOSO')));
    const first = createChallenge(negotiate, names, Date.now());
    const second = createChallenge(negotiate, names, Date.now());
    const type3 = createType3Message(decodeType2Message(`NTLM ${first.header}`), 'alex', 'pw', 'WS01', 'CONTOSO');
    const message = parseAuthenticate(token(type3), first.unicode);
    expect(verifyNtlmV2(message, 'pw', first.serverChallenge)).toBe(true);
    expect(verifyNtlmV2(message, 'pw', second.serverChallenge)).toBe(false);
  });
});
