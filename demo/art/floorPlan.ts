import { rect, rectBottom, rectCentre, type Point, type Polygon, type Rect } from './geometry';
import {
  HALF_WALL,
  INTERIOR,
  OUTER,
  PIXELS_PER_METRE,
  layoutFloor,
  type Door,
  type FloorLayout,
  type FloorPlanInput,
  type PlannedRoom,
  type PlannedService,
} from './floorPlanLayout';
import { planFurniture } from './floorPlanFurniture';
import type { Palette } from './palettes';
import { el, num, pointsAttribute, svgDocument, text } from './svg';

export type { FloorPlanInput } from './floorPlanLayout';

export interface DrawnFloorPlan {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Each input room's outline in plan coordinates, in input order. */
  readonly shapes: readonly Polygon[];
}

const WALL = '#2f3a45';
const CORRIDOR = '#f4f5f7';
const SERVICE = '#e4e7eb';
const INK = '#1f2933';
const MUTED = '#5f6b76';
const GLASS = '#cfe3f5';

const isPhoneBooth = (tags: readonly string[]): boolean => tags.includes('Phone booth');

function door(d: Door, floorColour: string): string[] {
  const [hx, hy] = d.hinge;
  const [ox, oy] = d.openEnd;
  const [cx, cy] = d.closedEnd;
  const radius = Math.hypot(ox - hx, oy - hy);
  // Sweep so the arc bulges away from the hinge, whichever band the door is in.
  const sweep = (ox - hx) * (cy - hy) - (oy - hy) * (cx - hx) > 0 ? 1 : 0;
  return [
    el('rect', { x: d.opening.x, y: d.opening.y, width: d.opening.width, height: d.opening.height, fill: floorColour }),
    el('line', { x1: hx, y1: hy, x2: ox, y2: oy, stroke: INK, 'stroke-width': 1.5 }),
    el('path', {
      d: `M ${num(ox)} ${num(oy)} A ${num(radius)} ${num(radius)} 0 0 ${sweep} ${num(cx)} ${num(cy)}`,
      fill: 'none',
      stroke: MUTED,
      'stroke-width': 1,
      'stroke-dasharray': '3 3',
    }),
  ];
}

function windowPane(r: Rect): string[] {
  const mid = r.y + r.height / 2;
  return [
    el('rect', { x: r.x, y: r.y, width: r.width, height: r.height, fill: GLASS, stroke: '#ffffff', 'stroke-width': 1 }),
    el('line', { x1: r.x, y1: mid, x2: r.x + r.width, y2: mid, stroke: '#ffffff', 'stroke-width': 1 }),
  ];
}

/** Shrinks long names until they fit, then falls back to two lines. */
function fittedLabel(name: string, maxWidth: number): { lines: string[]; size: number } {
  const widthAt = (line: string, size: number): number => line.length * size * 0.58;
  for (const size of [18, 16, 14, 12]) {
    if (widthAt(name, size) <= maxWidth) return { lines: [name], size };
  }
  const words = name.split(' ');
  if (words.length > 1) {
    const half = Math.ceil(words.length / 2);
    const lines = [words.slice(0, half).join(' '), words.slice(half).join(' ')];
    const longest = lines.reduce((a, b) => (a.length >= b.length ? a : b));
    const size = [16, 14, 12, 11].find((s) => widthAt(longest, s) <= maxWidth) ?? 10;
    return { lines, size };
  }
  return { lines: [name], size: 11 };
}

/** The label sits by the outside wall, away from the door swinging in from the corridor. */
function roomLabel(room: PlannedRoom, atBottom: boolean): { parts: string[]; height: number } {
  const { lines, size } = fittedLabel(room.input.name, room.main.width - 14);
  const cx = room.main.x + room.main.width / 2;
  const height = 12 + lines.length * (size + 2) + 20;
  const top = atBottom ? rectBottom(room.main) - height : room.main.y;
  const parts = lines.map((line, i) =>
    text(line, {
      x: cx,
      y: top + 12 + size + i * (size + 2),
      'text-anchor': 'middle',
      'font-size': size,
      'font-weight': 600,
      fill: INK,
    }),
  );
  const seats = room.input.capacity === 1 ? '1 seat' : `${room.input.capacity} seats`;
  parts.push(text(seats, { x: cx, y: top + height - 6, 'text-anchor': 'middle', 'font-size': 12, fill: MUTED }));
  return { parts, height };
}

const DOOR_CLEARANCE = 34;

function drawRoom(room: PlannedRoom, palette: Palette, corridor: Rect): string[] {
  const booth = isPhoneBooth(room.input.tags);
  const southOfCorridor = room.main.y > corridor.y;
  const label = roomLabel(room, southOfCorridor);
  const freeHeight = room.main.height - label.height - DOOR_CLEARANCE;
  const freeY = southOfCorridor ? room.main.y + DOOR_CLEARANCE : room.main.y + label.height;
  const free = rect(room.main.x + 6, freeY, room.main.width - 12, freeHeight);
  return [
    el('polygon', { points: pointsAttribute(room.polygon), fill: booth ? palette.planBooth : palette.planRoom }),
    ...planFurniture(free, room.input.capacity, booth),
    ...label.parts,
  ];
}

