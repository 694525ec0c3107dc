import { createHash, randomBytes } from 'node:crypto';
import type { EpochMs } from './api';

/**
 * Exchange-like opaque identifiers. Item and folder ids are base64 of a small binary structure
 * (like Exchange's: a type byte, the mailbox GUID as text, then an entry id), so they are
 * different in every mailbox and can be decoded back without a lookup table.
 */

export type IdKind = 'item' | 'folder' | 'occurrence';

const KIND_BYTE: Record<IdKind, number> = { folder: 0x01, item: 0x03, occurrence: 0x07 };
const MAILBOX_GUID_LENGTH = 36;

export interface DecodedId {
  readonly kind: IdKind;
  readonly mailboxGuid: string;
  /** Hex of the entry id. */
  readonly entry: string;
  /** Occurrence ids only: original start of the occurrence. */
  readonly originalStart?: EpochMs;
}

/** randomBytes per id is a syscall each; ids come from a refilled pool instead (seeding makes 100k+). */
const POOL_SIZE = 64 * 1024;
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

export function poolRandom(length: number): Buffer {
  if (poolOffset + length > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  // A pool is never rewritten (a new one replaces it), so handing out views is safe.
  const out = pool.subarray(poolOffset, poolOffset + length);
  poolOffset += length;
  return out;
}

function hashBytes(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A name-based UUID, so a mailbox keeps its GUID across resets. */
export function mailboxGuidFor(smtp: string): string {
  const h = hashBytes(`mailbox-guid:${smtp.toLowerCase()}`).subarray(0, 16);
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A domain SID shared by a domain's accounts, plus a relative id stable per account. */
export function sidFor(smtp: string): string {
  const lower = smtp.toLowerCase();
  const domain = lower.slice(lower.indexOf('@') + 1);
  const d = hashBytes(`domain-sid:${domain}`);
  const rid = 1100 + (hashBytes(`rid:${lower}`).readUInt32BE(0) % 900000);
  return `S-1-5-21-${d.readUInt32BE(0)}-${d.readUInt32BE(4)}-${d.readUInt32BE(8)}-${rid}`;
}

export function newEntryId(): Buffer {
  return poolRandom(24);
}

/** Deterministic entry id for a mailbox's distinguished folder. */
export function folderEntryFor(mailboxGuid: string, folderName: string): Buffer {
  return hashBytes(`folder:${mailboxGuid}:${folderName}`).subarray(0, 24);
}

function encode(kind: IdKind, mailboxGuid: string, entry: Buffer, originalStart?: EpochMs): string {
  const guid = Buffer.from(mailboxGuid, 'ascii');
  const head = Buffer.alloc(4);
  head[0] = 0x00;
  head[1] = KIND_BYTE[kind];
  head.writeUInt16LE(guid.length, 2);
  const entryHead = Buffer.from([0x00, 0x46, 0x00, 0x00]);
  entryHead.writeUInt16LE(entry.length, 2);
  const parts = [head, guid, entryHead, entry];
  if (originalStart !== undefined) {
    const start = Buffer.alloc(8);
    start.writeBigInt64BE(BigInt(originalStart));
    parts.push(start);
  }
  return Buffer.concat(parts).toString('base64');
}

export function encodeItemId(mailboxGuid: string, entry: Buffer): string {
  return encode('item', mailboxGuid, entry);
}

export function encodeFolderId(mailboxGuid: string, entry: Buffer): string {
  return encode('folder', mailboxGuid, entry);
}

export function encodeOccurrenceId(mailboxGuid: string, entry: Buffer, originalStart: EpochMs): string {
  return encode('occurrence', mailboxGuid, entry, originalStart);
}

/** Occurrence id from the master's item id. */
export function occurrenceIdOf(masterId: string, originalStart: EpochMs): string | undefined {
  const decoded = decodeId(masterId);
  if (!decoded || decoded.kind !== 'item') return undefined;
  return encodeOccurrenceId(decoded.mailboxGuid, Buffer.from(decoded.entry, 'hex'), originalStart);
}

/** Master item id from an occurrence id. */
export function masterIdOf(occurrenceId: string): string | undefined {
  const decoded = decodeId(occurrenceId);
  if (!decoded || decoded.kind !== 'occurrence') return undefined;
  return encodeItemId(decoded.mailboxGuid, Buffer.from(decoded.entry, 'hex'));
}

export function decodeId(id: string): DecodedId | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(id)) return undefined;
  const buf = Buffer.from(id, 'base64');
  if (buf.length < 4 + MAILBOX_GUID_LENGTH + 4 || buf[0] !== 0x00) return undefined;
  const kind = (Object.keys(KIND_BYTE) as IdKind[]).find((k) => KIND_BYTE[k] === buf[1]);
  if (!kind || buf.readUInt16LE(2) !== MAILBOX_GUID_LENGTH) return undefined;
  const mailboxGuid = buf.subarray(4, 4 + MAILBOX_GUID_LENGTH).toString('ascii');
  let pos = 4 + MAILBOX_GUID_LENGTH;
  if (buf[pos] !== 0x00 || buf[pos + 1] !== 0x46) return undefined;
  const entryLength = buf.readUInt16LE(pos + 2);
  pos += 4;
  if (buf.length < pos + entryLength) return undefined;
  const entry = buf.subarray(pos, pos + entryLength).toString('hex');
  pos += entryLength;
  if (kind === 'occurrence') {
    if (buf.length !== pos + 8) return undefined;
    return { kind, mailboxGuid, entry, originalStart: Number(buf.readBigInt64BE(pos)) };
  }
  return buf.length === pos ? { kind, mailboxGuid, entry } : undefined;
}

/** A fresh ChangeKey, shaped like Exchange's (`DwAAABYAAAA…`). */
export function newChangeKey(): string {
  return Buffer.concat([Buffer.from([0x0f, 0, 0, 0, 0x16, 0, 0, 0]), poolRandom(22)]).toString('base64');
}

// --- global object ids (PidLidGlobalObjectId / PidLidCleanGlobalObjectId) -----------------------

const GOID_CLASS_ID = Buffer.from('040000008200E00074C5B7101A82E008', 'hex');
const VCAL_UID_MARKER = Buffer.from('vCal-Uid\u0001\u0000\u0000\u0000', 'latin1');
const FILETIME_EPOCH_OFFSET_MS = 11644473600000n;

function toFileTime(ms: EpochMs): Buffer {
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64LE((BigInt(Math.trunc(ms)) + FILETIME_EPOCH_OFFSET_MS) * 10000n);
  return buf;
}

function goidWithData(creationTime: EpochMs, data: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  return Buffer.concat([GOID_CLASS_ID, Buffer.alloc(4), toFileTime(creationTime), Buffer.alloc(8), size, data]);
}

/** A new clean global object id as Outlook/Exchange make it (16 random bytes of data). */
export function newCleanGlobalObjectId(creationTime: EpochMs): Buffer {
  return goidWithData(creationTime, poolRandom(16));
}

/**
 * The clean global object id for a client-chosen UID. A UID that is itself the hex of a global
 * object id is decoded (Exchange's own UIDs); any other string is wrapped in a vCal-Uid blob.
 */
export function cleanGlobalObjectIdForUid(uid: string, creationTime: EpochMs): Buffer {
  if (/^040000008200E00074C5B7101A82E008[0-9A-F]+$/i.test(uid) && uid.length % 2 === 0) {
    const decoded = Buffer.from(uid, 'hex');
    decoded.fill(0, 16, 20);
    return decoded;
  }
  return goidWithData(creationTime, Buffer.concat([VCAL_UID_MARKER, Buffer.from(uid, 'utf8'), Buffer.from([0])]));
}

/** The UID Exchange reports: the hex of the goid, or the wrapped vCal UID. */
export function uidFromCleanGlobalObjectId(goid: Buffer): string {
  const data = goid.subarray(40);
  if (data.subarray(0, VCAL_UID_MARKER.length).equals(VCAL_UID_MARKER)) {
    return data.subarray(VCAL_UID_MARKER.length, data.length - 1).toString('utf8');
  }
  return goid.toString('hex').toUpperCase();
}

/** PidLidGlobalObjectId of an occurrence: the clean id with the original local date in bytes 16..19. */
export function globalObjectIdForOccurrence(clean: Buffer, year: number, month: number, day: number): Buffer {
  const goid = Buffer.from(clean);
  goid[16] = (year >> 8) & 0xff;
  goid[17] = year & 0xff;
  goid[18] = month;
  goid[19] = day;
  return goid;
}
