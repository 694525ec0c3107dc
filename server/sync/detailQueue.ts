import { atPriority } from '../ports/workPriority';
import type { ConnectedRoom } from '../ports/syncStore';
import type { DetailsOutcome } from './roomSynchronizer';

export interface DetailQueueDeps {
  /** Phase 2 of one room (RoomSynchronizer.fillDetails). */
  readonly fill: (room: ConnectedRoom) => Promise<DetailsOutcome>;
  /** Rooms filled at once. */
  readonly concurrency: number;
  /** Phase 2 waits while this says phase 1 still has rooms to do: every room searchable first. */
  readonly phaseOneBusy: () => boolean;
  /** How long a room waits after a failure, and how often a waiting queue looks again. */
  readonly retryMs: number;
  readonly filled: (room: ConnectedRoom, outcome: DetailsOutcome) => Promise<void>;
  readonly failed: (room: ConnectedRoom, err: unknown) => void;
}

export interface DetailQueue {
  /** The room has bookings whose details are pending (idempotent). */
  add(room: ConnectedRoom): void;
  remove(roomId: string): void;
  /** Rooms waiting for phase 2 or in it. */
  size(): number;
  stop(): Promise<void>;
}

/**
 * Phase 2 of first syncs, in the background: one room after another, at `background` priority in
 * the service account's budget, so a live change, a booking or a first sync's listing always goes
 * ahead of it. A room is queued once however often it is added; a failure (Exchange busy, a
 * network fault) puts it back after `retryMs`.
 */
export function createDetailQueue(deps: DetailQueueDeps): DetailQueue {
  const waiting = new Map<string, ConnectedRoom>();
  const running = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  function later(): void {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      pump();
    }, deps.retryMs);
    timer.unref();
  }

  async function fill(room: ConnectedRoom): Promise<void> {
    try {
      const outcome = await atPriority('background', () => deps.fill(room));
      await deps.filled(room, outcome);
    } catch (err) {
      deps.failed(room, err);
      if (!stopped && !waiting.has(room.roomId)) {
        const retry = setTimeout(() => add(room), deps.retryMs);
        retry.unref();
      }
    } finally {
      running.delete(room.roomId);
    }
  }

  function pump(): void {
    if (stopped) return;
    if (waiting.size > 0 && deps.phaseOneBusy()) return later();
    for (const [roomId, room] of waiting) {
      if (running.size >= deps.concurrency) return;
      if (running.has(roomId)) continue;
      waiting.delete(roomId);
      running.add(roomId);
      const work = fill(room).finally(() => {
        inFlight.delete(work);
        pump();
      });
      inFlight.add(work);
    }
  }

  function add(room: ConnectedRoom): void {
    if (stopped) return;
    waiting.set(room.roomId, room);
    pump();
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
