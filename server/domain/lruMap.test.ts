import { describe, expect, it } from '@jest/globals';
import { LruMap } from './lruMap';

describe('LruMap', () => {
  it('never holds more than its capacity and drops the least recently used first', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.get('a')).toBe(1); // a is now newer than b
    map.set('c', 3);
    expect(map.size).toBe(2);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
  });

  it('keeps a stored undefined apart from a missing key, and refuses a useless capacity', () => {
    const map = new LruMap<string, number | undefined>(3);
    map.set('u', undefined);
    expect(map.size).toBe(1);
    expect(map.delete('u')).toBe(true);
    expect(() => new LruMap(0)).toThrow(RangeError);
  });

  it('lists keys from the least recently used and peeks without reordering', () => {
    const map = new LruMap<string, number>(3);
    map.set('a', 1).set('b', 2).set('c', 3);
    expect(map.peek('a')).toBe(1);
    expect(map.keys()).toEqual(['a', 'b', 'c']);
    map.get('a');
    expect(map.keys()).toEqual(['b', 'c', 'a']);
  });
});
