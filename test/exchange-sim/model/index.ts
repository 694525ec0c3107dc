import type {
  ActiveFault,
  AttendantAnswer,
  AvailabilityRequest,
  Body,
  CalendarItem,
  CalendarItemInput,
  CalendarProcessingSettings,
  ConcurrencyStats,
  ConflictResolution,
  DeleteType,
  EmailAddress,
  ExchangeModelApi,
  ExtendedProperty,
  ExtendedPropertyKey,
  FaultDecision,
  FaultSpec,
  FieldChange,
  FindItemsRequest,
  FindItemsResult,
  Folder,
  FolderRef,
  GetEventsResult,
  ItemRef,
  Mailbox,
  MailboxAvailability,
  MeetingResponse,
  ModelOptions,
  RequestCounts,
  FoundPerson,
  ResolvedName,
  RoomList,
  SendCancellationsMode,
  SendInvitationsMode,
  SendInvitationsOrCancellationsMode,
  StreamingListener,
  SubscribeRequest,
  Subscription,
  SyncFolderItemsRequest,
  SyncFolderItemsResult,
} from './api';
import { Attendant } from './attendant';
import { getAvailability } from './availability';
import { Calendar } from './calendar';
import { SimClock } from './clock';
import { Directory } from './directory';
import { EwsError } from './errors';
import { calendarView, extendedPropertyValue, findInFolder } from './find';
import { DEFAULT_CONCURRENCY_LIMIT, Faults, RequestCounter } from './faults';
import { Meetings } from './meetings';
import { NotificationBus } from './notifications';
import type { FolderRecord } from './records';
import { parseSeed, type SeedFile } from './seed';
import { seedContent } from './seeding';
import { Store } from './store';
import { SyncLog } from './sync';

export { EwsError, isEwsError } from './errors';
export { loadSeedFile, parseSeed, type SeedFile } from './seed';
export { DEFAULT_CALENDAR_PROCESSING } from './directory';

const DEFAULT_ATTENDANT_DELAY_MS = 200;

