import { randomBytes } from 'node:crypto';
import type {
  EpochMs,
  GetEventsResult,
  IdAndChangeKey,
  NotificationEvent,
  NotificationEventType,
  StreamingListener,
  Subscription,
} from './api';
import { EwsError } from './errors';
import type { FolderRecord } from './records';
import type { StoreChange } from './store';

/**
 * Push/pull/streaming subscriptions. Every store change becomes EWS events with a watermark;
 * subscriptions queue the events of the folders they watch. Streaming subscriptions with an
 * attached listener get them right after the change (batched per microtask).
 */

const STREAMING_IDLE_MS = 30 * 60_000;
const MAX_EVENTS_PER_GET = 50;
const HISTORY_LIMIT = 20_000;
const MAX_SUBSCRIPTIONS_PER_MAILBOX = 5000;

interface SequencedEvent {
  readonly seq: number;
  readonly mailbox: string;
  readonly folderIds: readonly string[];
  readonly event: NotificationEvent;
}

interface SubscriptionState {
  readonly info: Subscription;
  /** Logon account that created it (lower-case smtp), if the protocol told us. */
  readonly creator?: string;
  readonly folderIds: ReadonlySet<string>;
  readonly allFolders: boolean;
  readonly types: ReadonlySet<NotificationEventType>;
  readonly timeoutMs: number;
  expiresAt: EpochMs;
  queue: SequencedEvent[];
  lastSeq: number;
  listener?: StreamingListener;
  flushScheduled: boolean;
}

function folderRef(folder: FolderRecord): IdAndChangeKey {
  return { id: folder.id, changeKey: folder.changeKey };
}

export class NotificationBus {
  private seq = 0;
  private generation: number;
  private readonly subs = new Map<string, SubscriptionState>();
  /** The same subscriptions by mailbox: an event only looks at its own mailbox's (thousands of rooms subscribe). */
  private readonly subsOfMailbox = new Map<string, Set<SubscriptionState>>();
  private history: SequencedEvent[] = [];

  constructor(
    private readonly now: () => EpochMs,
    generation: number,
  ) {
    this.generation = generation;
  }

  reset(generation: number): void {
    this.generation = generation;
    this.subs.clear();
    this.subsOfMailbox.clear();
    this.history = [];
    this.seq = 0;
  }

  watermark(seq: number): string {
    const buf = Buffer.alloc(13);
    buf[0] = 1;
    buf.writeUInt32BE(this.generation, 1);
    buf.writeBigUInt64BE(BigInt(seq), 5);
    return buf.toString('base64');
  }

  private parseWatermark(text: string): number {
    const buf = Buffer.from(text, 'base64');
    if (buf.length !== 13 || buf[0] !== 1 || buf.readUInt32BE(1) !== this.generation) {
      throw new EwsError('ErrorInvalidWatermark', 'The watermark is invalid.');
    }
    const seq = Number(buf.readBigUInt64BE(5));
    if (seq > this.seq) throw new EwsError('ErrorInvalidWatermark', 'The watermark is invalid.');
    return seq;
  }

