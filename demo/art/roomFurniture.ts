import type { Palette } from './palettes';
import { project, projectAll, shadeColour, visibleBoxFaces, type Box, type Camera, type Vec3 } from './perspective';
import type { Random } from './random';
import { el, polygon } from './svg';

/** Furniture for the room pictures, drawn as shaded boxes in the room's perspective. */

export function drawBox(camera: Camera, box: Box, colour: string, edge = shadeColour(colour, 0.35)): string[] {
  const tone = { top: shadeColour(colour, -0.12), front: colour, side: shadeColour(colour, 0.18) } as const;
  return visibleBoxFaces(camera, box).map((face) =>
    polygon(projectAll(camera, face.points), {
      fill: tone[face.shade],
      stroke: edge,
      'stroke-width': 0.6,
      'stroke-linejoin': 'round',
    }),
  );
}

/** Which way the sitter looks. The backrest is on the opposite side. */
export type Facing = 'east' | 'west' | 'north' | 'south';

export function drawChair(camera: Camera, x: number, z: number, facing: Facing, colour: string): string[] {
  const half = 0.23;
  const seat: Box = { x0: x - half, x1: x + half, y0: 0.42, y1: 0.5, z0: z - half, z1: z + half };
  const thin = 0.06;
  const backs: Record<Facing, Box> = {
    east: { ...seat, x1: seat.x0 + thin, y0: 0.5, y1: 0.98 },
    west: { ...seat, x0: seat.x1 - thin, y0: 0.5, y1: 0.98 },
    north: { ...seat, z1: seat.z0 + thin, y0: 0.5, y1: 0.98 },
    south: { ...seat, z0: seat.z1 - thin, y0: 0.5, y1: 0.98 },
  };
  const stem: Box = { x0: x - 0.03, x1: x + 0.03, y0: 0.04, y1: 0.42, z0: z - 0.03, z1: z + 0.03 };
  const base: Box = { x0: x - 0.2, x1: x + 0.2, y0: 0, y1: 0.04, z0: z - 0.2, z1: z + 0.2 };
  const back = backs[facing];
  // A backrest nearer the camera than the seat hides it, so it is painted last.
  const backInFront = facing === 'north';
  const parts = [...drawBox(camera, base, '#3a3f44'), ...drawBox(camera, stem, '#3a3f44')];
  if (backInFront) return [...parts, ...drawBox(camera, seat, colour), ...drawBox(camera, back, colour)];
  return [...parts, ...drawBox(camera, back, colour), ...drawBox(camera, seat, colour)];
}

export function drawTableLegs(camera: Camera, top: Box, colour: string): string[] {
  const inset = 0.12;
  const legs: Array<readonly [number, number]> = [
    [top.x0 + inset, top.z1 - inset],
    [top.x1 - inset, top.z1 - inset],
    [top.x0 + inset, top.z0 + inset],
    [top.x1 - inset, top.z0 + inset],
  ];
  return legs.flatMap(([x, z]) =>
    drawBox(camera, { x0: x - 0.03, x1: x + 0.03, y0: 0, y1: top.y0, z0: z - 0.03, z1: z + 0.03 }, colour),
  );
}

/** A round table: the edge band, then the top, as polygons through projected circle points. */
export function drawRoundTable(camera: Camera, cx: number, cz: number, radius: number, palette: Palette): string[] {
  const ring = (y: number): Vec3[] =>
    Array.from({ length: 32 }, (_, i): Vec3 => [
      cx + radius * Math.cos((i / 32) * 2 * Math.PI),
      y,
      cz + radius * Math.sin((i / 32) * 2 * Math.PI),
    ]);
  const pedestal: Box = { x0: cx - 0.05, x1: cx + 0.05, y0: 0.03, y1: 0.72, z0: cz - 0.05, z1: cz + 0.05 };
  const foot: Box = { x0: cx - 0.28, x1: cx + 0.28, y0: 0, y1: 0.03, z0: cz - 0.28, z1: cz + 0.28 };
  return [
    ...drawBox(camera, foot, '#3a3f44'),
    ...drawBox(camera, pedestal, '#3a3f44'),
    polygon(projectAll(camera, ring(0.72)), { fill: palette.woodEdge }),
    polygon(projectAll(camera, ring(0.76)), {
      fill: shadeColour(palette.wood, -0.1),
      stroke: palette.woodEdge,
      'stroke-width': 0.8,
    }),
  ];
}

/** A potted plant: a box pot and a crown of leaves. */
export function drawPlant(camera: Camera, x: number, z: number, random: Random): string[] {
  const pot: Box = { x0: x - 0.2, x1: x + 0.2, y0: 0, y1: 0.45, z0: z - 0.2, z1: z + 0.2 };
  const [px, py] = project(camera, [x, 0.95, z]);
  const [, groundY] = project(camera, [x, 0.45, z]);
  const scale = Math.max(8, (groundY - py) * 0.8);
  const greens = ['#3f7d4e', '#4f9a5f', '#2f6b3f'];
  const leaves = Array.from({ length: 7 }, (_, i) =>
    el('ellipse', {
      cx: px + random.between(-0.6, 0.6) * scale,
      cy: py + random.between(-0.5, 0.7) * scale,
      rx: scale * random.between(0.25, 0.4),
      ry: scale * random.between(0.5, 0.8),
      fill: greens[i % greens.length],
      transform: `rotate(${Math.round(random.between(-40, 40))} ${Math.round(px)} ${Math.round(py)})`,
    }),
  );
  return [...drawBox(camera, pot, '#d7d2c8'), ...leaves];
}
