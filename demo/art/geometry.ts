/** Plan geometry: rectangles, room outlines and the checks that keep rooms apart. */

export type Point = readonly [number, number];
export type Polygon = readonly Point[];

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function rect(x: number, y: number, width: number, height: number): Rect {
  return { x, y, width, height };
}

export function rectRight(r: Rect): number {
  return r.x + r.width;
}

export function rectBottom(r: Rect): number {
  return r.y + r.height;
}

export function insetRect(r: Rect, by: number): Rect {
  return rect(r.x + by, r.y + by, r.width - 2 * by, r.height - 2 * by);
}

export function rectPolygon(r: Rect): Polygon {
  return [
    [r.x, r.y],
    [rectRight(r), r.y],
    [rectRight(r), rectBottom(r)],
    [r.x, rectBottom(r)],
  ];
}

export function rectCentre(r: Rect): Point {
  return [r.x + r.width / 2, r.y + r.height / 2];
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function polygonBounds(points: Polygon): Bounds {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** Even-odd rule; points exactly on an edge may go either way, so callers test cell centres. */
export function pointInPolygon([px, py]: Point, points: Polygon): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const [xi, yi] = points[i] ?? [0, 0];
    const [xj, yj] = points[j] ?? [0, 0];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shoelace formula; positive for either orientation. */
export function polygonArea(points: Polygon): number {
  let twice = 0;
  for (let i = 0; i < points.length; i += 1) {
    const [x1, y1] = points[i] ?? [0, 0];
    const [x2, y2] = points[(i + 1) % points.length] ?? [0, 0];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

/** Every edge runs horizontally or vertically between whole-number corners. */
export function isRectilinearOnGrid(points: Polygon): boolean {
  return points.every(([x, y], i) => {
    const [nx, ny] = points[(i + 1) % points.length] ?? [x, y];
    return Number.isInteger(x) && Number.isInteger(y) && (x === nx || y === ny);
  });
}

/**
 * Whether two grid-aligned rectilinear outlines share any area (touching edges do not count).
 * On whole-number corners any shared area contains a whole unit cell, so testing the centre
 * of every unit cell in the overlap of the bounding boxes is exact.
 */
export function rectilinearPolygonsOverlap(a: Polygon, b: Polygon): boolean {
  const ba = polygonBounds(a);
  const bb = polygonBounds(b);
  const minX = Math.max(ba.minX, bb.minX);
  const maxX = Math.min(ba.maxX, bb.maxX);
  const minY = Math.max(ba.minY, bb.minY);
  const maxY = Math.min(ba.maxY, bb.maxY);
  for (let x = minX; x < maxX; x += 1) {
    for (let y = minY; y < maxY; y += 1) {
      const centre: Point = [x + 0.5, y + 0.5];
      if (pointInPolygon(centre, a) && pointInPolygon(centre, b)) return true;
    }
  }
  return false;
}

/**
 * The outline of a room made of a full-depth main part and a shallower wing beside it that
 * shares the main part's top edge (the wing wraps over a service room). Each side is pulled in
 * by `inset` so that neighbouring rooms keep a wall's width between them.
 */
export function lShapeWithWing(main: Rect, wing: Rect, inset: number): Polygon {
  if (wing.y !== main.y || wing.height >= main.height)
    throw new RangeError('the wing must share the top edge and be shallower');
  if (wing.x === rectRight(main)) return lShapeWingRight(main, wing, inset);
  if (rectRight(wing) === main.x) {
    const mirror = (r: Rect): Rect => rect(-rectRight(r), r.y, r.width, r.height);
    return lShapeWingRight(mirror(main), mirror(wing), inset).map(([x, y]): Point => [-x, y]);
  }
  throw new RangeError('the wing must touch the main part');
}

function lShapeWingRight(main: Rect, wing: Rect, inset: number): Polygon {
  const wingBottom = rectBottom(wing);
  return [
    [main.x + inset, main.y + inset],
    [rectRight(wing) - inset, main.y + inset],
    [rectRight(wing) - inset, wingBottom - inset],
    [rectRight(main) - inset, wingBottom - inset],
    [rectRight(main) - inset, rectBottom(main) - inset],
    [main.x + inset, rectBottom(main) - inset],
  ];
}
