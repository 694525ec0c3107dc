import {
  insetRect,
  lShapeWithWing,
  rect,
  rectBottom,
  rectPolygon,
  rectRight,
  type Point,
  type Polygon,
  type Rect,
} from './geometry';

/**
 * Where everything sits on a demo floor. The floor is a double-loaded corridor: a band of rooms
 * on the north side, the corridor, and a band on the south side with the core (stairs, lifts,
 * WCs). The largest room of the north band wraps round the kitchen and is L-shaped.
 * Units are plan pixels; 30 of them are about a metre.
 */

export const PLAN_WIDTH = 1200;
export const PLAN_HEIGHT = 800;
export const PIXELS_PER_METRE = 30;
/** Outside face of the outer walls. */
export const OUTER = rect(40, 110, 1120, 580);
export const OUTER_WALL = 20;
export const INTERIOR = insetRect(OUTER, OUTER_WALL);
/** Half an interior wall: every room outline is pulled in this far from its cell. */
export const HALF_WALL = 5;
const BAND_DEPTH = 230;
const CORRIDOR_DEPTH = INTERIOR.height - 2 * BAND_DEPTH;
const KITCHEN = { width: 130, depth: 110 } as const;
const CORE = [
  ['stairs', 110],
  ['lifts', 80],
  ['wc', 110],
] as const;
const MIN_ROOM_WIDTH = 100;
const DOOR_WIDTH = 34;

export interface PlanRoomInput {
  readonly name: string;
  readonly capacity: number;
  readonly tags: readonly string[];
}

export interface FloorPlanInput {
  readonly buildingName: string;
  readonly floorName: string;
  readonly level: number;
  /** The street-level floor gets the entrance in its west wall. */
  readonly hasEntrance: boolean;
  readonly rooms: readonly PlanRoomInput[];
}

/** A door: the opening in the wall, and its leaf drawn open into the room. */
export interface Door {
  readonly opening: Rect;
  readonly hinge: Point;
  readonly closedEnd: Point;
  readonly openEnd: Point;
}

export interface PlannedRoom {
  readonly input: PlanRoomInput;
  /** Index of the room in the input list. */
  readonly index: number;
  readonly polygon: Polygon;
  /** The full-depth part of the room, where its label and furniture go. */
  readonly main: Rect;
  readonly door: Door;
  readonly windows: readonly Rect[];
}

export type ServiceKind = 'stairs' | 'lifts' | 'wc' | 'kitchen';

export interface PlannedService {
  readonly kind: ServiceKind;
  readonly area: Rect;
  readonly door: Door | null;
}

export interface FloorLayout {
  readonly input: FloorPlanInput;
  readonly width: number;
  readonly height: number;
  readonly corridor: Rect;
  readonly rooms: readonly PlannedRoom[];
  readonly services: readonly PlannedService[];
  /** The entrance opening in the outer wall, or windows at the corridor's ends on upper floors. */
  readonly entrance: Rect | null;
  readonly corridorWindows: readonly Rect[];
}

/** Splits `total` into whole numbers: each at least `min`, the rest in proportion to `weights`. */
export function distributeWidths(total: number, weights: readonly number[], min: number): number[] {
  const spare = total - min * weights.length;
  if (spare < 0) throw new RangeError(`${weights.length} rooms do not fit into ${total}px`);
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const widths = weights.map((w) => min + Math.floor((spare * w) / weightSum));
  const last = widths.length - 1;
  widths[last] = (widths[last] ?? 0) + total - widths.reduce((sum, w) => sum + w, 0);
  return widths;
}

/** Largest first, then dealt like cards (N S S N N S S N) so both bands get big and small rooms. */
function splitIntoBands(rooms: readonly PlanRoomInput[]): { north: number[]; south: number[] } {
  const ranked = rooms
    .map((room, index) => ({ room, index }))
    .sort((a, b) => b.room.capacity - a.room.capacity || a.index - b.index);
  const north: number[] = [];
  const south: number[] = [];
  ranked.forEach(({ index }, rank) => (rank % 4 === 0 || rank % 4 === 3 ? north : south).push(index));
  return { north: north.sort((a, b) => a - b), south: south.sort((a, b) => a - b) };
}

