import { describe, expect, it } from '@jest/globals';
import {
  appendVertex,
  insertVertexAfter,
  moveOutline,
  moveVertex,
  placeVertex,
  removeVertex,
  sameOutline,
  starterOutline,
  toPlanPoint,
} from './outline';
import { polygonProblems } from './polygon';

const plan = { width: 200, height: 100 };
const square = [
  [10, 10],
  [50, 10],
  [50, 40],
  [10, 40],
] as const;

describe('moveVertex', () => {
  it('moves only the chosen corner', () => {
    expect(moveVertex(square, 1, 10, -1, plan)).toEqual([
      [10, 10],
      [60, 9],
      [50, 40],
      [10, 40],
    ]);
  });

  it('stops at the plan edges', () => {
    expect(moveVertex(square, 0, -50, -50, plan)[0]).toEqual([0, 0]);
    expect(moveVertex(square, 2, 500, 500, plan)[2]).toEqual([200, 100]);
  });
});

describe('placeVertex', () => {
  it('puts a dragged corner where the pointer is, rounded and on the plan', () => {
    expect(placeVertex(square, 3, [12.6, 130], plan)[3]).toEqual([13, 100]);
  });
});

describe('moveOutline', () => {
  it('moves every corner by the same step', () => {
    expect(moveOutline(square, 5, 10, plan)).toEqual([
      [15, 20],
      [55, 20],
      [55, 50],
      [15, 50],
    ]);
  });

  it('keeps the form at an edge, shortening the move instead of squashing the outline', () => {
    const moved = moveOutline(square, -30, 0, plan);
    expect(moved).toEqual([
      [0, 10],
      [40, 10],
      [40, 40],
      [0, 40],
    ]);
    expect(moveOutline(square, 0, 1000, plan).map(([, y]) => y)).toEqual([70, 70, 100, 100]);
  });
});

describe('insertVertexAfter and removeVertex', () => {
  it('adds a corner halfway along the next edge and selects it', () => {
    expect(insertVertexAfter(square, 3)).toEqual({
      outline: [
        [10, 10],
        [50, 10],
        [50, 40],
        [10, 40],
        [10, 25],
      ],
      index: 4,
    });
    expect(insertVertexAfter(square, 0).outline[1]).toEqual([30, 10]);
  });

  it('removes a corner but never below three', () => {
    const triangle = removeVertex(square, 1);
    expect(triangle).toEqual([
      [10, 10],
      [50, 40],
      [10, 40],
    ]);
    expect(removeVertex(triangle, 0)).toBe(triangle);
  });
});

describe('drawing', () => {
  it('appends clicked corners on the plan', () => {
    expect(appendVertex([[1, 1]], [250.4, 20.2], plan)).toEqual([
      [1, 1],
      [200, 20],
    ]);
  });

  it('offers a valid starter square inside the plan', () => {
    const starter = starterOutline(plan);
    expect(starter).toHaveLength(4);
    expect(polygonProblems(starter, plan)).toEqual([]);
  });

  it('maps pointer positions on a scaled plan to plan pixels', () => {
    expect(toPlanPoint({ x: 150, y: 75 }, { left: 50, top: 25, width: 400, height: 200 }, plan)).toEqual([50, 25]);
  });
});

describe('sameOutline', () => {
  it('compares corners in order', () => {
    expect(sameOutline(square, [...square])).toBe(true);
    expect(sameOutline(square, moveVertex(square, 0, 1, 0, plan))).toBe(false);
    expect(sameOutline(null, null)).toBe(true);
    expect(sameOutline(square, null)).toBe(false);
  });
});
