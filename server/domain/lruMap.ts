/**
 * A Map that holds at most `capacity` entries: reading or writing an entry makes it the newest, and
 * a write past the cap drops the least recently used. For caches whose keys grow with the
 * organisation (organizers, mailboxes), so memory stays bounded at 5,000 rooms as at 50. (The
 * installed lru-cache is an old transitive copy without types; a Map keeps insertion order, which
 * is all an LRU needs.)
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** The entry without making it the newest. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Keys from the least recently used to the newest. */
  keys(): K[] {
    return [...this.entries.keys()];
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }
}
