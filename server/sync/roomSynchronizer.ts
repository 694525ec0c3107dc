import {
  fieldsOf,
  reconcile,
  type BookingCancellation,
  type ReconcilePlan,
  type StoredBooking,
} from '../domain/sync/reconcile';
import type { RemoteOccurrence } from '../domain/sync/remoteCalendar';
import { GatewayError, type CalendarGateway, type RemoteItemHeader, type TimeWindow } from '../ports/calendarGateway';
import type { Clock } from '../ports/clock';
import type { AppliedPlan, ConnectedRoom, SyncStore, SyncTransaction } from '../ports/syncStore';
import { DEFAULT_HORIZON, horizonWindow, type Horizon } from './horizon';
import type { SyncMode } from './observer';
import { overlaps, singleFromHeader } from './changedItems';
import { createOrganizerBatcher, type OrganizerLookup } from './organizerBatcher';
import { organizerCopiesOnce, withOrganizerDetails } from './organizerCopies';
import { keepOrganizerDetails, occurrenceOf, reuseUnchangedDetails } from './unchangedCopies';

export interface RoomSynchronizerDeps {
  readonly gateway: CalendarGateway;
  readonly store: SyncStore;
  readonly clock: Clock;
  readonly horizon?: Horizon;
  /** MaxChangesReturned of SyncFolderItems (1..512). */
  readonly pageSize?: number;
}

export interface RoomSyncOutcome {
  readonly mode: SyncMode;
  readonly pages: number;
  readonly created: number;
  readonly updated: number;
  readonly cancelled: number;
  readonly conflicts: number;
  /** Every booking this pass created, changed or cancelled (committed), for listeners such as catering. */
  readonly changedBookingIds: readonly string[];
  /** Bookings this pass wrote from headers alone (phase 1): the room wants phase 2. */
  readonly detailsPending: number;
}

export interface DetailsOutcome {
  /** Bookings that got their organizer's (or the room's full) details. */
  readonly filled: number;
  /** Pending bookings left as they are: a live change rewrote them meanwhile. */
  readonly skipped: number;
  readonly changedBookingIds: readonly string[];
}

/** Phase 2 of one room among several filled together: its outcome, or why it failed. */
export type RoomDetails =
  | { readonly room: ConnectedRoom; readonly outcome: DetailsOutcome }
  | { readonly room: ConnectedRoom; readonly error: unknown };

export interface RoomSynchronizer {
  /**
   * Brings one room's bookings in step with its Exchange calendar. `full` also reconciles the whole
   * horizon (the daily pass). Throws GatewayError when Exchange fails; nothing half-done is kept.
   */
  syncRoom(room: ConnectedRoom, options?: { full?: boolean }): Promise<RoomSyncOutcome>;
  /**
   * Phase 2 of a first sync: reads the organizers' copies of the room's bookings whose details are
   * pending and writes their subject, body, privacy, attendees and online link. A booking a live
   * change rewrote meanwhile is left alone. Throws GatewayError when Exchange fails.
   */
  fillDetails(room: ConnectedRoom): Promise<DetailsOutcome>;
  /**
   * Phase 2 of several rooms together: each organizer is asked once for all these rooms' pending
   * meetings (not once per room). A room that fails says so in its entry; the others go on.
   */
  fillDetailsOfRooms(rooms: readonly ConnectedRoom[]): Promise<RoomDetails[]>;
}

interface AwaitingDetails {
  readonly room: ConnectedRoom;
  readonly pending: readonly StoredBooking[];
  readonly occurrences: readonly RemoteOccurrence[];
}

/** What a pass read from Exchange: the occurrences of the horizon, some of them headers only. */
interface Listed {
  readonly window: TimeWindow;
  readonly occurrences: readonly RemoteOccurrence[];
  /** Items known only by their SyncFolderItems header (no body, no attendees). */
  readonly headerOnly: ReadonlySet<string>;
}

interface Applied extends Omit<AppliedPlan, 'createdBookingIds'> {
  readonly changedBookingIds: readonly string[];
  readonly detailsPending: number;
}

const EMPTY: Applied = {
  created: 0,
  updated: 0,
  cancelled: 0,
  conflicts: 0,
  changedBookingIds: [],
  detailsPending: 0,
};

const add = (a: Applied, b: Applied): Applied => ({
  created: a.created + b.created,
  updated: a.updated + b.updated,
  cancelled: a.cancelled + b.cancelled,
  conflicts: a.conflicts + b.conflicts,
  changedBookingIds: [...new Set([...a.changedBookingIds, ...b.changedBookingIds])],
  detailsPending: a.detailsPending + b.detailsPending,
});

/** Applies the plan and names the bookings it touched, the created ones as the store inserted or adopted them. */
async function applyAndName(tx: SyncTransaction, roomId: string, plan: ReconcilePlan): Promise<Applied> {
  const { createdBookingIds, ...counts } = await tx.applyPlan(roomId, plan);
  const changedBookingIds = [
    ...new Set([...plan.update.map((u) => u.bookingId), ...plan.cancel.map((c) => c.bookingId), ...createdBookingIds]),
  ];
  const written = [...plan.create, ...plan.update.map((u) => u.fields)];
  return { ...counts, changedBookingIds, detailsPending: written.filter((f) => f.detailsPending).length };
}

