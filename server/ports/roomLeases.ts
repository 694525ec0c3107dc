/**
 * Which server instance syncs which room. A lease is held until released or until the instance
 * dies; then another instance may take the room. On PostgreSQL: session advisory locks on one
 * dedicated connection. On PGlite (one process): an in-process set.
 */
export interface RoomLeases {
  /** True when this instance holds the room's lease (newly or already). */
  tryAcquire(roomId: string): Promise<boolean>;
  release(roomId: string): Promise<void>;
  /** The leases this instance holds. */
  held(): ReadonlySet<string>;
  /** Called when held leases were lost without a release (the lock connection died). */
  onLost(listener: (roomIds: readonly string[]) => void): void;
  close(): Promise<void>;
}
