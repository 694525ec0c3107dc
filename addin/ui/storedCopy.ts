import type { z } from 'zod';

/**
 * A copy in localStorage of answers that rarely change (buildings, floors, the tags seen), shown at
 * once when the page opens again while the fresh answer loads: stale-while-revalidate. What is
 * read back is checked against the answer's schema, not trusted (another version may have written
 * it). Storage can be missing or refuse writes (a private window, a partitioned iframe): then
 * there is simply no copy.
 */
export function readStoredCopy<S extends z.ZodType>(key: string, schema: S): z.output<S> | undefined {
  try {
    const text = window.localStorage.getItem(key);
    if (text === null) return undefined;
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeStoredCopy(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // No storage, or it is full: the next opening loads as the first did.
  }
}