/** Geometry is built for the north band (corridor below) and mirrored for the south band. */
interface Frame {
  readonly rect: (r: Rect) => Rect;
  readonly point: (p: Point) => Point;
}

const NORTH: Frame = { rect: (r) => r, point: (p) => p };
const MIRROR_Y = INTERIOR.y + rectBottom(INTERIOR);
const SOUTH: Frame = {
  rect: (r) => rect(r.x, MIRROR_Y - r.y - r.height, r.width, r.height),
  point: ([x, y]) => [x, MIRROR_Y - y],
};

const BAND_TOP = INTERIOR.y;
const BAND_BOTTOM = INTERIOR.y + BAND_DEPTH;

/** A door in the corridor-side wall of a north-band cell, hinged at `hingeX`. */
function corridorDoor(hingeX: number, frame: Frame): Door {
  const edge = BAND_BOTTOM - HALF_WALL;
  return {
    opening: frame.rect(rect(hingeX, edge - 1, DOOR_WIDTH, 2 * HALF_WALL + 2)),
    hinge: frame.point([hingeX, edge]),
    closedEnd: frame.point([hingeX + DOOR_WIDTH, edge]),
    openEnd: frame.point([hingeX, edge - DOOR_WIDTH]),
  };
}

function hingeFor(cell: Rect): number {
  const fromLeft = cell.width >= 150 ? 22 : Math.round((cell.width - DOOR_WIDTH) / 2);
  return cell.x + fromLeft;
}

function exteriorWindows(x: number, width: number, frame: Frame): Rect[] {
  const pane = rect(x + 18, OUTER.y + 6, width - 36, OUTER_WALL - 12);
  return pane.width > 20 ? [frame.rect(pane)] : [];
}

function plainRoom(input: FloorPlanInput, index: number, cell: Rect, frame: Frame): PlannedRoom {
  const room = input.rooms[index];
  if (!room) throw new RangeError(`no room ${index}`);
  const main = insetRect(cell, HALF_WALL);
  return {
    input: room,
    index,
    polygon: rectPolygon(frame.rect(main)),
    main: frame.rect(main),
    door: corridorDoor(hingeFor(cell), frame),
    windows: exteriorWindows(cell.x, cell.width, frame),
  };
}

function wrappingRoom(input: FloorPlanInput, index: number, cell: Rect, kitchen: Rect, frame: Frame): PlannedRoom {
  const room = input.rooms[index];
  if (!room) throw new RangeError(`no room ${index}`);
  const wing = rect(kitchen.x, cell.y, kitchen.width, kitchen.y - cell.y);
  const polygon = lShapeWithWing(cell, wing, HALF_WALL).map(frame.point);
  const spanX = Math.min(cell.x, wing.x);
  return {
    input: room,
    index,
    polygon,
    main: frame.rect(insetRect(cell, HALF_WALL)),
    door: corridorDoor(hingeFor(cell), frame),
    windows: exteriorWindows(spanX, cell.width + wing.width, frame),
  };
}