export function createRoomSynchronizer(deps: RoomSynchronizerDeps): RoomSynchronizer {
  const pageSize = deps.pageSize ?? 512;
  const horizon = deps.horizon ?? DEFAULT_HORIZON;
  const { gateway, store } = deps;
  // Full passes of many rooms at once share their organizer lookups.
  const batchedLookup = createOrganizerBatcher(gateway);

  /**
   * Every item of the room's calendar, as SyncFolderItems lists it from the start, and the state
   * after it. The headers are all a single meeting needs; only series are expanded further.
   */
  async function listFromStart(room: ConnectedRoom): Promise<{ state: string; pages: number; items: Listed }> {
    let state: string | null = null;
    const headers = new Map<string, RemoteItemHeader>();
    for (let pages = 1; ; pages += 1) {
      const page = await gateway.syncCalendarChanges(room.mailbox, state, pageSize);
      for (const id of page.deletedItemIds) headers.delete(id);
      for (const header of page.changed) headers.set(header.itemId, header);
      state = page.syncState;
      if (page.complete) return { state, pages, items: await expand(room, [...headers.values()]) };
    }
  }

  /** Headers as occurrences of the horizon: singles as they are, series through the calendar view. */
  async function expand(room: ConnectedRoom, headers: readonly RemoteItemHeader[]): Promise<Listed> {
    const window = horizonWindow(deps.clock.now(), horizon);
    const singles = headers.filter((h) => h.kind === 'single' && overlaps(h, window)).map(singleFromHeader);
    const series = [...new Set(headers.filter((h) => h.kind === 'recurring-master').map((h) => h.cleanGlobalObjectId))];
    const view = series.length > 0 ? await gateway.calendarView(room.mailbox, window, series) : [];
    return { window, occurrences: [...view, ...singles], headerOnly: new Set(singles.map((o) => o.itemId)) };
  }

  /**
   * Reconciles the whole horizon against every Exchange-linked booking of the room in it. With
   * `detailsLater` (a first sync or a resync: phase 1) nothing is asked of the organizers: what
   * changed is written from the room's copy and marked pending, for phase 2 (`fillDetails`).
   */
  async function reconcileWindow(
    room: ConnectedRoom,
    syncState: string,
    listed: Listed,
    detailsLater = false,
  ): Promise<Applied> {
    const { window } = listed;
    // Phase 1 asks Exchange nothing more: one transaction reads, reconciles and writes.
    if (detailsLater)
      return store.transaction(async (tx) => {
        const stored = await tx.bookingsInWindow(room.roomId, window);
        const { reused, fresh } = reuseUnchangedDetails(listed.occurrences, stored);
        const remote = [...reused, ...fresh.map((o) => ({ ...o, detailsPending: !o.isCancelled }))];
        return commitWindow(tx, room, syncState, stored, remote);
      });
    // The organizers are asked outside any transaction; the bookings are read again inside it.
    const before = await store.transaction((tx) => tx.bookingsInWindow(room.roomId, window));
    const { reused, fresh } = reuseUnchangedDetails(listed.occurrences, before);
    const detailed = await withOrganizerDetails(gateway, room.mailbox, fresh, window, {
      lookup: batchedLookup,
      headerOnly: listed.headerOnly,
    });
    return store.transaction(async (tx) => {
      const stored = await tx.bookingsInWindow(room.roomId, window);
      return commitWindow(tx, room, syncState, stored, [...reused, ...detailed]);
    });
  }

  async function commitWindow(
    tx: SyncTransaction,
    room: ConnectedRoom,
    syncState: string,
    stored: readonly StoredBooking[],
    remote: readonly RemoteOccurrence[],
  ): Promise<Applied> {
    const plan = reconcile(keepOrganizerDetails(remote, stored), stored);
    const applied = await applyAndName(tx, room.roomId, plan);
    await tx.saveSyncState(room.roomId, room.mailbox, syncState, { at: deps.clock.now(), full: true });
    return applied;
  }

  /** The whole horizon as the calendar view shows it (the daily pass: it catches what the feed missed). */
  async function viewOfHorizon(room: ConnectedRoom): Promise<Listed> {
    const window = horizonWindow(deps.clock.now(), horizon);
    return { window, occurrences: await gateway.calendarView(room.mailbox, window), headerOnly: new Set() };
  }

  async function fullSync(room: ConnectedRoom, mode: SyncMode): Promise<RoomSyncOutcome> {
    // The state comes with the listing: whatever changes after it is in the next sync.
    const { state, pages, items } = await listFromStart(room);
    const applied = await reconcileWindow(room, state, items, true);
    return { mode, pages, ...applied };
  }

  async function awaitingDetails(room: ConnectedRoom): Promise<AwaitingDetails> {
    const pending = await store.transaction((tx) => tx.bookingsAwaitingDetails(room.roomId));
    return { room, pending, occurrences: pending.map(occurrenceOf) };
  }

  async function fillRoom(
    awaiting: AwaitingDetails,
    window: TimeWindow,
    lookup: OrganizerLookup,
  ): Promise<DetailsOutcome> {
    const { room, pending, occurrences } = awaiting;
    if (pending.length === 0) return { filled: 0, skipped: 0, changedBookingIds: [] };
    // Singles were written from SyncFolderItems headers: without a reachable organizer, the room's full copy.
    const headerOnly = new Set(
      pending.filter((b) => !b.isOccurrence && b.detailSource === 'room').map((b) => b.ewsItemId),
    );
    const detailed = await withOrganizerDetails(gateway, room.mailbox, occurrences, window, { lookup, headerOnly });
    const fills = pending.flatMap((booking, i) => {
      const o = detailed[i];
      return o ? [{ bookingId: booking.id, ewsChangeKey: booking.ewsChangeKey, fields: fieldsOf(o) }] : [];
    });
    const written = await store.transaction((tx) => tx.fillDetails(room.roomId, fills));
    return { filled: written.length, skipped: pending.length - written.length, changedBookingIds: written };
  }

  async function fillDetailsOfRooms(rooms: readonly ConnectedRoom[]): Promise<RoomDetails[]> {
    const window = horizonWindow(deps.clock.now(), horizon);
    const loaded: (AwaitingDetails | RoomDetails)[] = [];
    for (const room of rooms) loaded.push(await awaitingDetails(room).catch((error: unknown) => ({ room, error })));
    const awaiting = loaded.filter((l): l is AwaitingDetails => 'pending' in l);
    const lookup = await organizerCopiesOnce(
      gateway,
      awaiting.map((a) => ({ mailbox: a.room.mailbox, occurrences: a.occurrences })),
      window,
    );
    const results: RoomDetails[] = [];
    // Room after room: the organizers are read already, and the database pool stays free for live changes.
    for (const l of loaded) {
      if (!('pending' in l)) results.push(l);
      else
        results.push(
          await fillRoom(l, window, lookup).then(
            (outcome) => ({ room: l.room, outcome }),
            (error: unknown) => ({ room: l.room, error }),
          ),
        );
    }
    return results;
  }

  async function fillDetails(room: ConnectedRoom): Promise<DetailsOutcome> {
    const [result] = await fillDetailsOfRooms([room]);
    if (!result) throw new Error('phase 2 gave no answer for the room');
    if ('error' in result) throw result.error;
    return result.outcome;
  }

  /** One SyncFolderItems page: the meetings it touches, reconciled, and the state, in one transaction. */
  async function applyPage(
    room: ConnectedRoom,
    state: string | null,
  ): Promise<{ state: string; complete: boolean; applied: Applied }> {
    const page = await gateway.syncCalendarChanges(room.mailbox, state, pageSize);
    const meetings = [...new Set(page.changed.map((h) => h.cleanGlobalObjectId))];
    const { window, occurrences, headerOnly } = await expand(room, page.changed);
    const remote = await withOrganizerDetails(gateway, room.mailbox, occurrences, window, { headerOnly });
    const applied = await store.transaction(async (tx) => {
      const stored = await tx.bookingsOfMeetings(room.roomId, meetings, window);
      const plan = reconcile(keepOrganizerDetails(remote, stored), stored);
      const reconciled = new Set(meetings);
      // A deleted item whose meeting was not re-created in this page left the room's calendar.
      const removed: BookingCancellation[] = (await tx.bookingsOfItems(room.roomId, page.deletedItemIds))
        .filter((b) => !reconciled.has(b.cleanGlobalObjectId))
        .map((b) => ({ bookingId: b.id, reason: 'removed-from-room-calendar' }));
      const result = await applyAndName(tx, room.roomId, { ...plan, cancel: [...plan.cancel, ...removed] });
      await tx.saveSyncState(room.roomId, room.mailbox, page.syncState, { at: deps.clock.now(), full: false });
      return result;
    });
    return { state: page.syncState, complete: page.complete, applied };
  }

  async function incremental(room: ConnectedRoom, from: string, full: boolean): Promise<RoomSyncOutcome> {
    let state = from;
    let total = EMPTY;
    let pages = 0;
    for (;;) {
      const page = await applyPage(room, state);
      pages += 1;
      total = add(total, page.applied);
      state = page.state;
      if (page.complete) break;
    }
    if (full) total = add(total, await reconcileWindow(room, state, await viewOfHorizon(room)));
    return { mode: full ? 'full' : 'incremental', pages, ...total };
  }

  return {
    fillDetails,
    fillDetailsOfRooms,
    async syncRoom(room, options = {}) {
      const record = await store.roomSync(room.roomId, room.mailbox);
      if (!record?.syncState) return fullSync(room, 'full');
      try {
        return await incremental(room, record.syncState, options.full ?? false);
      } catch (err) {
        // Exchange forgot where we were: start the feed again and reconcile what is stored with
        // what the calendar holds, so nothing is duplicated and nothing unchanged is rewritten.
        if (err instanceof GatewayError && err.kind === 'invalid-sync-state') return fullSync(room, 'resync');
        throw err;
      }
    },
  };
}
