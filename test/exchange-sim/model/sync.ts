import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SyncChange, SyncFolderItemsResult } from './api';
import { EwsError } from './errors';
import type { FolderRecord, ItemRecord } from './records';
import { snapshotItem } from './snapshot';
import type { StoreChange } from './store';

/**
 * Per-folder change logs for SyncFolderItems. Each item has one entry (kept in order of its last
 * change), so any number of changes since a state collapse into one Create, Update or Delete.
 * SyncState is base64 of a signed, versioned JSON payload: tampered, foreign, pre-reset or
 * invalidated states give ErrorInvalidSyncStateData.
 */

interface Entry {
  readonly id: string;
  /** Per-folder number of the item, the unit of the client's known set. */
  readonly num: number;
  lastSeq: number;
  deleted: boolean;
  record: ItemRecord;
}

interface FolderLog {
  readonly entries: Map<string, Entry>;
  nextNum: number;
}

/**
 * `s`: when the state was issued, every entry whose last change was <= s had been reported.
 * `k`: the item numbers the client holds, as [first, last] ranges (Exchange's states carry the
 * same idea, the set of ids given to the client).
 */
interface StatePayload {
  readonly v: 2;
  readonly g: number;
  readonly f: string;
  readonly s: number;
  readonly e: number;
  readonly k: readonly number[];
}

function toRanges(known: ReadonlySet<number>): number[] {
  const sorted = [...known].sort((a, b) => a - b);
  const out: number[] = [];
  for (const n of sorted) {
    const last = out.length - 1;
    if (last >= 1 && out[last] === n - 1) out[last] = n;
    else out.push(n, n);
  }
  return out;
}

function fromRanges(ranges: readonly number[]): Set<number> {
  const known = new Set<number>();
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const first = ranges[i] ?? 0;
    const last = ranges[i + 1] ?? -1;
    for (let n = first; n <= last; n++) known.add(n);
  }
  return known;
}

export const MAX_SYNC_CHANGES = 512;

function invalidState(): EwsError {
  return new EwsError('ErrorInvalidSyncStateData', 'Synchronization state data is corrupt or otherwise invalid.');
}

export class SyncLog {
  private seq = 0;
  private readonly logs = new Map<string, FolderLog>();
  private readonly epochs = new Map<string, number>();
  private readonly secret = randomBytes(32);

  constructor(private generation: number) {}

  record(change: StoreChange): void {
    this.seq += 1;
    if (change.kind === 'moved') {
      this.mark(change.oldFolder, change.oldId, change.item, 'deleted');
      this.mark(change.folder, change.item.id, change.item, 'created');
      return;
    }
    this.mark(change.folder, change.item.id, change.item, change.kind);
  }

  private mark(folder: FolderRecord, id: string, record: ItemRecord, kind: 'created' | 'modified' | 'deleted'): void {
    let log = this.logs.get(folder.id);
    if (!log) {
      log = { entries: new Map(), nextNum: 1 };
      this.logs.set(folder.id, log);
    }
    const existing = log.entries.get(id);
    if (existing) {
      existing.lastSeq = this.seq;
      existing.deleted = kind === 'deleted';
      existing.record = record;
      // Re-inserting keeps the map ordered by last change.
      log.entries.delete(id);
      log.entries.set(id, existing);
      return;
    }
    log.entries.set(id, { id, num: log.nextNum++, lastSeq: this.seq, deleted: kind === 'deleted', record });
  }

  /** Every state issued so far for this mailbox (or all) becomes invalid. */
  invalidate(mailboxSmtp?: string): void {
    if (mailboxSmtp === undefined) {
      this.generation += 1;
      return;
    }
    this.epochs.set(mailboxSmtp, (this.epochs.get(mailboxSmtp) ?? 0) + 1);
  }

  reset(generation: number): void {
    this.generation = generation;
    this.logs.clear();
    this.epochs.clear();
    this.seq = 0;
  }

  private sign(payload: StatePayload): string {
    return createHmac('sha256', this.secret).update(JSON.stringify(payload)).digest('base64').slice(0, 22);
  }

  private encode(folder: FolderRecord, s: number, known: ReadonlySet<number>): string {
    const payload: StatePayload = {
      v: 2,
      g: this.generation,
      f: folder.id,
      s,
      e: this.epochs.get(folder.mailbox.smtp) ?? 0,
      k: toRanges(known),
    };
    return Buffer.from(JSON.stringify({ ...payload, h: this.sign(payload) }), 'utf8').toString('base64');
  }

  private decode(folder: FolderRecord, state: string): { s: number; known: Set<number> } {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(state, 'base64').toString('utf8'));
    } catch {
      throw invalidState();
    }
    if (typeof parsed !== 'object' || parsed === null) throw invalidState();
    const p = parsed as Record<string, unknown>;
    const k = p.k;
    const numbers = [p.g, p.s, p.e];
    const rangesOk = Array.isArray(k) && k.length % 2 === 0 && k.every((n) => Number.isInteger(n));
    if (
      p.v !== 2 ||
      typeof p.f !== 'string' ||
      typeof p.h !== 'string' ||
      !rangesOk ||
      !numbers.every((n) => typeof n === 'number')
    ) {
      throw invalidState();
    }
    const payload: StatePayload = { v: 2, g: Number(p.g), f: p.f, s: Number(p.s), e: Number(p.e), k: k as number[] };
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(p.h);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalidState();
    const stale =
      payload.g !== this.generation ||
      payload.f !== folder.id ||
      payload.e !== (this.epochs.get(folder.mailbox.smtp) ?? 0) ||
      payload.s > this.seq;
    if (stale) throw invalidState();
    return { s: payload.s, known: fromRanges(payload.k) };
  }

  sync(
    folder: FolderRecord,
    syncState: string | undefined,
    maxChanges: number,
    ignore: ReadonlySet<string>,
  ): SyncFolderItemsResult {
    if (!Number.isInteger(maxChanges) || maxChanges < 1 || maxChanges > MAX_SYNC_CHANGES) {
      throw new EwsError('ErrorInvalidArgument', `MaxChangesReturned must be within 1..${MAX_SYNC_CHANGES}.`);
    }
    const { s, known } = syncState ? this.decode(folder, syncState) : { s: 0, known: new Set<number>() };
    const changes: SyncChange[] = [];
    let consumed = s;
    let more = false;
    for (const entry of this.logs.get(folder.id)?.entries.values() ?? []) {
      if (entry.lastSeq <= s) continue;
      if (changes.length >= maxChanges) {
        more = true;
        break;
      }
      consumed = entry.lastSeq;
      if (entry.deleted) {
        if (known.delete(entry.num) && !ignore.has(entry.id)) changes.push({ kind: 'Delete', itemId: entry.id });
        continue;
      }
      const isKnown = known.has(entry.num);
      known.add(entry.num);
      if (!ignore.has(entry.id))
        changes.push({ kind: isKnown ? 'Update' : 'Create', item: snapshotItem(entry.record) });
    }
    return {
      syncState: this.encode(folder, more ? consumed : this.seq, known),
      includesLastItemInRange: !more,
      changes,
    };
  }
}
