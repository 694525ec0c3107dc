import { describe, expect, it } from '@jest/globals';
import { centreOf, nextRoom, type PlacedRoom } from './roomNavigation';

// A floor of three rooms in a row and one below the middle:  A  B  C
//                                                               D
const rooms: PlacedRoom[] = [
  { id: 'A', x: 0, y: 0 },
  { id: 'B', x: 100, y: 0 },
  { id: 'C', x: 200, y: 10 },
  { id: 'D', x: 110, y: 100 },
];

describe('nextRoom', () => {
  it.each<[string, 'left' | 'right' | 'up' | 'down', string | undefined]>([
    ['A', 'right', 'B'],
    ['B', 'right', 'C'],
    ['C', 'left', 'B'],
    ['B', 'down', 'D'],
    ['D', 'up', 'B'],
    ['A', 'left', undefined],
    ['C', 'right', undefined],
    ['A', 'up', undefined],
  ])('from %s going %s reaches %s', (from, direction, expected) => {
    expect(nextRoom(rooms, from, direction)).toBe(expected);
  });

  it('starts at the first room when nothing is focused yet', () => {
    expect(nextRoom(rooms, 'none', 'right')).toBe('A');
  });
});

describe('centreOf', () => {
  it('is the mean of the outline points', () => {
    expect(
      centreOf([
        [0, 0],
        [10, 0],
        [10, 20],
        [0, 20],
      ]),
    ).toEqual({ x: 5, y: 10 });
  });
});
