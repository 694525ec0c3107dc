import type { Actor } from '../../domain/actor';
import { AppError, forbidden } from '../../domain/errors';
import { GatewayError } from '../../ports/calendarGateway';
import type { Clock } from '../../ports/clock';
import type { DirectoryPerson, PeopleDirectory } from '../../ports/peopleDirectory';

/**
 * The attendee picker's search of Exchange's directory. Every keystroke would otherwise be an EWS
 * request against the service account's small budget, so answers are cached for a short while
 * (shared by everyone: the directory is the same for all employees) and each user has at most one
 * request at Exchange: a user's later query waits for the earlier one.
 */

export interface PeopleSearchDeps {
  readonly directory: () => Promise<PeopleDirectory | null>;
  readonly clock: Clock;
  /** How long an answer is reused (default 60 s). */
  readonly cacheTtlMs?: number;
  /** Most queries kept (default 500; the oldest go first). */
  readonly cacheSize?: number;
}

export interface PeopleSearch {
  search(actor: Actor, query: string): Promise<DirectoryPerson[]>;
}

/** Candidates a picker shows. */
export const PEOPLE_LIMIT = 20;

const normalise = (query: string): string => query.trim().toLowerCase().replace(/\s+/g, ' ');

export function createPeopleSearch(deps: PeopleSearchDeps): PeopleSearch {
  const ttl = deps.cacheTtlMs ?? 60_000;
  const size = deps.cacheSize ?? 500;
  const cache = new Map<string, { people: DirectoryPerson[]; at: number }>();
  /** The latest request of each user, so that the next one starts after it. */
  const lanes = new Map<string, Promise<unknown>>();

  function cached(key: string): DirectoryPerson[] | undefined {
    const hit = cache.get(key);
    if (!hit) return undefined;
    if (deps.clock.now().getTime() - hit.at > ttl) {
      cache.delete(key);
      return undefined;
    }
    return hit.people;
  }

  function remember(key: string, people: DirectoryPerson[]): void {
    cache.delete(key);
    cache.set(key, { people, at: deps.clock.now().getTime() });
    while (cache.size > size) {
      const oldest = cache.keys().next();
      if (oldest.done) break;
      cache.delete(oldest.value);
    }
  }

  async function ask(key: string): Promise<DirectoryPerson[]> {
    const again = cached(key);
    if (again) return again;
    const directory = await deps.directory();
    if (!directory)
      throw new AppError('unavailable', 'No Exchange connection is configured, so the directory cannot be searched.');
    try {
      const people = await directory.searchPeople(key, PEOPLE_LIMIT);
      remember(key, people);
      return people;
    } catch (err) {
      const detail = err instanceof GatewayError ? err.message : 'no answer';
      throw new AppError('unavailable', `Exchange's directory cannot be searched right now: ${detail}`);
    }
  }

  return {
    async search(actor, query) {
      // External users pick no attendees, and the organisation's directory is not theirs to read.
      if (actor.role === 'external') throw forbidden('The directory is for employees.');
      const key = normalise(query);
      const hit = cached(key);
      if (hit) return hit;
      const before = lanes.get(actor.userId) ?? Promise.resolve();
      const mine = before.catch(() => undefined).then(() => ask(key));
      lanes.set(actor.userId, mine);
      try {
        return await mine;
      } finally {
        if (lanes.get(actor.userId) === mine) lanes.delete(actor.userId);
      }
    },
  };
}
