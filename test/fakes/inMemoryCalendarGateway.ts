import {
  GatewayError,
  type CalendarChangePage,
  type CalendarGateway,
  type CalendarStream,
  type GatewayErrorKind,
  type MeetingRef,
  type OrganizerDetails,
  type RemoteItemHeader,
  type RoomMailbox,
  type RoomMailboxCheck,
  type StreamHandlers,
  type TimeWindow,
} from '../../server/ports/calendarGateway';
import type { Attendee, Participant, RemoteOccurrence } from '../../server/domain/sync/remoteCalendar';

/**
 * A hand-written CalendarGateway over in-memory room calendars. Tests change the calendars the way
 * Outlook users would, and flip switches: fail the next call, invalidate sync states, drop streams.
 */

export type GatewayOperation =
  | 'checkRoomMailbox'
  | 'listRoomMailboxes'
  | 'syncCalendarChanges'
  | 'roomItemDetails'
  | 'calendarView'
  | 'organizerDetails'
  | 'organizerCalendar'
  | 'openStream'
  | 'openPullStream';

export interface FakeInstance {
  readonly start: string;
  readonly end: string;
  /** The occurrence's original start; omit for a single meeting. */
  readonly originalStart?: string;
  readonly isCancelled?: boolean;
  /** An exception's own overrides of the room copy. */
  readonly subject?: string;
}

export interface FakeMeeting {
  /** The room mailbox's ItemId of the single item or the series master. */
  readonly itemId: string;
  readonly cleanGlobalObjectId: string;
  readonly uid?: string;
  readonly organizer: Participant;
  /** What the room's copy shows (the attendant usually puts the organizer's name here). */
  readonly subject: string;
  readonly location?: string;
  readonly description?: string;
  readonly attendees?: readonly Attendee[];
  readonly joinOnlineMeetingUrl?: string | null;
  readonly isCancelled?: boolean;
  /** One instance for a single meeting; several (with originalStart) for a series. */
  readonly instances: readonly FakeInstance[];
}

interface StoredMeeting extends FakeMeeting {
  readonly changeKey: string;
}

interface Change {
  readonly itemId: string;
  readonly deleted: boolean;
}

interface Mailbox {
  readonly items: Map<string, StoredMeeting>;
  readonly log: Change[];
  /** Sync states of an older generation are refused as invalid. */
  generation: number;
}

interface OpenStream {
  readonly mailboxes: Set<string>;
  readonly handlers: StreamHandlers;
  closed: boolean;
}

const SYNC_PREFIX = 'fake-sync:';

export class InMemoryCalendarGateway implements CalendarGateway {
  private readonly mailboxes = new Map<string, Mailbox>();
  private readonly organizerCopies = new Map<string, OrganizerDetails[]>();
  private readonly unreachableOrganizers = new Set<string>();
  private readonly failures: { operation: GatewayOperation | '*'; error: GatewayError }[] = [];
  private readonly failingMailboxes = new Map<string, GatewayError>();
  private readonly streams: OpenStream[] = [];
  private streamOpensHeld: Promise<void> | null = null;
  private changeCounter = 0;
  readonly calls = new Map<GatewayOperation, number>();
  /** When false, openStream fails as if streaming were refused. */
  streamingAvailable = true;
  /** When false, openPullStream fails too. */
  pullAvailable = true;
  /** The poll interval of every pull stream opened so far. */
  readonly pullIntervals: number[] = [];

  private mailbox(email: string): Mailbox {
    const key = email.toLowerCase();
    let found = this.mailboxes.get(key);
    if (!found) {
      found = { items: new Map(), log: [], generation: 0 };
      this.mailboxes.set(key, found);
    }
    return found;
  }

  // ---- what Outlook users and admins do -------------------------------------------------------

  addRoomMailbox(email: string): void {
    this.mailbox(email);
  }