function stairs(area: Rect): string[] {
  const parts: string[] = [];
  const flight = rect(area.x + 12, area.y + 42, area.width - 24, area.height - 76);
  const half = flight.width / 2;
  for (let y = flight.y; y <= rectBottom(flight); y += 12) {
    parts.push(
      el('line', { x1: flight.x, y1: y, x2: flight.x + flight.width, y2: y, stroke: MUTED, 'stroke-width': 1 }),
    );
  }
  parts.push(
    el('line', {
      x1: flight.x + half,
      y1: flight.y,
      x2: flight.x + half,
      y2: rectBottom(flight),
      stroke: INK,
      'stroke-width': 2,
    }),
  );
  parts.push(
    el('rect', {
      x: flight.x,
      y: flight.y,
      width: flight.width,
      height: flight.height,
      fill: 'none',
      stroke: INK,
      'stroke-width': 1.5,
    }),
  );
  return parts;
}

function lifts(area: Rect): string[] {
  const size = Math.min(area.width - 16, 56);
  const x = area.x + (area.width - size) / 2;
  return [0, 1].flatMap((i) => {
    const y = area.y + 24 + i * (size + 14);
    return [
      el('rect', { x, y, width: size, height: size, fill: '#ffffff', stroke: INK, 'stroke-width': 1.5 }),
      el('path', {
        d: `M ${num(x)} ${num(y)} L ${num(x + size)} ${num(y + size)} M ${num(x + size)} ${num(y)} L ${num(x)} ${num(y + size)}`,
        stroke: MUTED,
        'stroke-width': 1,
      }),
    ];
  });
}

/** Stalls stand against the outside wall, which is the far side from the corridor. */
function washrooms(area: Rect): string[] {
  const parts: string[] = [];
  const stall = 34;
  const bottom = rectBottom(area);
  for (let x = area.x + stall; x < area.x + area.width - 10; x += stall) {
    parts.push(el('line', { x1: x, y1: bottom - 70, x2: x, y2: bottom, stroke: MUTED, 'stroke-width': 1.5 }));
  }
  for (let x = area.x + stall / 2; x < area.x + area.width - 10; x += stall) {
    parts.push(
      el('ellipse', { cx: x, cy: bottom - 22, rx: 8, ry: 11, fill: '#ffffff', stroke: MUTED, 'stroke-width': 1 }),
    );
  }
  return parts;
}

function kitchen(area: Rect): string[] {
  const counter = rect(area.x, area.y, area.width, 22);
  return [
    el('rect', {
      x: counter.x,
      y: counter.y,
      width: counter.width,
      height: counter.height,
      fill: '#ffffff',
      stroke: MUTED,
      'stroke-width': 1.2,
    }),
    el('circle', { cx: area.x + 30, cy: area.y + 11, r: 7, fill: 'none', stroke: MUTED, 'stroke-width': 1.2 }),
    el('rect', {
      x: area.x + area.width - 44,
      y: area.y + 3,
      width: 28,
      height: 16,
      fill: 'none',
      stroke: MUTED,
      'stroke-width': 1.2,
    }),
  ];
}

const SERVICE_LABELS: Readonly<Record<PlannedService['kind'], string>> = {
  stairs: 'Stairs',
  lifts: 'Lifts',
  wc: 'WC',
  kitchen: 'Kitchen',
};

function drawService(service: PlannedService): string[] {
  const { area } = service;
  const fixtures = { stairs, lifts, wc: washrooms, kitchen }[service.kind](area);
  const [cx] = rectCentre(area);
  const labelY = {
    kitchen: area.y + 48,
    wc: area.y + area.height / 2,
    stairs: rectBottom(area) - 14,
    lifts: rectBottom(area) - 14,
  }[service.kind];
  return [
    el('rect', { x: area.x, y: area.y, width: area.width, height: area.height, fill: SERVICE }),
    ...fixtures,
    text(SERVICE_LABELS[service.kind], {
      x: cx,
      y: labelY,
      'text-anchor': 'middle',
      'font-size': 13,
      fill: MUTED,
      'font-weight': 600,
    }),
  ];
}

function titleBlock(layout: FloorLayout, palette: Palette): string[] {
  const { buildingName, floorName, level } = layout.input;
  return [
    text(buildingName, { x: OUTER.x, y: 52, 'font-size': 28, 'font-weight': 700, fill: palette.planAccent }),
    text(`${floorName} · level ${level}`, { x: OUTER.x, y: 84, 'font-size': 17, fill: INK }),
    text(`${layout.rooms.length} meeting rooms`, {
      x: OUTER.x + OUTER.width,
      y: 84,
      'font-size': 14,
      fill: MUTED,
      'text-anchor': 'end',
    }),
  ];
}

