import { reconcile, type BookingCancellation, type ReconcilePlan } from '../domain/sync/reconcile';
import { GatewayError, type CalendarGateway, type TimeWindow } from '../ports/calendarGateway';
import type { Clock } from '../ports/clock';
import type { AppliedPlan, ConnectedRoom, SyncStore, SyncTransaction } from '../ports/syncStore';
import { DEFAULT_HORIZON, horizonWindow, type Horizon } from './horizon';
import type { SyncMode } from './observer';
import { overlaps, singleFromHeader } from './changedItems';
import { createOrganizerBatcher } from './organizerBatcher';
import { withOrganizerDetails } from './organizerCopies';
import { keepOrganizerDetails, reuseUnchangedDetails } from './unchangedCopies';

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
}

export interface RoomSynchronizer {
  /**
   * Brings one room's bookings in step with its Exchange calendar. `full` also reconciles the whole
   * horizon (the daily pass). Throws GatewayError when Exchange fails; nothing half-done is kept.
   */
  syncRoom(room: ConnectedRoom, options?: { full?: boolean }): Promise<RoomSyncOutcome>;
}

interface Applied extends AppliedPlan {
  readonly changedBookingIds: readonly string[];
}

const EMPTY: Applied = { created: 0, updated: 0, cancelled: 0, conflicts: 0, changedBookingIds: [] };

const add = (a: Applied, b: Applied): Applied => ({
  created: a.created + b.created,
  updated: a.updated + b.updated,
  cancelled: a.cancelled + b.cancelled,
  conflicts: a.conflicts + b.conflicts,
  changedBookingIds: [...new Set([...a.changedBookingIds, ...b.changedBookingIds])],
});

/**
 * Applies the plan and names the bookings it touched. Created bookings get their ids only on
 * insert (and may have been adopted as our own echo), so they are found again by meeting.
 */
async function applyAndName(
  tx: SyncTransaction,
  roomId: string,
  plan: ReconcilePlan,
  window: TimeWindow,
): Promise<Applied> {
  const applied = await tx.applyPlan(roomId, plan);
  const created = [...new Set(plan.create.map((f) => f.cleanGlobalObjectId))];
  const createdIds = created.length > 0 ? (await tx.bookingsOfMeetings(roomId, created, window)).map((b) => b.id) : [];
  const changedBookingIds = [
    ...new Set([...plan.update.map((u) => u.bookingId), ...plan.cancel.map((c) => c.bookingId), ...createdIds]),
  ];
  return { ...applied, changedBookingIds };
}

export function createRoomSynchronizer(deps: RoomSynchronizerDeps): RoomSynchronizer {
  const pageSize = deps.pageSize ?? 512;
  const horizon = deps.horizon ?? DEFAULT_HORIZON;
  const { gateway, store } = deps;
  // Full passes of many rooms at once share their organizer lookups.
  const batchedLookup = createOrganizerBatcher(gateway);

  /** Where the change feed stands now, without reading its items (used before a full reconcile). */
  async function currentSyncState(room: ConnectedRoom): Promise<{ state: string; pages: number }> {
    let state: string | null = null;
    for (let pages = 1; ; pages += 1) {
      const page = await gateway.syncCalendarChanges(room.mailbox, state, pageSize);
      state = page.syncState;
      if (page.complete) return { state, pages };
    }
  }

  /** Reconciles the whole horizon against every Exchange-linked booking of the room in it. */
  async function reconcileWindow(room: ConnectedRoom, syncState: string, window: TimeWindow): Promise<Applied> {
    const view = await gateway.calendarView(room.mailbox, window);
    const before = await store.transaction((tx) => tx.bookingsInWindow(room.roomId, window));
    const { reused, fresh } = reuseUnchangedDetails(view, before);
    const remote = [
      ...reused,
      ...(await withOrganizerDetails(gateway, room.mailbox, fresh, window, { lookup: batchedLookup })),
    ];
    return store.transaction(async (tx) => {
      const stored = await tx.bookingsInWindow(room.roomId, window);
      const plan = reconcile(keepOrganizerDetails(remote, stored), stored);
      const applied = await applyAndName(tx, room.roomId, plan, window);
      await tx.saveSyncState(room.roomId, room.mailbox, syncState, { at: deps.clock.now(), full: true });
      return applied;
    });
  }

  async function fullSync(room: ConnectedRoom, mode: SyncMode): Promise<RoomSyncOutcome> {
    // The state is taken first: whatever changes after it is in the view below or in the next sync.
    const { state, pages } = await currentSyncState(room);
    const applied = await reconcileWindow(room, state, horizonWindow(deps.clock.now(), horizon));
    return { mode, pages, ...applied };
  }

  /** One SyncFolderItems page: the meetings it touches, reconciled, and the state, in one transaction. */
  async function applyPage(
    room: ConnectedRoom,
    state: string | null,
  ): Promise<{ state: string; complete: boolean; applied: Applied }> {
    const page = await gateway.syncCalendarChanges(room.mailbox, state, pageSize);
    const window = horizonWindow(deps.clock.now(), horizon);
    const meetings = [...new Set(page.changed.map((h) => h.cleanGlobalObjectId))];
    // A single meeting is its own occurrence; only series need the calendar view to expand them.
    const series = [
      ...new Set(page.changed.filter((h) => h.kind === 'recurring-master').map((h) => h.cleanGlobalObjectId)),
    ];
    const singles = page.changed.filter((h) => h.kind === 'single' && overlaps(h, window)).map(singleFromHeader);
    const view = series.length > 0 ? await gateway.calendarView(room.mailbox, window, series) : [];
    const remote = await withOrganizerDetails(gateway, room.mailbox, [...view, ...singles], window, {
      headerOnly: new Set(singles.map((o) => o.itemId)),
    });
    const applied = await store.transaction(async (tx) => {
      const stored = await tx.bookingsOfMeetings(room.roomId, meetings, window);
      const plan = reconcile(keepOrganizerDetails(remote, stored), stored);
      const reconciled = new Set(meetings);
      // A deleted item whose meeting was not re-created in this page left the room's calendar.
      const removed: BookingCancellation[] = (await tx.bookingsOfItems(room.roomId, page.deletedItemIds))
        .filter((b) => !reconciled.has(b.cleanGlobalObjectId))
        .map((b) => ({ bookingId: b.id, reason: 'removed-from-room-calendar' }));
      const result = await applyAndName(tx, room.roomId, { ...plan, cancel: [...plan.cancel, ...removed] }, window);
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
    if (full) total = add(total, await reconcileWindow(room, state, horizonWindow(deps.clock.now(), horizon)));
    return { mode: full ? 'full' : 'incremental', pages, ...total };
  }

  return {
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