  /** Creates or changes a meeting in a room's calendar (a new change key each time). */
  putMeeting(roomEmail: string, meeting: FakeMeeting): void {
    const box = this.mailbox(roomEmail);
    this.changeCounter += 1;
    box.items.set(meeting.itemId, { ...meeting, changeKey: `CK${this.changeCounter}` });
    box.log.push({ itemId: meeting.itemId, deleted: false });
    this.notify(roomEmail);
  }

  removeMeeting(roomEmail: string, itemId: string): void {
    const box = this.mailbox(roomEmail);
    box.items.delete(itemId);
    box.log.push({ itemId, deleted: true });
    this.notify(roomEmail);
  }

  meetingsOf(roomEmail: string): StoredMeeting[] {
    return [...this.mailbox(roomEmail).items.values()];
  }

  setOrganizerCopy(organizerEmail: string, details: readonly OrganizerDetails[]): void {
    const key = organizerEmail.toLowerCase();
    const others = (this.organizerCopies.get(key) ?? []).filter(
      (d) => !details.some((n) => n.cleanGlobalObjectId === d.cleanGlobalObjectId),
    );
    this.organizerCopies.set(key, [...others, ...details]);
  }

  makeOrganizerUnreachable(organizerEmail: string): void {
    this.unreachableOrganizers.add(organizerEmail.toLowerCase());
  }

  // ---- switches ----------------------------------------------------------------------------------

  /** The next call of `operation` (or of any operation) fails with this kind. */
  failNext(
    operation: GatewayOperation | '*',
    kind: GatewayErrorKind,
    options: { retryAfterMs?: number; serverCode?: string } = {},
  ): void {
    this.failures.push({
      operation,
      error: new GatewayError(kind, `simulated ${kind}`, options.serverCode, options.retryAfterMs),
    });
  }

  /** Every call on this mailbox's calendar fails with this kind until `healMailbox`. */
  failMailbox(roomEmail: string, kind: GatewayErrorKind): void {
    this.failingMailboxes.set(roomEmail.toLowerCase(), new GatewayError(kind, `simulated ${kind}`));
  }

  healMailbox(roomEmail: string): void {
    this.failingMailboxes.delete(roomEmail.toLowerCase());
  }

  /** Every sync state handed out so far for this mailbox becomes ErrorInvalidSyncStateData. */
  invalidateSyncStates(roomEmail: string): void {
    this.mailbox(roomEmail).generation += 1;
  }

  /** Ends every open stream as a dropped connection would; returns how many. */
  dropStreams(): number {
    const open = this.streams.filter((s) => !s.closed);
    for (const stream of open) {
      stream.closed = true;
      stream.handlers.onClosed(new GatewayError('transient', 'stream dropped'));
    }
    return open.length;
  }

  /**
   * Subscriptions opened from now on exist only once `release` is called, as when Exchange is slow
   * to answer Subscribe: a change made meanwhile is never notified on them.
   */
  holdStreamOpens(): () => void {
    let release: () => void = () => undefined;
    this.streamOpensHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    return () => {
      this.streamOpensHeld = null;
      release();
    };
  }

  openStreamCount(): number {
    return this.streams.filter((s) => !s.closed).length;
  }

  callCount(operation: GatewayOperation): number {
    return this.calls.get(operation) ?? 0;
  }

  resetCallCounts(): void {
    this.calls.clear();
  }

  private enter(operation: GatewayOperation, mailbox?: string): void {
    this.calls.set(operation, this.callCount(operation) + 1);
    const mailboxFailure = mailbox === undefined ? undefined : this.failingMailboxes.get(mailbox.toLowerCase());
    if (mailboxFailure) throw mailboxFailure;
    const index = this.failures.findIndex((f) => f.operation === operation || f.operation === '*');
    if (index >= 0) {
      const [failure] = this.failures.splice(index, 1);
      if (failure) throw failure.error;
    }
  }

  private notify(roomEmail: string): void {
    const key = roomEmail.toLowerCase();
    for (const stream of this.streams) if (!stream.closed && stream.mailboxes.has(key)) stream.handlers.onChange(key);
  }