  /** Turns a store change into events and hands them to the subscriptions watching. */
  publish(change: StoreChange, at: EpochMs): void {
    const item = change.item;
    const itemId = { id: item.id, changeKey: item.changeKey };
    const folder = change.folder;
    const events: { event: Omit<NotificationEvent, 'watermark'>; folders: FolderRecord[] }[] = [];
    const folderModified = (f: FolderRecord): void => {
      events.push({
        event: {
          type: 'ModifiedEvent',
          timeStamp: at,
          folderId: folderRef(f),
          parentFolderId: f.parent ? folderRef(f.parent) : folderRef(f),
          unreadCount: 0,
        },
        folders: [f],
      });
    };
    switch (change.kind) {
      case 'created':
        events.push({
          event: { type: 'CreatedEvent', timeStamp: at, itemId, parentFolderId: folderRef(folder) },
          folders: [folder],
        });
        folderModified(folder);
        break;
      case 'modified':
        events.push({
          event: { type: 'ModifiedEvent', timeStamp: at, itemId, parentFolderId: folderRef(folder) },
          folders: [folder],
        });
        break;
      case 'deleted':
        events.push({
          event: { type: 'DeletedEvent', timeStamp: at, itemId, parentFolderId: folderRef(folder) },
          folders: [folder],
        });
        folderModified(folder);
        break;
      case 'moved':
        events.push({
          event: {
            type: 'MovedEvent',
            timeStamp: at,
            itemId,
            parentFolderId: folderRef(folder),
            oldItemId: { id: change.oldId, changeKey: change.oldChangeKey },
            oldParentFolderId: folderRef(change.oldFolder),
          },
          folders: [folder, change.oldFolder],
        });
        folderModified(change.oldFolder);
        folderModified(folder);
        break;
    }
    const calendarFolder =
      change.kind === 'moved'
        ? change.oldFolder.name === 'calendar'
          ? change.oldFolder
          : undefined
        : folder.name === 'calendar'
          ? folder
          : undefined;
    const freeBusy = change.kind === 'moved' || change.freeBusy;
    if (calendarFolder && freeBusy) {
      events.push({
        event: { type: 'FreeBusyChangedEvent', timeStamp: at, itemId, parentFolderId: folderRef(folder) },
        folders: [calendarFolder],
      });
    }
    for (const e of events)
      this.dispatch(
        item.mailbox.smtp,
        e.folders.map((f) => f.id),
        e.event,
      );
  }

  private dispatch(mailbox: string, folderIds: readonly string[], event: Omit<NotificationEvent, 'watermark'>): void {
    this.seq += 1;
    const sequenced: SequencedEvent = {
      seq: this.seq,
      mailbox,
      folderIds,
      event: { ...event, watermark: this.watermark(this.seq) },
    };
    this.history.push(sequenced);
    if (this.history.length > 2 * HISTORY_LIMIT) this.history = this.history.slice(-HISTORY_LIMIT);
    for (const sub of this.subsOfMailbox.get(mailbox) ?? []) {
      if (this.expired(sub)) this.remove(sub);
      else if (this.wants(sub, sequenced)) this.enqueue(sub, sequenced);
    }
  }

  /** A subscription nobody reads or streams past its timeout is gone, as Exchange drops it. */
  private expired(sub: SubscriptionState): boolean {
    return !sub.listener && this.now() > sub.expiresAt;
  }

  private add(sub: SubscriptionState): void {
    this.subs.set(sub.info.subscriptionId, sub);
    const ofMailbox = this.subsOfMailbox.get(sub.info.mailbox) ?? new Set<SubscriptionState>();
    ofMailbox.add(sub);
    this.subsOfMailbox.set(sub.info.mailbox, ofMailbox);
  }

  private remove(sub: SubscriptionState): void {
    this.subs.delete(sub.info.subscriptionId);
    const ofMailbox = this.subsOfMailbox.get(sub.info.mailbox);
    ofMailbox?.delete(sub);
    if (ofMailbox?.size === 0) this.subsOfMailbox.delete(sub.info.mailbox);
  }

  private wants(sub: SubscriptionState, e: SequencedEvent): boolean {
    if (e.mailbox !== sub.info.mailbox || !sub.types.has(e.event.type)) return false;
    return sub.allFolders || e.folderIds.some((id) => sub.folderIds.has(id));
  }

  private enqueue(sub: SubscriptionState, e: SequencedEvent): void {
    sub.queue.push(e);
    if (sub.listener && !sub.flushScheduled) {
      sub.flushScheduled = true;
      queueMicrotask(() => this.flush(sub));
    }
  }

  private flush(sub: SubscriptionState): void {
    sub.flushScheduled = false;
    const listener = sub.listener;
    if (!listener || sub.queue.length === 0 || !this.subs.has(sub.info.subscriptionId)) return;
    const events = sub.queue.map((e) => e.event);
    const last = sub.queue[sub.queue.length - 1];
    if (last) sub.lastSeq = last.seq;
    sub.queue = [];
    listener(sub.info.subscriptionId, events);
  }

