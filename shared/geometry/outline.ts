import type { PlanSize, Point } from './polygon';

/**
 * Editing a room's outline on its floor plan: the pure moves behind the floor-plan editor's
 * mouse and keyboard. Every result stays on the plan (0..width, 0..height) with whole pixels,
 * the coordinates the server stores.
 */
export type Outline = readonly Point[];

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** A point pulled onto the plan and rounded to whole pixels. */
export function clampToPlan([x, y]: Point, plan: PlanSize): Point {
  return [clamp(Math.round(x), 0, plan.width), clamp(Math.round(y), 0, plan.height)];
}

/** The outline with corner `index` moved by (dx, dy), stopped at the plan's edges. */
export function moveVertex(outline: Outline, index: number, dx: number, dy: number, plan: PlanSize): Outline {
  return outline.map((point, i) => (i === index ? clampToPlan([point[0] + dx, point[1] + dy], plan) : point));
}

/** The outline with corner `index` put at `to` (a drag), stopped at the plan's edges. */
export function placeVertex(outline: Outline, index: number, to: Point, plan: PlanSize): Outline {
  return outline.map((point, i) => (i === index ? clampToPlan(to, plan) : point));
}

/**
 * The whole outline moved by (dx, dy). Where that would push a corner off the plan, the move is
 * shortened so the outline keeps its form and touches the edge instead.
 */
export function moveOutline(outline: Outline, dx: number, dy: number, plan: PlanSize): Outline {
  if (outline.length === 0) return outline;
  const xs = outline.map(([x]) => x);
  const ys = outline.map(([, y]) => y);
  const stepX = clamp(Math.round(dx), -Math.min(...xs), plan.width - Math.max(...xs));
  const stepY = clamp(Math.round(dy), -Math.min(...ys), plan.height - Math.max(...ys));
  return outline.map(([x, y]) => [x + stepX, y + stepY] as const);
}

/** A new corner halfway along the edge that leaves corner `index`, placed after it. */
export function insertVertexAfter(outline: Outline, index: number): { outline: Outline; index: number } {
  const from = outline[index];
  const to = outline[(index + 1) % outline.length];
  if (from === undefined || to === undefined) return { outline, index };
  const middle: Point = [Math.round((from[0] + to[0]) / 2), Math.round((from[1] + to[1]) / 2)];
  return { outline: [...outline.slice(0, index + 1), middle, ...outline.slice(index + 1)], index: index + 1 };
}

/** The smallest outline a room may have: removing a corner of a triangle is refused. */
export const MIN_CORNERS = 3;

/** The outline without corner `index`; unchanged when that would leave fewer than three corners. */
export function removeVertex(outline: Outline, index: number): Outline {
  if (outline.length <= MIN_CORNERS || index < 0 || index >= outline.length) return outline;
  return outline.filter((_point, i) => i !== index);
}

/** A corner added by clicking: appended to the outline being drawn. */
export function appendVertex(outline: Outline, at: Point, plan: PlanSize): Outline {
  return [...outline, clampToPlan(at, plan)];
}

/** A starting outline for a room that has none: a square in the middle of the plan, a tenth of its size. */
export function starterOutline(plan: PlanSize): Outline {
  const half = Math.max(1, Math.round(Math.min(plan.width, plan.height) / 10));
  const cx = Math.round(plan.width / 2);
  const cy = Math.round(plan.height / 2);
  return [
    [cx - half, cy - half],
    [cx + half, cy - half],
    [cx + half, cy + half],
    [cx - half, cy + half],
  ];
}

/** Where a pointer at (clientX, clientY) lies on a plan drawn into `box` (the plan scaled to fit it exactly). */
export function toPlanPoint(
  client: { readonly x: number; readonly y: number },
  box: { readonly left: number; readonly top: number; readonly width: number; readonly height: number },
  plan: PlanSize,
): Point {
  if (box.width <= 0 || box.height <= 0) return [0, 0];
  return [((client.x - box.left) * plan.width) / box.width, ((client.y - box.top) * plan.height) / box.height];
}

/** Whether two outlines are the same corners in the same order (null is "no outline"). */
export function sameOutline(a: Outline | null, b: Outline | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every(([x, y], i) => b[i]?.[0] === x && b[i]?.[1] === y);
}
