/** Where a room sits on the plan, for moving between rooms with the arrow keys. */
export interface PlacedRoom {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export const DIRECTIONS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** The centre of an outline (the mean of its points: enough to tell rooms' places apart). */
export function centreOf(shape: readonly (readonly [number, number])[]): { x: number; y: number } {
  const sum = shape.reduce((acc, [x, y]) => ({ x: acc.x + x, y: acc.y + y }), { x: 0, y: 0 });
  return { x: sum.x / shape.length, y: sum.y / shape.length };
}

/**
 * The room the arrow key moves to: among the rooms lying in that direction (within 60° either
 * side of it), the nearest, with distance across the direction counting double so that a room
 * straight ahead wins over one nearer but off to the side. Undefined at the plan's edge.
 */
export function nextRoom(rooms: readonly PlacedRoom[], fromId: string, direction: Direction): string | undefined {
  const from = rooms.find((r) => r.id === fromId);
  if (!from) return rooms[0]?.id;
  let best: { id: string; score: number } | undefined;
  for (const room of rooms) {
    if (room.id === from.id) continue;
    const dx = room.x - from.x;
    const dy = room.y - from.y;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (along <= 0 || across > along * Math.tan(Math.PI / 3)) continue;
    const score = along + 2 * across;
    if (!best || score < best.score) best = { id: room.id, score };
  }
  return best?.id;
}
