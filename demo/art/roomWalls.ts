import type { Palette } from './palettes';
import {
  flatQuad,
  frontQuad,
  project,
  projectAll,
  shadeColour,
  sideWallQuad,
  type Camera,
  type Vec3,
} from './perspective';
import type { Random } from './random';
import { el, polygon, type Point } from './svg';

/** The shell of a pictured room and what hangs on its walls. */

export interface RoomShell {
  /** Metres: across, deep and high. */
  readonly width: number;
  readonly depth: number;
  readonly height: number;
  /** The nearest plane drawn; close-ups start part-way into the room. */
  readonly nearZ: number;
}

export function drawShell(
  camera: Camera,
  shell: RoomShell,
  wall: string,
  backWall: string,
  palette: Palette,
): string[] {
  const { width: w, depth: d, height: h, nearZ: n } = shell;
  return [
    polygon(projectAll(camera, flatQuad(h, 0, w, n, d)), { fill: shadeColour(wall, -0.3) }),
    polygon(projectAll(camera, sideWallQuad(0, n, d, 0, h)), { fill: shadeColour(wall, 0.06) }),
    polygon(projectAll(camera, sideWallQuad(w, n, d, 0, h)), { fill: shadeColour(wall, 0.03) }),
    polygon(projectAll(camera, flatQuad(0, 0, w, n, d)), { fill: palette.floor }),
    polygon(projectAll(camera, frontQuad(d, 0, w, 0, h)), { fill: backWall }),
    // Skirting where the walls meet the floor.
    polygon(projectAll(camera, frontQuad(d, 0, w, 0, 0.08)), { fill: palette.floorShade }),
  ];
}

export function drawCeilingLights(camera: Camera, shell: RoomShell): string[] {
  const parts: string[] = [];
  for (let z = Math.max(shell.nearZ + 0.8, 1); z < shell.depth - 0.6; z += 2) {
    const x0 = shell.width / 2 - Math.min(0.7, shell.width / 4);
    const x1 = shell.width - x0;
    parts.push(
      polygon(projectAll(camera, flatQuad(shell.height - 0.01, x0, x1, z, z + 0.3)), {
        fill: '#fffdf2',
        stroke: '#e6e2d3',
        'stroke-width': 0.8,
      }),
    );
  }
  return parts;
}

/** A wall display with a slide on it, centred on the back wall. */
export function drawScreen(camera: Camera, shell: RoomShell, palette: Palette, accent: string): string[] {
  const sw = Math.min(Math.max(shell.width * 0.38, 1.1), 2.6);
  const sh = sw * 0.5625;
  const x0 = (shell.width - sw) / 2;
  const y0 = 1.0;
  const z = shell.depth - 0.02;
  const bezel = 0.04;
  const slide = (u0: number, v0: number, u1: number, v1: number): Point[] =>
    projectAll(
      camera,
      frontQuad(
        z - 0.001,
        x0 + bezel + u0 * (sw - 2 * bezel),
        x0 + bezel + u1 * (sw - 2 * bezel),
        y0 + bezel + v0 * (sh - 2 * bezel),
        y0 + bezel + v1 * (sh - 2 * bezel),
      ),
    );
  const bars = [0.35, 0.6, 0.45, 0.8].map((height, i) =>
    polygon(slide(0.12 + i * 0.12, 0.12, 0.2 + i * 0.12, 0.12 + height * 0.6), {
      fill: i === 3 ? accent : shadeColour(palette.planAccent, -0.3),
    }),
  );
  return [
    polygon(projectAll(camera, frontQuad(z, x0, x0 + sw, y0, y0 + sh)), { fill: '#15191e' }),
    polygon(slide(0, 0, 1, 1), { fill: '#f7f9fb' }),
    polygon(slide(0, 0.82, 1, 1), { fill: palette.planAccent }),
    ...bars,
    polygon(slide(0.66, 0.2, 0.9, 0.26), { fill: '#c9d1d9' }),
    polygon(slide(0.66, 0.34, 0.86, 0.4), { fill: '#c9d1d9' }),
    polygon(slide(0.66, 0.48, 0.9, 0.54), { fill: '#c9d1d9' }),
  ];
}

/** The video conference camera bar under the display. */
export function drawCameraBar(camera: Camera, shell: RoomShell): string[] {
  const z = shell.depth - 0.03;
  const cx = shell.width / 2;
  const [lx, ly] = project(camera, [cx, 0.9, z]);
  const [rx] = project(camera, [cx + 0.035, 0.9, z]);
  return [
    polygon(projectAll(camera, frontQuad(z, cx - 0.35, cx + 0.35, 0.86, 0.94)), { fill: '#23272b' }),
    el('circle', { cx: lx, cy: ly, r: Math.max(1.5, rx - lx), fill: '#4a6fa5', stroke: '#0e1114', 'stroke-width': 1 }),
  ];
}

/** A framed print, for back walls without a display. */
export function drawArtwork(camera: Camera, shell: RoomShell, palette: Palette, random: Random): string[] {
  const z = shell.depth - 0.02;
  const w = Math.min(1.4, shell.width * 0.35);
  const x0 = (shell.width - w) / 2;
  const inner = (u0: number, v0: number, u1: number, v1: number): Point[] =>
    projectAll(camera, frontQuad(z - 0.001, x0 + u0 * w, x0 + u1 * w, 1.2 + v0 * 0.9, 1.2 + v1 * 0.9));
  const shapes = Array.from({ length: 3 }, () => {
    const u = random.between(0.1, 0.6);
    const v = random.between(0.1, 0.55);
    return polygon(inner(u, v, u + random.between(0.15, 0.3), v + random.between(0.15, 0.35)), {
      fill: random.pick([...palette.accentWalls, palette.wood]),
    });
  });
  return [
    polygon(projectAll(camera, frontQuad(z, x0 - 0.04, x0 + w + 0.04, 1.16, 2.14)), { fill: '#2b2b2b' }),
    polygon(inner(0, 0, 1, 1), { fill: '#fbfaf7' }),
    ...shapes,
  ];
}

