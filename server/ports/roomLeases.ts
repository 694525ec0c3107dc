/**
 * Which server instance syncs which room. A lease is held until released or until the instance
 * dies; then another instance may take the room. On PostgreSQL: session advisory locks on one
 * dedicated connection. On PGlite (one process): an in-process set.
 */
export interface RoomLeases {
  /** True when this instance holds the room's lease (newly or already). */
  tryAcquire(roomId: string): Promise<boolean>;
  /**
   * Takes the leases of `roomIds`, in their order, until `wanted` new ones are held; returns the
   * rooms newly held. One round trip per batch: at thousands of rooms, one query per room made the
   * first claim round (and so every room's first sync) wait tens of seconds behind the sync itself.
   */
  acquireUpTo(roomIds: readonly string[], wanted: number): Promise<string[]>;
  release(roomId: string): Promise<void>;
  /** The leases this instance holds. */
  held(): ReadonlySet<string>;
  /**
   * How many of `rooms` this instance should hold so that the live instances share them evenly
   * (rounded up, so the shares always cover every room). One instance alone: all of them.
   */
  share(rooms: number): Promise<number>;
  /** Called when held leases were lost without a release (the lock connection died). */
  onLost(listener: (roomIds: readonly string[]) => void): void;
  close(): Promise<void>;
}

/**
 * A room sync tried to commit after its instance lost the room's lease (another instance may sync
 * it now): the commit is rolled back and the other instance resumes from the stored sync state.
 */
export class RoomLeaseLost extends Error {
  constructor(readonly roomId: string) {
    super(`the sync lease of room ${roomId} was lost before its sync committed`);
    this.name = 'RoomLeaseLost';
  }
}
