import type { RoomLeases } from '../ports/roomLeases';

/** Leases among the sync runtimes of one process (PGlite allows no other); they share `taken`. */
export function createInProcessRoomLeases(taken: Set<string> = new Set()): RoomLeases {
  const mine = new Set<string>();
  return {
    tryAcquire(roomId) {
      if (mine.has(roomId)) return Promise.resolve(true);
      if (taken.has(roomId)) return Promise.resolve(false);
      taken.add(roomId);
      mine.add(roomId);
      return Promise.resolve(true);
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