/** Where a whiteboard hangs: along the left wall, or centred on the wall the camera faces. */
export type BoardWall = 'left' | 'back';

interface BoardPlacement {
  /** A point on the board: u runs along it, v up it, `lift` off the wall. */
  readonly at: (u: number, v: number, lift?: number) => Vec3;
}

function boardPlacement(shell: RoomShell, wall: BoardWall): BoardPlacement | null {
  if (wall === 'back') {
    const length = Math.min(2.4, shell.width * 0.6);
    const x0 = (shell.width - length) / 2;
    return { at: (u, v, lift = 0) => [x0 + u * length, 1.0 + v, shell.depth - 0.02 - lift] };
  }
  const z0 = Math.max(shell.nearZ + 0.5, shell.depth * 0.3);
  const length = Math.min(2.4, shell.depth - z0 - 0.5);
  if (length < 0.8) return null;
  return { at: (u, v, lift = 0) => [0.02 + lift, 1.0 + v, z0 + u * length] };
}

/** A whiteboard with a few lines of marker on it. */
export function drawWhiteboard(camera: Camera, shell: RoomShell, random: Random, wall: BoardWall = 'left'): string[] {
  const board = boardPlacement(shell, wall);
  if (!board) return [];
  const quad = (u0: number, u1: number, v0: number, v1: number, lift: number): Point[] =>
    projectAll(camera, [
      board.at(u0, v0, lift),
      board.at(u1, v0, lift),
      board.at(u1, v1, lift),
      board.at(u0, v1, lift),
    ]);
  const scribbles = [0.8, 0.62, 0.44].map((v, row) => {
    const points: Point[] = [];
    for (let u = 0.08; u < 0.08 + random.between(0.4, 0.8); u += 0.04)
      points.push(project(camera, board.at(u, v + random.between(-0.03, 0.03), 0.01)));
    return el('polyline', {
      points: points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' '),
      fill: 'none',
      stroke: row === 0 ? '#2f5fa7' : '#3a3a3a',
      'stroke-width': 1.4,
      'stroke-linecap': 'round',
    });
  });
  return [
    polygon(quad(-0.02, 1.02, -0.04, 1.04, 0), { fill: '#9aa3ab' }),
    polygon(quad(0, 1, 0, 1, 0.005), { fill: '#ffffff' }),
    polygon(quad(0.62, 0.9, 0.15, 0.5, 0.01), { fill: 'none', stroke: '#c0392b', 'stroke-width': 1.2 }),
    ...scribbles,
    polygon(quad(0, 1, -0.07, -0.03, 0.01), { fill: '#6b737a' }),
  ];
}

/** A row of tall windows in the right wall. */
export function drawWindows(camera: Camera, shell: RoomShell, sky: string): string[] {
  const x = shell.width - 0.01;
  const z0 = shell.nearZ + 0.3;
  const z1 = shell.depth - 0.4;
  if (z1 - z0 < 0.8) return [];
  const parts = [
    polygon(projectAll(camera, sideWallQuad(x, z0, z1, 0.8, 2.4)), { fill: sky, stroke: '#e8ecef', 'stroke-width': 2 }),
    polygon(projectAll(camera, sideWallQuad(x - 0.001, z0, z1, 0.8, 1.2)), { fill: shadeColour(sky, 0.12) }),
  ];
  for (let z = z0 + 1.2; z < z1 - 0.3; z += 1.2) {
    parts.push(
      el('line', {
        ...lineBetween(project(camera, [x, 0.8, z]), project(camera, [x, 2.4, z])),
        stroke: '#e8ecef',
        'stroke-width': 3,
      }),
    );
  }
  return parts;
}

function lineBetween([x1, y1]: Point, [x2, y2]: Point): Record<string, number> {
  return { x1, y1, x2, y2 };
}

/** The blue step-free sign beside the display. */
export function drawAccessSign(camera: Camera, shell: RoomShell): string[] {
  const z = shell.depth - 0.02;
  // High in the left corner, clear of the display, the camera and the booth lamp.
  const x0 = 0.12;
  const [ax, ay] = project(camera, [x0, 2.05, z]);
  const [bx, by] = project(camera, [x0 + 0.2, 1.85, z]);
  const size = bx - ax;
  if (size < 6) return [];
  const u = size / 10;
  return [
    el('rect', { x: ax, y: ay, width: size, height: by - ay, fill: '#1f5fbf', rx: u }),
    el('circle', { cx: ax + 5 * u, cy: ay + 2.2 * u, r: 0.9 * u, fill: '#ffffff' }),
    el('path', {
      d: `M ${(ax + 4.6 * u).toFixed(1)} ${(ay + 3.4 * u).toFixed(1)} v ${(2.6 * u).toFixed(1)} h ${(2.4 * u).toFixed(1)} l ${(1.2 * u).toFixed(1)} ${(2.2 * u).toFixed(1)}`,
      fill: 'none',
      stroke: '#ffffff',
      'stroke-width': Math.max(0.8, u * 0.8),
    }),
    el('path', {
      d: `M ${(ax + 3.6 * u).toFixed(1)} ${(ay + 5.2 * u).toFixed(1)} a ${(2.2 * u).toFixed(1)} ${(2.2 * u).toFixed(1)} 0 1 0 ${(3.2 * u).toFixed(1)} ${(2.8 * u).toFixed(1)}`,
      fill: 'none',
      stroke: '#ffffff',
      'stroke-width': Math.max(0.8, u * 0.8),
    }),
  ];
}
