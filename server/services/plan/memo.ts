import type { Clock } from '../../ports/clock';

interface Kept<K, T> {
  readonly key: K;
  readonly value: Promise<T>;
  readonly at: number;
}

export interface Memo<K, T> {
  /** The kept value for `key` if younger than the memo's age, else `load()`'s (kept). */
  get(key: string, load: () => Promise<T>, about: K): Promise<T>;
  /** Forgets the values whose `about` matches. */
  forget(matches: (about: K) => boolean): void;
  clear(): void;
}

/**
 * A keyed memory whose concurrent readers share one read and which never keeps a failed read.
 * A value forgotten while its read is under way is not kept either: the next reader reads anew.
 */
export function memo<T, K = undefined>(clock: Clock, maxAgeMs: number): Memo<K, T> {
  const kept = new Map<string, Kept<K, T>>();
  return {
    get(key, load, about) {
      const now = clock.now().getTime();
      const hit = kept.get(key);
      if (hit && now - hit.at < maxAgeMs) return hit.value;
      const value = load();
      const entry = { key: about, value, at: now };
      kept.set(key, entry);
      value.catch(() => {
        if (kept.get(key) === entry) kept.delete(key);
      });
      return value;
    },
    forget(matches) {
      for (const [key, entry] of kept) if (matches(entry.key)) kept.delete(key);
    },
    clear() {
      kept.clear();
    },
  };
}
