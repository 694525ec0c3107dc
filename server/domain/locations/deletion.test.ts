import { describe, expect, it } from '@jest/globals';
import { containerDeletion, roomDeletion } from './deletion';

describe('deletion rules', () => {
  it('lets an empty building or floor go, and one with rooms only when cascading', () => {
    expect(containerDeletion('building', 0, false)).toEqual({ allowed: true });
    expect(containerDeletion('floor', 3, true)).toEqual({ allowed: true });
    expect(containerDeletion('floor', 1, false)).toEqual({
      allowed: false,
      reason: 'The floor still has 1 room; delete them first or pass cascade=true',
    });
  });

  it('keeps a room with confirmed bookings to come unless cascading', () => {
    expect(roomDeletion(0, false)).toEqual({ allowed: true });
    expect(roomDeletion(2, true)).toEqual({ allowed: true });
    const verdict = roomDeletion(2, false);
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed ? '' : verdict.reason).toContain('2 confirmed bookings');
  });
});
