import type { RoomChange, RoomChanges } from '../../ports/roomChanges';

export interface PlanLiveDeps {
  readonly changes: Pick<RoomChanges, 'subscribe'>;
  /** The ids of the floor's rooms; undefined for an unknown floor. */
  readonly roomsOf: (floorId: string) => Promise<readonly string[] | undefined>;
  /** How long changes are gathered into one event (a sync of many rooms sends one). */
  readonly gatherMs: number;
}

/** Where one open plan's stream goes: the rooms that changed (empty: every room). */
export interface PlanSink {
  changed(roomIds: readonly string[]): void;
}

export interface FollowedPlan {
  stop(): void;
}

export interface PlanLiveService {
  /** Undefined for an unknown floor; else follows the floor's rooms until stopped. */
  follow(floorId: string, sink: PlanSink): Promise<FollowedPlan | undefined>;
}

/**
 * The live plan's push: each open plan hears which of its floor's rooms changed and reads the
 * occupancy again itself, so the server computes nothing per connection and each reader's
 * redaction stays in the one GET. Fed by the displays' `RoomChanges` (the sync, Roomserve
 * bookings, check-ins, releases; across instances on PostgreSQL), and by the rooms' own changes
 * ('room-details': added, moved, renamed, deactivated), after which it knows the floor's rooms anew.
 */
export function createPlanLiveService(deps: PlanLiveDeps): PlanLiveService {
  return {
    async follow(floorId, sink) {
      const roomIds = await deps.roomsOf(floorId);
      if (roomIds === undefined) return undefined;
      let onFloor = new Set(roomIds);
      const pending = new Set<string>();
      let everyRoom = false;
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = (): void => {
        timer = undefined;
        const ids = everyRoom ? [] : [...pending];
        pending.clear();
        everyRoom = false;
        sink.changed(ids);
      };
      const tell = (): void => {
        if (!stopped) timer ??= setTimeout(flush, deps.gatherMs);
      };
      // A room added to, moved off or changed on the floor: the plan reads the floor's rooms again.
      const reread = async (roomId: string | undefined): Promise<void> => {
        // After every listener heard it: the plan's catalog forgets the floor on the same change.
        await Promise.resolve();
        const now = new Set((await deps.roomsOf(floorId)) ?? []);
        const concerned = roomId === undefined || onFloor.has(roomId) || now.has(roomId);
        onFloor = now;
        if (concerned) {
          everyRoom = true;
          tell();
        }
      };
      const hear = (change: RoomChange): void => {
        if (change.kind === 'room' && onFloor.has(change.roomId)) {
          pending.add(change.roomId);
          tell();
        } else if (change.kind === 'room-details' || change.kind === 'all-rooms') {
          reread(change.kind === 'all-rooms' ? undefined : change.roomId).catch(() => {
            // The floor's rooms could not be read: tell the plan to read everything itself.
            everyRoom = true;
            tell();
          });
        }
      };
      const unsubscribe = deps.changes.subscribe(hear);
      return {
        stop() {
          stopped = true;
          unsubscribe();
          if (timer !== undefined) clearTimeout(timer);
        },
      };
    },
  };
}