  // ---- CalendarGateway ---------------------------------------------------------------------------

  checkRoomMailbox(email: string): Promise<RoomMailboxCheck> {
    this.enter('checkRoomMailbox');
    return Promise.resolve(
      this.mailboxes.has(email.toLowerCase())
        ? { ok: true, displayName: email }
        : { ok: false, reason: 'no-such-mailbox', message: `No mailbox ${email}` },
    );
  }

  listRoomMailboxes(): Promise<RoomMailbox[]> {
    this.enter('listRoomMailboxes');
    return Promise.resolve([...this.mailboxes.keys()].map((email) => ({ email, name: email, roomList: 'All rooms' })));
  }

  syncCalendarChanges(mailbox: string, syncState: string | null, maxChanges: number): Promise<CalendarChangePage> {
    this.enter('syncCalendarChanges', mailbox);
    const box = this.mailbox(mailbox);
    // A state is `<generation>:<log position>`, or `<generation>:<log position>:<offset>` while the
    // first sync is still listing what existed when it began.
    let position = box.log.length;
    let initialOffset: number | null = 0;
    if (syncState !== null) {
      const parts = syncState.startsWith(SYNC_PREFIX) ? syncState.slice(SYNC_PREFIX.length).split(':').map(Number) : [];
      const [generation, at, offset] = parts;
      if (generation !== box.generation || at === undefined || !Number.isInteger(at) || at > box.log.length)
        return Promise.reject(
          new GatewayError('invalid-sync-state', 'ErrorInvalidSyncStateData', 'ErrorInvalidSyncStateData'),
        );
      position = at;
      initialOffset = offset ?? null;
    }
    const pending: Change[] =
      initialOffset === null
        ? box.log.slice(position)
        : [...box.items.keys()].slice(initialOffset).map((itemId) => ({ itemId, deleted: false }));
    const page = pending.slice(0, maxChanges);
    const complete = page.length === pending.length;
    const next =
      initialOffset === null
        ? `${position + page.length}`
        : complete
          ? `${position}`
          : `${position}:${initialOffset + page.length}`;
    const lastOf = new Map<string, boolean>();
    for (const change of page) lastOf.set(change.itemId, change.deleted);
    const changedIds = [...lastOf].filter(([, deleted]) => !deleted).map(([id]) => id);
    return Promise.resolve({
      changed: this.headersOf(box, changedIds),
      deletedItemIds: [...lastOf].filter(([, deleted]) => deleted).map(([id]) => id),
      syncState: `${SYNC_PREFIX}${box.generation}:${next}`,
      complete,
    });
  }

  private headersOf(box: Mailbox, itemIds: readonly string[]): RemoteItemHeader[] {
    return itemIds.flatMap((id): RemoteItemHeader[] => {
      const m = box.items.get(id);
      const first = m?.instances[0];
      const last = m?.instances[m.instances.length - 1];
      if (!m || !first || !last) return [];
      return [
        {
          itemId: m.itemId,
          changeKey: m.changeKey,
          cleanGlobalObjectId: m.cleanGlobalObjectId,
          uid: m.uid ?? m.cleanGlobalObjectId,
          kind: m.instances.some((i) => i.originalStart !== undefined) ? 'recurring-master' : 'single',
          start: new Date(first.start),
          end: new Date(last.end),
          organizer: m.organizer,
          isCancelled: m.isCancelled ?? false,
          subject: m.subject,
          location: m.location ?? '',
        },
      ];
    });
  }

  roomItemDetails(mailbox: string, itemIds: readonly string[]): Promise<RemoteOccurrence[]> {
    this.enter('roomItemDetails', mailbox);
    const wanted = new Set(itemIds);
    const everything = { start: new Date(-8.64e15), end: new Date(8.64e15) };
    return Promise.resolve(
      this.occurrences(mailbox, everything).filter((o) => o.recurringMasterId === null && wanted.has(o.itemId)),
    );
  }

