import { describe, expect, it } from '@jest/globals';
import { compareBestFit, type RankedRoom } from './bestFit';

const room = (name: string, capacity: number, state?: RankedRoom['state'], id = name): RankedRoom => ({
  id,
  name,
  capacity,
  ...(state ? { state } : {}),
});
const namesOf = (rooms: RankedRoom[], minCapacity?: number): string[] =>
  [...rooms].sort(compareBestFit(minCapacity)).map((r) => r.name);

describe('compareBestFit', () => {
  it.each<[string, RankedRoom[], number | undefined, string[]]>([
    [
      'smallest room first',
      [room('Hall', 40), room('Booth', 2), room('Team', 8)],
      undefined,
      ['Booth', 'Team', 'Hall'],
    ],
    [
      'rooms that fit before those too small, each by capacity',
      [room('Booth', 2), room('Hall', 40), room('Team', 8), room('Small', 4)],
      6,
      ['Team', 'Hall', 'Booth', 'Small'],
    ],
    [
      'at equal capacity free, then partial, then busy',
      [room('A', 8, 'busy'), room('B', 8, 'partial'), room('C', 8, 'free')],
      undefined,
      ['C', 'B', 'A'],
    ],
    [
      'capacity weighs more than availability',
      [room('Free', 10, 'free'), room('Busy', 6, 'busy')],
      undefined,
      ['Busy', 'Free'],
    ],
    [
      'then by name, ignoring ASCII case',
      [room('beta', 4), room('Alpha', 4), room('Gamma', 4)],
      undefined,
      ['Alpha', 'beta', 'Gamma'],
    ],
    ['without a window every room ranks as free', [room('B', 4), room('A', 4, 'free')], undefined, ['A', 'B']],
  ])('%s', (_label, rooms, minCapacity, expected) => {
    expect(namesOf(rooms, minCapacity)).toEqual(expected);
  });

  it('orders rooms with the same name and capacity by id, so pages never overlap', () => {
    const rooms = [room('Same', 4, 'free', 'b'), room('Same', 4, 'free', 'a')];
    expect([...rooms].sort(compareBestFit()).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('breaks an ASCII-case tie by code point, as COLLATE "C" does', () => {
    expect(namesOf([room('elbe', 4), room('Elbe', 4)])).toEqual(['Elbe', 'elbe']);
  });
});
