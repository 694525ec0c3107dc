import type { CalendarGateway } from '../ports/calendarGateway';
import type { SyncRuntime } from './syncRuntime';

/**
 * Holds the sync runtime of the current Exchange connection. Saving new Exchange settings (or
 * starting without any) restarts it, so exactly one runtime talks to Exchange at a time.
 */
export interface SyncController {
  current(): SyncRuntime | null;
  /** Stops the running runtime and starts one on this gateway (none: the sync stays off). */
  restart(gateway: CalendarGateway | null): Promise<void>;
  stop(): Promise<void>;
}

export function createSyncController(build: (gateway: CalendarGateway) => SyncRuntime): SyncController {
  let runtime: SyncRuntime | null = null;
  let queue: Promise<void> = Promise.resolve();

  const serially = (work: () => Promise<void>): Promise<void> => {
    queue = queue.then(work, work);
    return queue;
  };

  return {
    current: () => runtime,
    restart: (gateway) =>
      serially(async () => {
        const previous = runtime;
        runtime = null;
        if (previous) await previous.stop();
        if (!gateway) return;
        const next = build(gateway);
        await next.start();
        runtime = next;
      }),
    stop: () =>
      serially(async () => {
        const previous = runtime;
        runtime = null;
        if (previous) await previous.stop();
      }),
  };
}