function layoutNorthBand(
  input: FloorPlanInput,
  indices: readonly number[],
): { rooms: PlannedRoom[]; kitchen: PlannedService } {
  const largest = indices.reduce((best, i) =>
    (input.rooms[i]?.capacity ?? 0) > (input.rooms[best]?.capacity ?? 0) ? i : best,
  );
  const kitchenOnRight = input.level % 2 === 0;
  const weights = indices.map((i) => Math.sqrt(input.rooms[i]?.capacity ?? 1));
  const widths = distributeWidths(INTERIOR.width - KITCHEN.width, weights, MIN_ROOM_WIDTH);
  const rooms: PlannedRoom[] = [];
  let kitchen: PlannedService | null = null;
  let x = INTERIOR.x;
  indices.forEach((index, position) => {
    const width = widths[position] ?? MIN_ROOM_WIDTH;
    if (index !== largest) {
      rooms.push(plainRoom(input, index, rect(x, BAND_TOP, width, BAND_DEPTH), NORTH));
      x += width;
      return;
    }
    const kitchenX = kitchenOnRight ? x + width : x;
    const cellX = kitchenOnRight ? x : x + KITCHEN.width;
    const kitchenCell = rect(kitchenX, BAND_BOTTOM - KITCHEN.depth, KITCHEN.width, KITCHEN.depth);
    rooms.push(wrappingRoom(input, index, rect(cellX, BAND_TOP, width, BAND_DEPTH), kitchenCell, NORTH));
    kitchen = {
      kind: 'kitchen',
      area: insetRect(kitchenCell, HALF_WALL),
      door: corridorDoor(kitchenCell.x + 48, NORTH),
    };
    x += width + KITCHEN.width;
  });
  if (!kitchen) throw new Error('the north band has no largest room');
  return { rooms, kitchen };
}

function layoutSouthBand(
  input: FloorPlanInput,
  indices: readonly number[],
): { rooms: PlannedRoom[]; core: PlannedService[] } {
  const coreAt = [2, 1, 3][input.level % 3] ?? 2;
  const core = input.level % 2 === 0 ? CORE : [...CORE].reverse();
  const coreWidth = CORE.reduce((sum, [, w]) => sum + w, 0);
  const weights = indices.map((i) => Math.sqrt(input.rooms[i]?.capacity ?? 1));
  const widths = distributeWidths(INTERIOR.width - coreWidth, weights, MIN_ROOM_WIDTH);
  const rooms: PlannedRoom[] = [];
  const services: PlannedService[] = [];
  let x = INTERIOR.x;
  const placeCore = (): void => {
    for (const [kind, width] of core) {
      const cell = rect(x, BAND_TOP, width, BAND_DEPTH);
      const door = kind === 'lifts' ? null : corridorDoor(x + Math.round((width - DOOR_WIDTH) / 2), SOUTH);
      services.push({ kind, area: SOUTH.rect(insetRect(cell, HALF_WALL)), door });
      x += width;
    }
  };
  indices.forEach((index, position) => {
    if (position === coreAt) placeCore();
    const width = widths[position] ?? MIN_ROOM_WIDTH;
    rooms.push(plainRoom(input, index, rect(x, BAND_TOP, width, BAND_DEPTH), SOUTH));
    x += width;
  });
  if (coreAt >= indices.length) placeCore();
  return { rooms, core: services };
}

export function layoutFloor(input: FloorPlanInput): FloorLayout {
  if (input.rooms.length < 2) throw new RangeError('a demo floor needs at least two rooms');
  const { north, south } = splitIntoBands(input.rooms);
  const northBand = layoutNorthBand(input, north);
  const southBand = layoutSouthBand(input, south);
  const corridorCell = rect(INTERIOR.x, BAND_BOTTOM, INTERIOR.width, CORRIDOR_DEPTH);
  const corridorOpening = (x: number): Rect => rect(x, corridorCell.y + 12, OUTER_WALL, CORRIDOR_DEPTH - 24);
  return {
    input,
    width: PLAN_WIDTH,
    height: PLAN_HEIGHT,
    corridor: insetRect(corridorCell, HALF_WALL),
    rooms: [...northBand.rooms, ...southBand.rooms].sort((a, b) => a.index - b.index),
    services: [northBand.kitchen, ...southBand.core],
    entrance: input.hasEntrance ? corridorOpening(OUTER.x) : null,
    corridorWindows: input.hasEntrance
      ? [corridorOpening(rectRight(INTERIOR))]
      : [corridorOpening(OUTER.x), corridorOpening(rectRight(INTERIOR))],
  };
}
