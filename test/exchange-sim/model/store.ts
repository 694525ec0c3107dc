import type { DistinguishedFolderName, EpochMs, FolderRef, Mailbox } from './api';
import type { Directory } from './directory';
import { EwsError } from './errors';
import { decodeId, encodeFolderId, encodeItemId, folderEntryFor, newChangeKey, newEntryId } from './ids';
import { NO_HISTORY, type FolderRecord, type ItemRecord } from './records';

/** A change the store made; sync logs and notifications subscribe to these. */
export type StoreChange =
  | {
      readonly kind: 'created' | 'modified' | 'deleted';
      readonly item: ItemRecord;
      readonly folder: FolderRecord;
      readonly freeBusy: boolean;
    }
  | {
      readonly kind: 'moved';
      readonly item: ItemRecord;
      readonly folder: FolderRecord;
      readonly oldId: string;
      readonly oldChangeKey: string;
      readonly oldFolder: FolderRecord;
    };

export type StoreListener = (change: StoreChange, at: EpochMs) => void;

interface MailboxState {
  readonly mailbox: Mailbox;
  readonly folders: Map<DistinguishedFolderName, FolderRecord>;
  /** Calendar items by UID (meeting copies are found this way). */
  readonly byUid: Map<string, ItemRecord>;
}

const FOLDER_LAYOUT: readonly {
  name: DistinguishedFolderName;
  displayName: string;
  folderClass?: string;
  parent?: DistinguishedFolderName;
}[] = [
  { name: 'root', displayName: '' },
  { name: 'msgfolderroot', displayName: 'Top of Information Store', folderClass: 'IPF.Note', parent: 'root' },
  { name: 'calendar', displayName: 'Calendar', folderClass: 'IPF.Appointment', parent: 'msgfolderroot' },
  { name: 'inbox', displayName: 'Inbox', folderClass: 'IPF.Note', parent: 'msgfolderroot' },
  { name: 'deleteditems', displayName: 'Deleted Items', folderClass: 'IPF.Note', parent: 'msgfolderroot' },
  { name: 'sentitems', displayName: 'Sent Items', folderClass: 'IPF.Note', parent: 'msgfolderroot' },
];

/** Folder change keys look like Exchange's (`AQAAAA==` for a fresh folder) and grow with each change. */
/** Copies of one occurrence only are indexed beside the series copy of the same UID. */
function uidKey(uid: string, singleOccurrence: EpochMs | undefined): string {
  return singleOccurrence === undefined ? uid : `${uid}@${singleOccurrence}`;
}

function indexKey(record: ItemRecord): string {
  return uidKey(record.uid, record.singleOccurrence?.originalStart);
}

function folderChangeKey(version: number): string {
  const buf = Buffer.alloc(4 + (version > 1 ? 4 : 0));
  buf.writeUInt32LE(1, 0);
  if (version > 1) buf.writeUInt32LE(version, 4);
  return buf.toString('base64');
}

/** Mailboxes, folders and items, with id lookup and change events. */
export class Store {
  private readonly states = new Map<string, MailboxState>();
  private readonly folderById = new Map<string, FolderRecord>();
  private readonly itemById = new Map<string, ItemRecord>();
  private readonly listeners: StoreListener[] = [];

  constructor(
    private readonly directory: Directory,
    private readonly now: () => EpochMs,
  ) {}

  onChange(listener: StoreListener): void {
    this.listeners.push(listener);
  }

  private emit(change: StoreChange): void {
    const at = this.now();
    for (const listener of this.listeners) listener(change, at);
  }

  private state(mailbox: Mailbox): MailboxState {
    const existing = this.states.get(mailbox.smtp);
    if (existing) return existing;
    const folders = new Map<DistinguishedFolderName, FolderRecord>();
    for (const spec of FOLDER_LAYOUT) {
      const parent = spec.parent ? folders.get(spec.parent) : undefined;
      const folder: FolderRecord = {
        id: encodeFolderId(mailbox.mailboxGuid, folderEntryFor(mailbox.mailboxGuid, spec.name)),
        version: 1,
        get changeKey(): string {
          return folderChangeKey(this.version);
        },
        name: spec.name,
        displayName: spec.displayName,
        ...(spec.folderClass ? { folderClass: spec.folderClass } : {}),
        ...(parent ? { parent } : {}),
        mailbox,
        items: new Map(),
      };
      folders.set(spec.name, folder);
      this.folderById.set(folder.id, folder);
    }
    const created: MailboxState = { mailbox, folders, byUid: new Map() };
    this.states.set(mailbox.smtp, created);
    return created;
  }

