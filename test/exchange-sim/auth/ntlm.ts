import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import md4 from 'js-md4';

/**
 * The server side of NTLM (MS-NLMP) as IIS runs it for Exchange: it parses the client's
 * NEGOTIATE (type 1), answers with a CHALLENGE (type 2) carrying target info so that the client
 * uses NTLMv2, and verifies the AUTHENTICATE (type 3) NTLMv2 response against the password.
 * Node 20's OpenSSL 3 has no MD4, so the NT hash comes from js-md4; HMAC-MD5 is native.
 */

const SIGNATURE = Buffer.from('NTLMSSP\0', 'ascii');

export const NtlmFlags = {
  UNICODE: 0x00000001,
  OEM: 0x00000002,
  REQUEST_TARGET: 0x00000004,
  NTLM: 0x00000200,
  ALWAYS_SIGN: 0x00008000,
  TARGET_TYPE_DOMAIN: 0x00010000,
  EXTENDED_SESSION_SECURITY: 0x00080000,
  TARGET_INFO: 0x00800000,
  VERSION: 0x02000000,
  N128: 0x20000000,
  N56: 0x80000000,
} as const;

export class NtlmMessageError extends Error {
  readonly code = 'NTLM_BAD_MESSAGE';
}

export interface NegotiateMessage {
  type: 1;
  flags: number;
}

export interface AuthenticateMessage {
  type: 3;
  lmResponse: Buffer;
  ntResponse: Buffer;
  domain: string;
  user: string;
  workstation: string;
}

export interface Challenge {
  serverChallenge: Buffer;
  unicode: boolean;
  header: string;
}

function messageType(buf: Buffer): number {
  if (buf.length < 12 || !buf.subarray(0, 8).equals(SIGNATURE)) {
    throw new NtlmMessageError('not an NTLMSSP message');
  }
  return buf.readUInt32LE(8);
}

/** True when a base64 token is a raw NTLMSSP message (also accepted inside `Negotiate`). */
export function isNtlmToken(token: string): boolean {
  const buf = Buffer.from(token, 'base64');
  return buf.length >= 12 && buf.subarray(0, 8).equals(SIGNATURE);
}

export function readMessageType(token: string): number {
  return messageType(Buffer.from(token, 'base64'));
}

export function parseNegotiate(token: string): NegotiateMessage {
  const buf = Buffer.from(token, 'base64');
  if (messageType(buf) !== 1 || buf.length < 16) throw new NtlmMessageError('expected a type 1 message');
  return { type: 1, flags: buf.readUInt32LE(12) };
}

function securityBuffer(buf: Buffer, at: number): Buffer {
  if (buf.length < at + 8) throw new NtlmMessageError('truncated security buffer');
  const length = buf.readUInt16LE(at);
  const offset = buf.readUInt32LE(at + 4);
  if (length === 0) return Buffer.alloc(0);
  if (offset + length > buf.length) throw new NtlmMessageError('security buffer out of range');
  return buf.subarray(offset, offset + length);
}

export function parseAuthenticate(token: string, unicode: boolean): AuthenticateMessage {
  const buf = Buffer.from(token, 'base64');
  if (messageType(buf) !== 3) throw new NtlmMessageError('expected a type 3 message');
  const text = (b: Buffer): string => b.toString(unicode ? 'utf16le' : 'latin1');
  return {
    type: 3,
    lmResponse: securityBuffer(buf, 12),
    ntResponse: securityBuffer(buf, 20),
    domain: text(securityBuffer(buf, 28)),
    user: text(securityBuffer(buf, 36)),
    workstation: text(securityBuffer(buf, 44)),
  };
}

function avPair(id: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(value.length, 2);
  return Buffer.concat([head, value]);
}

function fileTimeNow(nowMs: number): Buffer {
  const ticks = (BigInt(nowMs) + 11644473600000n) * 10000n;
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(ticks);
  return b;
}

export interface ServerNames {
  netbiosDomain: string;
  netbiosComputer: string;
  dnsDomain: string;
  dnsComputer: string;
}

/** Builds the type 2 message answering a client's type 1. */
export function createChallenge(negotiate: NegotiateMessage, names: ServerNames, nowMs: number): Challenge {
  const unicode = (negotiate.flags & NtlmFlags.UNICODE) !== 0;
  const serverChallenge = randomBytes(8);
  const targetName = Buffer.from(names.netbiosDomain, unicode ? 'utf16le' : 'latin1');
  const targetInfo = Buffer.concat([
    avPair(2, Buffer.from(names.netbiosDomain, 'utf16le')),
    avPair(1, Buffer.from(names.netbiosComputer, 'utf16le')),
    avPair(4, Buffer.from(names.dnsDomain, 'utf16le')),
    avPair(3, Buffer.from(names.dnsComputer, 'utf16le')),
    avPair(7, fileTimeNow(nowMs)),
    avPair(0, Buffer.alloc(0)),
  ]);
  let flags =
    NtlmFlags.REQUEST_TARGET |
    NtlmFlags.NTLM |
    NtlmFlags.ALWAYS_SIGN |
    NtlmFlags.TARGET_TYPE_DOMAIN |
    NtlmFlags.EXTENDED_SESSION_SECURITY |
    NtlmFlags.TARGET_INFO |
    NtlmFlags.VERSION;
  flags |= unicode ? NtlmFlags.UNICODE : NtlmFlags.OEM;
  flags |= negotiate.flags & (NtlmFlags.N128 | NtlmFlags.N56);

  const headerLength = 56;
  const head = Buffer.alloc(headerLength);
  SIGNATURE.copy(head, 0);
  head.writeUInt32LE(2, 8);
  head.writeUInt16LE(targetName.length, 12);
  head.writeUInt16LE(targetName.length, 14);
  head.writeUInt32LE(headerLength, 16);
  head.writeUInt32LE(flags >>> 0, 20);
  serverChallenge.copy(head, 24);
  head.writeUInt16LE(targetInfo.length, 40);
  head.writeUInt16LE(targetInfo.length, 42);
  head.writeUInt32LE(headerLength + targetName.length, 44);
  // Version: Windows Server 2019 (10.0 build 17763), NTLM revision 15.
  head.writeUInt8(10, 48);
  head.writeUInt8(0, 49);
  head.writeUInt16LE(17763, 50);
  head.writeUInt8(15, 55);
  const message = Buffer.concat([head, targetName, targetInfo]);
  return { serverChallenge, unicode, header: message.toString('base64') };
}

export function ntHash(password: string): Buffer {
  return Buffer.from(md4.arrayBuffer(Buffer.from(password, 'utf16le')));
}

function hmacMd5(key: Buffer, ...parts: Buffer[]): Buffer {
  const h = createHmac('md5', key);
  for (const p of parts) h.update(p);
  return h.digest();
}

/**
 * Checks an NTLMv2 response. NTLMv1 (24-byte NT responses) is refused, as on a server with
 * LmCompatibilityLevel 5, which current Exchange guidance asks for.
 */
export function verifyNtlmV2(message: AuthenticateMessage, password: string, serverChallenge: Buffer): boolean {
  if (message.ntResponse.length <= 24) return false;
  const key = hmacMd5(ntHash(password), Buffer.from(message.user.toUpperCase() + message.domain, 'utf16le'));
  const proof = message.ntResponse.subarray(0, 16);
  const blob = message.ntResponse.subarray(16);
  const expected = hmacMd5(key, serverChallenge, blob);
  return timingSafeEqual(proof, expected);
}
