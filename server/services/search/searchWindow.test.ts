import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../domain/errors';
import { windowOf } from './searchWindow';
import { wordsOf } from './searchRooms';

describe('windowOf', () => {
  it('reads two instants with offsets as one interval', () => {
    expect(windowOf('2026-05-04T10:00:00+02:00', '2026-05-04T09:00:00Z')).toEqual({
      start: Date.parse('2026-05-04T08:00:00Z'),
      end: Date.parse('2026-05-04T09:00:00Z'),
    });
  });

  it('accepts exactly 31 days', () => {
    expect(() => windowOf('2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z')).not.toThrow();
  });

  it.each([
    ['end before start', '2026-05-04T10:00:00Z', '2026-05-04T09:00:00Z'],
    ['an empty window', '2026-05-04T10:00:00Z', '2026-05-04T10:00:00Z'],
    ['more than 31 days', '2026-05-01T00:00:00Z', '2026-06-01T00:00:00.001Z'],
    ['no date at all', 'soon', '2026-05-04T10:00:00Z'],
  ])('refuses %s with validation_failed', (_label, start, end) => {
    const failure = (() => {
      try {
        windowOf(start, end);
        return undefined;
      } catch (err) {
        return err;
      }
    })();
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'validation_failed' });
  });
});

describe('wordsOf', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['   ', []],
    ['Harbour  Display', ['harbour', 'display']],
    ['elbe ELBE elbe', ['elbe']],
    ['a b c d e f g h i j k l', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']],
  ])('%p gives %p', (q, words) => {
    expect(wordsOf(q)).toEqual(words);
  });
});
