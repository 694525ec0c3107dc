import { atPriority } from '../ports/workPriority';
import type { ConnectedRoom } from '../ports/syncStore';
import type { DetailsOutcome, RoomDetails } from './roomSynchronizer';

export interface DetailQueueDeps {
  /** Phase 2 of several rooms together (RoomSynchronizer.fillDetailsOfRooms). */
  readonly fill: (rooms: readonly ConnectedRoom[]) => Promise<RoomDetails[]>;
  /** Groups of rooms filled at once. */
  readonly concurrency: number;
  /**
   * Pending bookings a group gathers before it starts (at least one room): what a group holds in
   * memory (its bookings and their organizers' details), and how many rooms share one read of
   * each organizer.
   */
  readonly groupBookings: number;
  /** Phase 2 waits while this says phase 1 still has rooms to do: every room searchable first. */
  readonly phaseOneBusy: () => boolean;
  /** How long a room waits after a failure. */
  readonly retryMs: number;
  /** How often a queue held back by phase 1 looks again (1 s): phase 2 starts soon after phase 1 ends. */
  readonly phaseOneCheckMs?: number;
  readonly filled: (room: ConnectedRoom, outcome: DetailsOutcome) => Promise<void>;
  readonly failed: (room: ConnectedRoom, err: unknown) => void;
}

export interface DetailQueue {
  /** The room has `pending` bookings whose details are pending (idempotent). */
  add(room: ConnectedRoom, pending: number): void;
  remove(roomId: string): void;
  /** Rooms waiting for phase 2 or in it. */
  size(): number;
  stop(): Promise<void>;
}

interface Waiting {
  readonly room: ConnectedRoom;
  readonly pending: number;
}

/**
 * Phase 2 of first syncs, in the background, at `background` priority in the service account's
 * budget, so a live change, a booking or a first sync's listing always goes ahead of it. Rooms go
 * in groups of about `groupBookings` pending bookings: one organizer's meetings are spread over
 * many rooms, and a group asks each organizer once. A room is queued once however often it is
 * added; a failure (Exchange busy, a network fault) puts it back after `retryMs`.
 */
export function createDetailQueue(deps: DetailQueueDeps): DetailQueue {
  const waiting = new Map<string, Waiting>();
  const running = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let pumpQueued = false;

  function later(): void {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      pump();
    }, deps.phaseOneCheckMs ?? 1_000);
    timer.unref();
  }

  function retry(entry: Waiting): void {
    if (stopped || waiting.has(entry.room.roomId)) return;
    const again = setTimeout(() => add(entry.room, entry.pending), deps.retryMs);
    again.unref();
  }

  async function settle(entry: Waiting, result: RoomDetails): Promise<void> {
    try {
      if ('error' in result) throw result.error;
      await deps.filled(entry.room, result.outcome);
    } catch (err) {
      deps.failed(entry.room, err);
      retry(entry);
    }
  }

  async function fill(group: readonly Waiting[]): Promise<void> {
    try {
      const results = await atPriority('background', () => deps.fill(group.map((g) => g.room))).catch(
        (error: unknown) => group.map((g) => ({ room: g.room, error })),
      );
      const byRoom = new Map(results.map((r) => [r.room.roomId, r]));
      for (const entry of group) {
        const result = byRoom.get(entry.room.roomId) ?? {
          room: entry.room,
          error: new Error('phase 2 skipped the room'),
        };
        await settle(entry, result);
      }
    } finally {
      for (const entry of group) running.delete(entry.room.roomId);
    }
  }

  /** The next rooms, up to `groupBookings` pending bookings (one room at least). */
  function nextGroup(): Waiting[] {
    const group: Waiting[] = [];
    let bookings = 0;
    for (const [roomId, entry] of waiting) {
      if (group.length > 0 && bookings + entry.pending > deps.groupBookings) break;
      if (running.has(roomId)) continue;
      waiting.delete(roomId);
      running.add(roomId);
      group.push(entry);
      bookings += entry.pending;
    }
    return group;
  }

  function pump(): void {
    if (stopped) return;
    if (waiting.size > 0 && deps.phaseOneBusy()) return later();
    while (inFlight.size < deps.concurrency) {
      const group = nextGroup();
      if (group.length === 0) return;
      const work = fill(group).finally(() => {
        inFlight.delete(work);
        pump();
      });
      inFlight.add(work);
    }
  }

  function add(room: ConnectedRoom, pending: number): void {
    if (stopped) return;
    waiting.set(room.roomId, { room, pending });
    if (pumpQueued) return;
    pumpQueued = true;
    // Rooms added in one go (after a restart, every room with pending bookings) form full groups.
    queueMicrotask(() => {
      pumpQueued = false;
      pump();
    });
  }

  return {
    add,
    remove(roomId) {
      waiting.delete(roomId);
    },
    size: () => new Set([...waiting.keys(), ...running]).size,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      waiting.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
