import type { Point } from './svg';

/**
 * A pinhole camera for the room pictures. World units are metres: x across the room (0 = left
 * wall), y up from the floor, z into the room (0 = the nearest plane drawn, `depth` = back wall).
 */
export type Vec3 = readonly [x: number, y: number, z: number];

export interface Camera {
  readonly width: number;
  readonly height: number;
  /** Camera position; z is negative or below the nearest drawn plane. */
  readonly eye: Vec3;
  /** Focal length in pixels. */
  readonly focal: number;
  /** Where the horizon crosses the picture, as a fraction of its height. */
  readonly horizon: number;
}

export function project(camera: Camera, [x, y, z]: Vec3): Point {
  const [ex, ey, ez] = camera.eye;
  const distance = Math.max(z - ez, 0.05);
  return [
    camera.width / 2 + (camera.focal * (x - ex)) / distance,
    camera.height * camera.horizon - (camera.focal * (y - ey)) / distance,
  ];
}

export function projectAll(camera: Camera, points: readonly Vec3[]): Point[] {
  return points.map((p) => project(camera, p));
}

/** A rectangle lying in the plane x = constant (a side wall). */
export function sideWallQuad(x: number, z0: number, z1: number, y0: number, y1: number): Vec3[] {
  return [
    [x, y0, z0],
    [x, y0, z1],
    [x, y1, z1],
    [x, y1, z0],
  ];
}

/** A rectangle lying in the plane z = constant (the back wall or something parallel to it). */
export function frontQuad(z: number, x0: number, x1: number, y0: number, y1: number): Vec3[] {
  return [
    [x0, y0, z],
    [x1, y0, z],
    [x1, y1, z],
    [x0, y1, z],
  ];
}

/** A rectangle lying in the plane y = constant (floor, ceiling, table tops). */
export function flatQuad(y: number, x0: number, x1: number, z0: number, z1: number): Vec3[] {
  return [
    [x0, y, z0],
    [x1, y, z0],
    [x1, y, z1],
    [x0, y, z1],
  ];
}

export interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly z0: number;
  readonly z1: number;
}

export interface BoxFace {
  readonly points: Vec3[];
  readonly shade: 'top' | 'front' | 'side';
}

/** The faces of a box the camera can see, in an order that paints correctly. */
export function visibleBoxFaces(camera: Camera, box: Box): BoxFace[] {
  const [ex, ey] = camera.eye;
  const faces: BoxFace[] = [];
  if (ex < box.x0) faces.push({ points: sideWallQuad(box.x0, box.z0, box.z1, box.y0, box.y1), shade: 'side' });
  if (ex > box.x1) faces.push({ points: sideWallQuad(box.x1, box.z0, box.z1, box.y0, box.y1), shade: 'side' });
  if (ey > box.y1) faces.push({ points: flatQuad(box.y1, box.x0, box.x1, box.z0, box.z1), shade: 'top' });
  if (ey < box.y0) faces.push({ points: flatQuad(box.y0, box.x0, box.x1, box.z0, box.z1), shade: 'top' });
  faces.push({ points: frontQuad(box.z0, box.x0, box.x1, box.y0, box.y1), shade: 'front' });
  return faces;
}

/** Darkens (amount > 0) or lightens (amount < 0) a #rrggbb colour. */
export function shadeColour(hex: string, amount: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number): number => {
    const c = (value >> shift) & 0xff;
    const next = amount >= 0 ? c * (1 - amount) : c + (255 - c) * -amount;
    return Math.max(0, Math.min(255, Math.round(next)));
  };
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, '0')).join('')}`;
}
