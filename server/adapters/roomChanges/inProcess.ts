import { createChangeBus } from '../../domain/changeBus';
import type { RoomChange, RoomChanges } from '../../ports/roomChanges';

/** One process (PGlite, or tests): the publisher and every stream share this instance's bus. */
export function createInProcessRoomChanges(): RoomChanges {
  const bus = createChangeBus<RoomChange>();
  return {
    publish(change) {
      bus.publish(change);
      return Promise.resolve();
    },
    subscribe: (listener) => bus.subscribe(listener),
    close: () => Promise.resolve(),
  };
}