  subscribe(
    mailbox: string,
    request: {
      kind: 'streaming' | 'pull';
      folderIds: readonly string[];
      allFolders: boolean;
      eventTypes: readonly NotificationEventType[];
      timeoutMinutes?: number;
      watermark?: string;
    },
    creator?: string,
  ): Subscription {
    if (request.eventTypes.length === 0)
      throw new EwsError('ErrorInvalidSubscription', 'At least one event type is required.');
    if ((this.subsOfMailbox.get(mailbox)?.size ?? 0) >= MAX_SUBSCRIPTIONS_PER_MAILBOX) {
      throw new EwsError('ErrorInvalidSubscription', 'Too many subscriptions.');
    }
    const timeoutMinutes = request.timeoutMinutes ?? 30;
    if (request.kind === 'pull' && (!Number.isInteger(timeoutMinutes) || timeoutMinutes < 1 || timeoutMinutes > 1440)) {
      throw new EwsError('ErrorInvalidSubscription', 'Timeout must be within 1..1440 minutes.');
    }
    const since = request.watermark ? this.parseWatermark(request.watermark) : this.seq;
    const oldest = this.history[0];
    if (request.watermark && oldest && since < oldest.seq - 1)
      throw new EwsError('ErrorInvalidWatermark', 'The watermark has expired.');
    const subscriptionId = randomBytes(24).toString('base64').replace(/[+/=]/g, 'A');
    const timeoutMs = request.kind === 'pull' ? timeoutMinutes * 60_000 : STREAMING_IDLE_MS;
    const state: SubscriptionState = {
      info: { subscriptionId, kind: request.kind, mailbox, watermark: this.watermark(since) },
      ...(creator ? { creator: creator.toLowerCase() } : {}),
      folderIds: new Set(request.folderIds),
      allFolders: request.allFolders,
      types: new Set(request.eventTypes),
      timeoutMs,
      expiresAt: this.now() + timeoutMs,
      queue: [],
      lastSeq: since,
      flushScheduled: false,
    };
    for (const e of this.history) if (e.seq > since && this.wants(state, e)) state.queue.push(e);
    this.add(state);
    return state.info;
  }

  /** The live subscription or ErrorSubscriptionNotFound (also after expiry). */
  require(mailbox: string, subscriptionId: string, creator?: string): SubscriptionState {
    const sub = this.subs.get(subscriptionId);
    if (!sub) throw new EwsError('ErrorSubscriptionNotFound', 'The specified subscription was not found.');
    if (this.expired(sub)) {
      this.remove(sub);
      throw new EwsError('ErrorSubscriptionNotFound', 'The specified subscription was not found.');
    }
    const byCreator = creator !== undefined && sub.creator === creator.toLowerCase();
    if (sub.info.mailbox !== mailbox && !byCreator)
      throw new EwsError('ErrorAccessDenied', 'The subscription belongs to another mailbox.');
    return sub;
  }

  getEvents(mailbox: string, subscriptionId: string, watermark: string, creator?: string): GetEventsResult {
    const sub = this.require(mailbox, subscriptionId, creator);
    if (sub.info.kind !== 'pull')
      throw new EwsError('ErrorInvalidSubscription', 'GetEvents needs a pull subscription.');
    const since = this.parseWatermark(watermark);
    sub.queue = sub.queue.filter((e) => e.seq > since);
    const page = sub.queue.slice(0, MAX_EVENTS_PER_GET);
    sub.expiresAt = this.now() + sub.timeoutMs;
    const last = page[page.length - 1];
    return {
      subscriptionId,
      previousWatermark: watermark,
      moreEvents: sub.queue.length > page.length,
      events: page.map((e) => e.event),
      statusWatermark: last ? last.event.watermark : this.watermark(Math.max(since, this.seq)),
    };
  }

  unsubscribe(mailbox: string, subscriptionId: string, creator?: string): void {
    this.remove(this.require(mailbox, subscriptionId, creator));
  }

  attach(mailbox: string, subscriptionId: string, listener: StreamingListener, creator?: string): () => void {
    const sub = this.require(mailbox, subscriptionId, creator);
    if (sub.info.kind !== 'streaming')
      throw new EwsError('ErrorInvalidSubscription', 'GetStreamingEvents needs a streaming subscription.');
    sub.listener = listener;
    if (sub.queue.length > 0 && !sub.flushScheduled) {
      sub.flushScheduled = true;
      queueMicrotask(() => this.flush(sub));
    }
    return () => {
      if (sub.listener === listener) {
        delete sub.listener;
        sub.expiresAt = this.now() + sub.timeoutMs;
      }
    };
  }
}
