import type { FloorOccupancy } from '../../../shared/schemas/plan';
import type { RoomChanges } from '../../ports/roomChanges';

/** What every reader's answer for one floor at one instant is built from, and until when it holds. */
export interface ViewFacts {
  /** The floor's rooms: a change to any of them forgets the facts. */
  readonly roomIds: ReadonlySet<string>;
  /** Organizers (organizerKey) of the meetings in the facts: each sees their own meetings whole. */
  readonly organizers: ReadonlySet<string>;
  /** The answers hold for any "now" before this instant (exclusive), unless a room changes. */
  readonly until: number;
}

export interface KeptView<F extends ViewFacts> {
  readonly facts: F;
  /** The answer for one visibility class, built once from the facts and then the same object. */
  answer(visibilityClass: string, build: () => FloorOccupancy): FloorOccupancy;
}

export interface PlanViews<F extends ViewFacts> {
  /** The facts kept under `key` while `now` is before their `until`, else `load()`'s, kept. */
  get(key: string, now: number, load: () => Promise<F>): Promise<KeptView<F>>;
  /** Stops listening for changes. */
  stop(): void;
}

interface Entry<F extends ViewFacts> {
  readonly view: Promise<KeptView<F>>;
  settled?: KeptView<F>;
}

/**
 * The live plan's finished answers, per floor and shown instant, and per visibility class within
 * them (never one reader's view for another who may see less: the class is the whole of what the
 * privacy rule reads). 300 open plans refetching after a change, or 20 polling readers, cost one
 * build per class. An answer is forgotten when a room of its floor changes (bookings, check-ins,
 * releases, on any instance), when rooms, floors or settings change (privacy included: they
 * publish 'all-rooms'), and when its time is up. An answer under way when a change comes in
 * serves the readers already waiting for it, and is not kept.
 */
export function createPlanViews<F extends ViewFacts>(deps: {
  readonly changes: Pick<RoomChanges, 'subscribe'>;
  /** A bound on kept instants (the slider may ask for any); the oldest go first. */
  readonly maxEntries: number;
}): PlanViews<F> {
  const entries = new Map<string, Entry<F>>();
  const unsubscribe = deps.changes.subscribe((change) => {
    if (change.kind === 'display') return; // a display's token or PIN: nothing the plan shows
    if (change.kind !== 'room') {
      entries.clear();
      return;
    }
    for (const [key, entry] of entries) {
      // Not settled yet: its rooms are unknown, so it goes too.
      if (!entry.settled || entry.settled.facts.roomIds.has(change.roomId)) entries.delete(key);
    }
  });
  const sweep = (now: number): void => {
    for (const [key, entry] of entries) if (entry.settled && now >= entry.settled.facts.until) entries.delete(key);
    for (const key of entries.keys()) {
      if (entries.size < deps.maxEntries) break;
      entries.delete(key);
    }
  };
  const keep = (facts: F): KeptView<F> => {
    const answers = new Map<string, FloorOccupancy>();
    return {
      facts,
      answer(visibilityClass, build) {
        let answer = answers.get(visibilityClass);
        if (!answer) {
          answer = build();
          answers.set(visibilityClass, answer);
        }
        return answer;
      },
    };
  };
  return {
    get(key, now, load) {
      const hit = entries.get(key);
      if (hit && (!hit.settled || now < hit.settled.facts.until)) return hit.view;
      sweep(now);
      const entry: Entry<F> = {
        view: load().then((facts) => {
          entry.settled = keep(facts);
          return entry.settled;
        }),
      };
      entries.set(key, entry);
      entry.view.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return entry.view;
    },
    stop: () => unsubscribe(),
  };
}
