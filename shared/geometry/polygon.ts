/** A point in floor-plan pixel coordinates. */
export type Point = readonly [x: number, y: number];

export interface PlanSize {
  readonly width: number;
  readonly height: number;
}

/** Twice the signed area (shoelace formula); zero for a degenerate outline. */
function doubledArea(points: readonly Point[]): number {
  let sum = 0;
  points.forEach(([x1, y1], i) => {
    const [x2, y2] = points[(i + 1) % points.length] ?? [x1, y1];
    sum += x1 * y2 - x2 * y1;
  });
  return sum;
}

function orientation(a: Point, b: Point, c: Point): number {
  const value = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1]);
  return Math.sign(value);
}

function onSegment(a: Point, b: Point, p: Point): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

function segmentsIntersect(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(p1, p2, q1)) ||
    (o2 === 0 && onSegment(p1, p2, q2)) ||
    (o3 === 0 && onSegment(q1, q2, p1)) ||
    (o4 === 0 && onSegment(q1, q2, p2))
  );
}

function edges(points: readonly Point[]): [Point, Point][] {
  return points.map((p, i) => [p, points[(i + 1) % points.length] ?? p]);
}

/** Edges that are not neighbours must not touch: a room outline may not cross itself. */
function crossesItself(points: readonly Point[]): boolean {
  const all = edges(points);
  const n = all.length;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 2; j < n; j += 1) {
      if (i === 0 && j === n - 1) continue;
      const [a, b] = all[i] ?? [];
      const [c, d] = all[j] ?? [];
      if (a && b && c && d && segmentsIntersect(a, b, c, d)) return true;
    }
  }
  return false;
}

function hasRepeatedNeighbours(points: readonly Point[]): boolean {
  return points.some((p, i) => {
    const next = points[(i + 1) % points.length];
    return next !== undefined && next[0] === p[0] && next[1] === p[1];
  });
}

/**
 * Why a room outline cannot be drawn on its floor plan; empty when it can. The plan size is
 * known only once a plan is uploaded; outlines drawn before that are checked for shape alone.
 */
export function polygonProblems(points: readonly Point[], plan: PlanSize | null): string[] {
  const problems: string[] = [];
  if (points.length < 3) return ['an outline needs at least 3 points'];
  if (hasRepeatedNeighbours(points)) problems.push('two consecutive points are equal');
  else if (crossesItself(points)) problems.push('the outline crosses itself');
  else if (doubledArea(points) === 0) problems.push('the outline encloses no area');
  if (plan && points.some(([x, y]) => x > plan.width || y > plan.height)) {
    problems.push(`the outline leaves the ${plan.width}x${plan.height} floor plan`);
  }
  return problems;
}
