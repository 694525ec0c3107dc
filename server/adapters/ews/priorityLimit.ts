import { AsyncResource } from 'node:async_hooks';
import { WORK_PRIORITIES, type WorkPriority } from '../../ports/workPriority';

export type PriorityLimit = <T>(task: () => Promise<T>, priority: WorkPriority) => Promise<T>;

export interface PriorityLimiter {
  readonly run: PriorityLimit;
  /** Calls waiting for a slot, by priority (for tests and metrics). */
  waiting(): Readonly<Record<WorkPriority, number>>;
}

/**
 * At most `concurrency` tasks at once; a free slot goes to the oldest waiting task of the highest
 * priority. So however many bulk calls are queued (thousands during a first sync), a live call
 * waits only for the next slot to free up, never behind them. (p-limit, which this replaces, is
 * one FIFO; p-queue is not installed.)
 */
export function createPriorityLimit(concurrency: number): PriorityLimiter {
  const lanes: Record<WorkPriority, Array<() => void>> = { live: [], bulk: [], background: [] };
  let active = 0;

  function next(): void {
    if (active >= concurrency) return;
    for (const priority of WORK_PRIORITIES) {
      const start = lanes[priority].shift();
      if (start) {
        active += 1;
        start();
        return;
      }
    }
  }

  const run: PriorityLimit = (task, priority) =>
    new Promise((resolve, reject) => {
      // The task runs in its caller's async context (its priority, its logger fields), not in
      // the context of whichever task happened to free the slot.
      lanes[priority].push(
        AsyncResource.bind(() => {
          // A task that throws synchronously still frees its slot.
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              active -= 1;
              next();
            });
        }),
      );
      next();
    });

  return {
    run,
    waiting: () => ({ live: lanes.live.length, bulk: lanes.bulk.length, background: lanes.background.length }),
  };
}