function accessDenied(): EwsError {
  return new EwsError('ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}

/** The in-memory Exchange organisation. See api.ts for the contract of each method. */
export class ExchangeModel implements ExchangeModelApi {
  readonly clock = new SimClock();
  private seed: SeedFile;
  private generation = 1;
  private directory: Directory;
  private store: Store;
  private readonly sync: SyncLog;
  private readonly bus: NotificationBus;
  private attendant: Attendant;
  private calendar: Calendar;
  private readonly faults: Faults;
  private readonly counter = new RequestCounter();
  private attendantDelayMs: number;
  private quiet = false;

  constructor(
    seed: SeedFile,
    private readonly options: ModelOptions = {},
  ) {
    this.seed = seed;
    this.attendantDelayMs = options.attendantDelayMs ?? DEFAULT_ATTENDANT_DELAY_MS;
    this.sync = new SyncLog(this.generation);
    this.bus = new NotificationBus(() => this.clock.now(), this.generation);
    this.faults = new Faults(seed.concurrencyLimit ?? options.concurrencyLimit);
    this.directory = new Directory(seed);
    this.store = this.newStore();
    this.attendant = new Attendant(this.store, this.directory, () => this.clock.now(), this.attendantDelayMs);
    this.calendar = this.newCalendar();
    this.load(seed);
  }

  private newStore(): Store {
    const store = new Store(this.directory, () => this.clock.now());
    store.onChange((change) => this.sync.record(change));
    store.onChange((change, at) => {
      if (!this.quiet) this.bus.publish(change, at);
    });
    return store;
  }

  private newCalendar(): Calendar {
    const meetings = new Meetings(this.store, this.directory, () => this.clock.now(), this.attendant);
    return new Calendar(this.store, this.directory, () => this.clock.now(), meetings);
  }

  private load(seed: SeedFile): void {
    for (const fault of seed.faults) this.faults.add(fault);
    this.quiet = true;
    try {
      seedContent(this.store, this.directory, seed, this.clock.now());
    } finally {
      this.quiet = false;
    }
  }

  private actor(smtp: string): Mailbox {
    return this.directory.require(smtp);
  }

  /** A folder the actor may read: its own, or another mailbox's with Reviewer default permission. */
  private readableFolder(actor: Mailbox, ref: FolderRef): FolderRecord {
    const folder = this.store.resolveFolder(actor, ref);
    if (folder.mailbox.smtp !== actor.smtp && folder.mailbox.calendarDefaultPermission !== 'Reviewer')
      throw accessDenied();
    return folder;
  }

  // directory -------------------------------------------------------------------------------------
  mailboxes(): readonly Mailbox[] {
    return this.directory.all();
  }
  findMailbox(smtp: string): Mailbox | undefined {
    return this.directory.find(smtp);
  }
  findMailboxByLogin(login: string): Mailbox | undefined {
    return this.directory.findByLogin(login);
  }
  findMailboxBySid(sid: string): Mailbox | undefined {
    return this.directory.findBySid(sid);
  }
  authenticate(login: string, password: string): Mailbox | undefined {
    return this.directory.authenticate(login, password);
  }
  roomLists(): readonly RoomList[] {
    return this.directory.roomLists();
  }
  rooms(roomListEmail: string): readonly EmailAddress[] {
    return this.directory.rooms(roomListEmail);
  }
  resolveNames(entry: string): readonly ResolvedName[] {
    return this.directory.resolveNames(entry);
  }

  findPeople(queryString: string): readonly FoundPerson[] {
    return this.directory.findPeople(queryString);
  }
  calendarProcessing(roomSmtp: string): CalendarProcessingSettings {
    return this.directory.calendarProcessing(roomSmtp);
  }
  setCalendarProcessing(roomSmtp: string, settings: Partial<CalendarProcessingSettings>): CalendarProcessingSettings {
    return this.directory.setCalendarProcessing(roomSmtp, settings);
  }

  // folders ---------------------------------------------------------------------------------------
  private folderView(folder: FolderRecord): Folder {
    const children = this.store.folders(folder.mailbox).filter((f) => f.parent === folder).length;
    return {
      folderId: { id: folder.id, changeKey: folder.changeKey },
      ...(folder.parent ? { parentFolderId: { id: folder.parent.id, changeKey: folder.parent.changeKey } } : {}),
      distinguishedName: folder.name,
      displayName: folder.displayName,
      ...(folder.folderClass ? { folderClass: folder.folderClass } : {}),
      totalCount: folder.items.size,
      childFolderCount: children,
      unreadCount: 0,
      mailbox: folder.mailbox.smtp,
    };
  }

  getFolder(actor: string, ref: FolderRef): Folder {
    return this.folderView(this.readableFolder(this.actor(actor), ref));
  }

  findFolders(actor: string, parent: FolderRef, traversal: 'Shallow' | 'Deep'): readonly Folder[] {
    const root = this.readableFolder(this.actor(actor), parent);
    const all = this.store.folders(root.mailbox);
    const isBelow = (f: FolderRecord): boolean => {
      for (let p = f.parent; p; p = traversal === 'Deep' ? p.parent : undefined) if (p === root) return true;
      return false;
    };
    return all.filter(isBelow).map((f) => this.folderView(f));
  }

  // items -----------------------------------------------------------------------------------------
  getItem(actor: string, ref: ItemRef): CalendarItem {
    return this.calendar.getItem(this.actor(actor), ref);
  }

  createCalendarItem(
    actor: string,
    folder: FolderRef | undefined,
    input: CalendarItemInput,
    mode: SendInvitationsMode,
  ): CalendarItem {
    return this.calendar.create(this.actor(actor), folder, input, mode);
  }

  updateItem(
    actor: string,
    ref: ItemRef,
    changes: readonly FieldChange[],
    options: { readonly conflictResolution: ConflictResolution; readonly sendMode: SendInvitationsOrCancellationsMode },
  ): CalendarItem {
    return this.calendar.update(this.actor(actor), ref, changes, options);
  }

  deleteItem(
    actor: string,
    ref: ItemRef,
    options: { readonly deleteType: DeleteType; readonly sendMeetingCancellations: SendCancellationsMode },
  ): void {
    this.calendar.delete(this.actor(actor), ref, options);
  }

  cancelCalendarItem(
    actor: string,
    ref: ItemRef,
    options: { readonly body?: Body; readonly mode: SendInvitationsMode },
  ): void {
    this.calendar.cancel(this.actor(actor), ref, options);
  }

  respondToItem(
    actor: string,
    ref: ItemRef,
    response: MeetingResponse,
    options: { readonly body?: Body; readonly mode: SendInvitationsMode },
  ): void {
    this.calendar.respond(this.actor(actor), ref, response, options);
  }

  findItems(actor: string, request: FindItemsRequest): FindItemsResult {
    const folder = this.readableFolder(this.actor(actor), request.folder);
    if (request.traversal === 'SoftDeleted' || request.traversal === 'Associated') {
      return { items: [], totalItemsInView: 0, includesLastItemInRange: true, indexedPagingOffset: 0 };
    }
    if (request.view?.kind === 'calendar') return calendarView(folder, request.view);
    return findInFolder(folder, request.restriction, request.sortOrder, request.view);
  }

  syncFolderItems(actor: string, request: SyncFolderItemsRequest): SyncFolderItemsResult {
    const folder = this.readableFolder(this.actor(actor), request.folder);
    return this.sync.sync(
      folder,
      request.syncState || undefined,
      request.maxChangesReturned,
      new Set(request.ignore ?? []),
    );
  }

  extendedPropertyValue(item: CalendarItem, key: ExtendedPropertyKey): ExtendedProperty | undefined {
    return extendedPropertyValue(item, key);
  }

  readCalendar(smtp: string): readonly CalendarItem[] {
    return this.calendar.readCalendar(this.actor(smtp));
  }

  // notifications ---------------------------------------------------------------------------------
  subscribe(actor: string, request: SubscribeRequest, creator?: string): Subscription {
    const mailbox = this.actor(actor);
    const folderIds = request.folders.map((ref) => {
      const folder = this.store.resolveFolder(mailbox, ref);
      if (folder.mailbox.smtp !== mailbox.smtp) throw accessDenied();
      return folder.id;
    });
    if (folderIds.length === 0 && !request.allFolders)
      throw new EwsError('ErrorInvalidSubscription', 'A subscription needs folders or SubscribeToAllFolders.');
    return this.bus.subscribe(
      mailbox.smtp,
      {
        kind: request.kind,
        folderIds,
        allFolders: request.allFolders ?? false,
        eventTypes: request.eventTypes,
        ...(request.timeoutMinutes !== undefined ? { timeoutMinutes: request.timeoutMinutes } : {}),
        ...(request.watermark !== undefined ? { watermark: request.watermark } : {}),
      },
      creator,
    );
  }

  getEvents(actor: string, subscriptionId: string, watermark: string, creator?: string): GetEventsResult {
    return this.bus.getEvents(this.actor(actor).smtp, subscriptionId, watermark, creator);
  }

  unsubscribe(actor: string, subscriptionId: string, creator?: string): void {
    this.bus.unsubscribe(this.actor(actor).smtp, subscriptionId, creator);
  }

  checkSubscription(actor: string, subscriptionId: string, creator?: string): Subscription {
    return this.bus.require(this.actor(actor).smtp, subscriptionId, creator).info;
  }

  attachStream(actor: string, subscriptionId: string, listener: StreamingListener, creator?: string): () => void {
    return this.bus.attach(this.actor(actor).smtp, subscriptionId, listener, creator);
  }

  // availability ----------------------------------------------------------------------------------
  getUserAvailability(request: AvailabilityRequest): readonly MailboxAvailability[] {
    return getAvailability(this.store, this.directory, request);
  }

  // faults, throttling, counters --------------------------------------------------------------------
  addFault(spec: FaultSpec): ActiveFault {
    return this.faults.add(spec);
  }
  clearFaults(): void {
    this.faults.clear();
  }
  activeFaults(): readonly ActiveFault[] {
    return this.faults.active();
  }
  decideFaults(request: {
    readonly operation: string;
    readonly account: string;
    readonly mailbox?: string;
  }): FaultDecision {
    return this.faults.decide(request);
  }
  invalidateSyncStates(mailbox?: string): void {
    this.sync.invalidate(mailbox?.toLowerCase());
  }
  acquireRequestSlot(account: string): (() => void) | undefined {
    return this.faults.acquire(account);
  }
  setConcurrencyLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1)
      throw new EwsError('ErrorInvalidArgument', 'The concurrency limit must be a positive integer.');
    this.faults.concurrencyLimit = limit;
  }
  concurrencyStats(): Readonly<Record<string, ConcurrencyStats>> {
    return this.faults.concurrencyStats();
  }
  resetConcurrencyStats(): void {
    this.faults.resetConcurrencyStats();
  }
  countRequest(operation: string, account: string): void {
    this.counter.count(operation, account);
  }
  requestCounts(): RequestCounts {
    return this.counter.snapshot();
  }
  resetRequestCounts(): void {
    this.counter.reset();
  }

  // lifecycle -------------------------------------------------------------------------------------
  whenIdle(): Promise<void> {
    return this.attendant.whenIdle();
  }

  setAttendantDelayMs(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new EwsError('ErrorInvalidArgument', 'The attendant delay must be a non-negative number.');
    this.attendantDelayMs = ms;
    this.attendant.delayMs = ms;
  }

  /** Attendant answers so far (tests and control API). */
  attendantLog(): readonly AttendantAnswer[] {
    return this.attendant.log;
  }

  reset(seed?: unknown): void {
    const next = seed === undefined ? this.seed : parseSeed(seed);
    this.attendant.cancelAll();
    this.generation += 1;
    this.seed = next;
    this.sync.reset(this.generation);
    this.bus.reset(this.generation);
    this.faults.clear();
    this.faults.concurrencyLimit = next.concurrencyLimit ?? this.options.concurrencyLimit ?? DEFAULT_CONCURRENCY_LIMIT;
    this.counter.reset();
    this.directory = new Directory(next);
    this.store = this.newStore();
    this.attendant = new Attendant(this.store, this.directory, () => this.clock.now(), this.attendantDelayMs);
    this.calendar = this.newCalendar();
    this.load(next);
  }

  dispose(): void {
    this.attendant.cancelAll();
  }
}

/** Builds a model from a parsed seed (see seed.ts for the format). */
export function createExchangeModel(seed: SeedFile, options?: ModelOptions): ExchangeModel {
  return new ExchangeModel(seed, options);
}