function scaleAndNorth(): string[] {
  const y = 740;
  const x = OUTER.x;
  const fiveMetres = 5 * PIXELS_PER_METRE;
  const north: Point = [OUTER.x + OUTER.width - 20, 735];
  return [
    el('rect', { x, y, width: fiveMetres / 2, height: 8, fill: INK }),
    el('rect', {
      x: x + fiveMetres / 2,
      y,
      width: fiveMetres / 2,
      height: 8,
      fill: '#ffffff',
      stroke: INK,
      'stroke-width': 1,
    }),
    text('0', { x, y: y + 26, 'font-size': 12, fill: MUTED, 'text-anchor': 'middle' }),
    text('5 m', { x: x + fiveMetres, y: y + 26, 'font-size': 12, fill: MUTED, 'text-anchor': 'middle' }),
    el('polygon', {
      points: pointsAttribute([
        [north[0], north[1] - 22],
        [north[0] + 10, north[1] + 8],
        [north[0], north[1]],
        [north[0] - 10, north[1] + 8],
      ]),
      fill: INK,
    }),
    text('N', {
      x: north[0],
      y: north[1] + 28,
      'font-size': 14,
      'font-weight': 700,
      fill: INK,
      'text-anchor': 'middle',
    }),
  ];
}

function legend(palette: Palette): string[] {
  const items: ReadonlyArray<readonly [string, string]> = [
    [palette.planRoom, 'Meeting room'],
    [palette.planBooth, 'Phone booth'],
    [SERVICE, 'Services'],
  ];
  return items.flatMap(([fill, label], i) => {
    const x = 320 + i * 170;
    return [
      el('rect', { x, y: 736, width: 18, height: 14, fill, stroke: WALL, 'stroke-width': 1 }),
      text(label, { x: x + 26, y: 748, 'font-size': 13, fill: INK }),
    ];
  });
}

function entrance(layout: FloorLayout): string[] {
  if (!layout.entrance) return [];
  const e = layout.entrance;
  const opening = rect(e.x, e.y, e.width + HALF_WALL + 1, e.height);
  const midY = e.y + e.height / 2;
  return [
    el('rect', { x: opening.x, y: opening.y, width: opening.width, height: opening.height, fill: CORRIDOR }),
    el('path', {
      d: `M ${num(e.x + 34)} ${num(midY)} l 26 0 m -8 -6 l 8 6 l -8 6`,
      fill: 'none',
      stroke: INK,
      'stroke-width': 2,
    }),
    text('Entrance', { x: e.x + 34, y: midY - 10, 'font-size': 13, 'font-weight': 600, fill: INK }),
  ];
}

export function renderFloorPlan(layout: FloorLayout, palette: Palette): string {
  const { corridor } = layout;
  const body = [
    el('rect', { x: 0, y: 0, width: layout.width, height: layout.height, fill: '#ffffff' }),
    ...titleBlock(layout, palette),
    el('rect', { x: OUTER.x, y: OUTER.y, width: OUTER.width, height: OUTER.height, fill: WALL }),
    el('rect', { x: corridor.x, y: corridor.y, width: corridor.width, height: corridor.height, fill: CORRIDOR }),
    ...layout.rooms.flatMap((room) => room.windows.flatMap(windowPane)),
    ...layout.corridorWindows.flatMap(windowPane),
    ...layout.rooms.flatMap((room) => drawRoom(room, palette, corridor)),
    ...layout.services.flatMap(drawService),
    ...layout.rooms.flatMap((room) => door(room.door, CORRIDOR)),
    ...layout.services.flatMap((s) => (s.door ? door(s.door, CORRIDOR) : [])),
    ...entrance(layout),
    ...scaleAndNorth(),
    ...legend(palette),
  ];
  const { buildingName, floorName } = layout.input;
  return svgDocument(
    {
      width: layout.width,
      height: layout.height,
      title: `${buildingName}, ${floorName}`,
      description: `Floor plan of ${floorName} in ${buildingName} with ${layout.rooms.map((r) => r.input.name).join(', ')}.`,
    },
    body,
  );
}

/** Lays out and draws one floor; the room outlines are returned for the rooms' `shape`. */
export function drawFloorPlan(input: FloorPlanInput, palette: Palette): DrawnFloorPlan {
  const layout = layoutFloor(input);
  return {
    svg: renderFloorPlan(layout, palette),
    width: layout.width,
    height: layout.height,
    shapes: layout.rooms.map((room) => room.polygon),
  };
}

/** The interior of the outer walls: every room lies inside it. */
export const PLAN_INTERIOR = INTERIOR;