  calendarView(mailbox: string, window: TimeWindow, onlyMeetings?: readonly string[]): Promise<RemoteOccurrence[]> {
    this.enter('calendarView', mailbox);
    return Promise.resolve(this.occurrences(mailbox, window, onlyMeetings));
  }

  private occurrences(mailbox: string, window: TimeWindow, onlyMeetings?: readonly string[]): RemoteOccurrence[] {
    const only = onlyMeetings ? new Set(onlyMeetings) : null;
    const out: RemoteOccurrence[] = [];
    for (const m of this.mailbox(mailbox).items.values()) {
      if (only && !only.has(m.cleanGlobalObjectId)) continue;
      m.instances.forEach((instance, index) => {
        const start = new Date(instance.start);
        const end = new Date(instance.end);
        if (start >= window.end || end <= window.start) return;
        const isSeries = instance.originalStart !== undefined;
        out.push({
          cleanGlobalObjectId: m.cleanGlobalObjectId,
          uid: m.uid ?? m.cleanGlobalObjectId,
          originalStart: isSeries && instance.originalStart ? new Date(instance.originalStart) : null,
          start,
          end,
          itemId: isSeries ? `${m.itemId}#${index}` : m.itemId,
          changeKey: m.changeKey,
          recurringMasterId: isSeries ? m.itemId : null,
          isCancelled: (m.isCancelled ?? false) || (instance.isCancelled ?? false),
          subject: instance.subject ?? m.subject,
          description: m.description ?? '',
          location: m.location ?? '',
          isPrivate: false,
          organizer: m.organizer,
          attendees: m.attendees ?? [],
          joinOnlineMeetingUrl: m.joinOnlineMeetingUrl ?? null,
          detailSource: 'room',
        });
      });
    }
    out.sort((a, b) => a.start.getTime() - b.start.getTime());
    return out;
  }

  organizerDetails(
    organizerEmail: string,
    meetings: readonly MeetingRef[],
    _window: TimeWindow,
  ): Promise<OrganizerDetails[] | null> {
    this.enter('organizerDetails');
    const key = organizerEmail.toLowerCase();
    if (this.unreachableOrganizers.has(key)) return Promise.resolve(null);
    const wanted = new Set(meetings.map((m) => m.cleanGlobalObjectId));
    return Promise.resolve((this.organizerCopies.get(key) ?? []).filter((d) => wanted.has(d.cleanGlobalObjectId)));
  }

  organizerCalendar(organizerEmail: string, _window: TimeWindow): Promise<OrganizerDetails[] | null> {
    this.enter('organizerCalendar');
    const key = organizerEmail.toLowerCase();
    if (this.unreachableOrganizers.has(key)) return Promise.resolve(null);
    return Promise.resolve([...(this.organizerCopies.get(key) ?? [])]);
  }

  openStream(mailboxes: readonly string[], handlers: StreamHandlers): Promise<CalendarStream> {
    this.enter('openStream');
    if (!this.streamingAvailable) return Promise.reject(new GatewayError('bad-request', 'streaming refused'));
    return this.listen(mailboxes, handlers);
  }

  /** Pull subscriptions deliver the same hints as a stream here; the interval is recorded, not waited. */
  openPullStream(mailboxes: readonly string[], handlers: StreamHandlers, intervalMs: number): Promise<CalendarStream> {
    this.enter('openPullStream');
    if (!this.pullAvailable) return Promise.reject(new GatewayError('bad-request', 'pull subscriptions refused'));
    this.pullIntervals.push(intervalMs);
    return this.listen(mailboxes, handlers);
  }

  private async listen(mailboxes: readonly string[], handlers: StreamHandlers): Promise<CalendarStream> {
    if (this.streamOpensHeld) await this.streamOpensHeld;
    const stream: OpenStream = { mailboxes: new Set(mailboxes.map((m) => m.toLowerCase())), handlers, closed: false };
    this.streams.push(stream);
    return {
      mailboxes: [...mailboxes],
      close: () => {
        stream.closed = true;
        return Promise.resolve();
      },
    };
  }
}