  folder(mailbox: Mailbox, name: DistinguishedFolderName): FolderRecord {
    const folder = this.state(mailbox).folders.get(name);
    if (!folder) throw new EwsError('ErrorFolderNotFound', `The folder ${name} does not exist.`);
    return folder;
  }

  folders(mailbox: Mailbox): readonly FolderRecord[] {
    return [...this.state(mailbox).folders.values()];
  }

  /** Resolves a FolderRef; the folder's mailbox may differ from the actor (callers check access). */
  resolveFolder(actor: Mailbox, ref: FolderRef): FolderRecord {
    if (ref.kind === 'distinguished') {
      const owner = ref.mailbox ? this.directory.require(ref.mailbox) : actor;
      return this.folder(owner, ref.name);
    }
    const decoded = decodeId(ref.id);
    if (!decoded || decoded.kind !== 'folder') throw new EwsError('ErrorInvalidIdMalformed', 'Id is malformed.');
    const owner = this.directory.findByGuid(decoded.mailboxGuid);
    if (owner) this.state(owner);
    const folder = this.folderById.get(ref.id);
    if (!folder) throw new EwsError('ErrorFolderNotFound', 'The specified folder could not be found in the store.');
    return folder;
  }

  item(id: string): ItemRecord | undefined {
    return this.itemById.get(id);
  }

  /** The meeting copy with this UID: the series (or single), or the copy of one occurrence only. */
  byUid(mailbox: Mailbox, uid: string, singleOccurrence?: EpochMs): ItemRecord | undefined {
    return this.state(mailbox).byUid.get(uidKey(uid, singleOccurrence));
  }

  /** Copies of single occurrences of the meeting `uid` in the mailbox's calendar. */
  singleOccurrenceCopies(mailbox: Mailbox, uid: string): ItemRecord[] {
    return [...this.folder(mailbox, 'calendar').items.values()].filter((r) => r.uid === uid && r.singleOccurrence);
  }

  newItemId(mailbox: Mailbox): string {
    return encodeItemId(mailbox.mailboxGuid, newEntryId());
  }

  insert(record: ItemRecord): void {
    this.itemById.set(record.id, record);
    record.folder.items.set(record.id, record);
    if (record.folder.name === 'calendar') this.state(record.mailbox).byUid.set(indexKey(record), record);
    this.bumpFolder(record.folder);
    this.emit({ kind: 'created', item: record, folder: record.folder, freeBusy: true });
  }

  /** Records a modification: new ChangeKey, LastModifiedTime, history for AutoResolve. */
  touch(record: ItemRecord, fields: readonly string[], freeBusy: boolean): void {
    if (record.history === NO_HISTORY) record.history = [{ changeKey: record.changeKey, fields: [] }];
    record.changeKey = newChangeKey();
    record.modified = this.now();
    record.history.push({ changeKey: record.changeKey, fields });
    if (record.history.length > 64) record.history.shift();
    this.emit({ kind: 'modified', item: record, folder: record.folder, freeBusy });
  }

  remove(record: ItemRecord): void {
    this.itemById.delete(record.id);
    record.folder.items.delete(record.id);
    const state = this.state(record.mailbox);
    if (state.byUid.get(indexKey(record)) === record) state.byUid.delete(indexKey(record));
    this.bumpFolder(record.folder);
    this.emit({ kind: 'deleted', item: record, folder: record.folder, freeBusy: true });
  }

  /** Moves an item to another folder of its mailbox; like Exchange, the item gets a new ItemId. */
  move(record: ItemRecord, target: FolderRecord): ItemRecord {
    const oldId = record.id;
    const oldChangeKey = record.changeKey;
    const oldFolder = record.folder;
    this.itemById.delete(oldId);
    oldFolder.items.delete(oldId);
    const state = this.state(record.mailbox);
    if (state.byUid.get(indexKey(record)) === record) state.byUid.delete(indexKey(record));
    record.id = this.newItemId(record.mailbox);
    record.changeKey = newChangeKey();
    record.folder = target;
    this.itemById.set(record.id, record);
    target.items.set(record.id, record);
    if (target.name === 'calendar') state.byUid.set(indexKey(record), record);
    this.bumpFolder(oldFolder);
    this.bumpFolder(target);
    this.emit({ kind: 'moved', item: record, folder: target, oldId, oldChangeKey, oldFolder });
    return record;
  }

  private bumpFolder(folder: FolderRecord): void {
    folder.version += 1;
  }

  /** Exchange keeps folder ids stable; a reset drops every item and mailbox state. */
  clear(): void {
    this.states.clear();
    this.folderById.clear();
    this.itemById.clear();
  }
}
