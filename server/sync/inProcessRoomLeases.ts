import type { RoomLeases } from '../ports/roomLeases';

/** Leases among the sync runtimes of one process (PGlite allows no other); they share `taken`. */
export function createInProcessRoomLeases(taken: Set<string> = new Set()): RoomLeases {
  const mine = new Set<string>();
  function take(roomId: string): boolean {
    if (mine.has(roomId)) return true;
    if (taken.has(roomId)) return false;
    taken.add(roomId);
    mine.add(roomId);
    return true;
  }
  return {
    tryAcquire: (roomId) => Promise.resolve(take(roomId)),
    acquireUpTo(roomIds, wanted) {
      const acquired: string[] = [];
      for (const roomId of roomIds) {
        if (acquired.length >= wanted) break;
        if (!mine.has(roomId) && take(roomId)) acquired.push(roomId);
      }
      return Promise.resolve(acquired);
    },
    release(roomId) {
      if (mine.delete(roomId)) taken.delete(roomId);
      return Promise.resolve();
    },
    held: () => mine,
    // Runtimes of one process take what is free; there is no other instance to leave rooms to.
    share: (rooms) => Promise.resolve(rooms),
    onLost: () => undefined,
    close() {
      for (const roomId of mine) taken.delete(roomId);
      mine.clear();
      return Promise.resolve();
    },
  };
}
