import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How urgent an Exchange call is, for the one concurrency budget of the service account:
 * - `live`: what a user waits for: a change in a room's calendar, a booking made in Roomserve, an
 *   add-in request (the default: anything not marked otherwise);
 * - `bulk`: the first sync's listing (phase 1), the daily pass, the safety syncs, resyncs;
 * - `background`: phase 2 of a first sync (the organizers' details), which nobody waits for.
 * A queued call of a higher priority always starts before one of a lower priority.
 */
export type WorkPriority = 'live' | 'bulk' | 'background';

export const WORK_PRIORITIES: readonly WorkPriority[] = ['live', 'bulk', 'background'];

// Carried along the async call chain, so the sync marks its bulk work once instead of every
// gateway method taking a priority argument (and every caller that does not care passing `live`).
const current = new AsyncLocalStorage<WorkPriority>();

/** Runs `work` (and every call it makes, however deep) at `priority`. */
export function atPriority<T>(priority: WorkPriority, work: () => T): T {
  return current.run(priority, work);
}

/** The priority of the work that is running now; `live` when nothing said otherwise. */
export function currentPriority(): WorkPriority {
  return current.getStore() ?? 'live';
}
