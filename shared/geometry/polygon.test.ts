import { describe, expect, it } from '@jest/globals';
import { polygonProblems, type Point } from './polygon';

const plan = { width: 100, height: 50 };

describe('polygonProblems', () => {
  it('accepts a simple outline inside the plan, including one touching its edges', () => {
    expect(
      polygonProblems(
        [
          [0, 0],
          [100, 0],
          [100, 50],
          [0, 50],
        ],
        plan,
      ),
    ).toEqual([]);
    expect(
      polygonProblems(
        [
          [10, 10],
          [40, 10],
          [25, 40],
        ],
        plan,
      ),
    ).toEqual([]);
  });

  it('accepts a concave outline (an L-shaped room)', () => {
    const lShape: Point[] = [
      [0, 0],
      [40, 0],
      [40, 20],
      [20, 20],
      [20, 40],
      [0, 40],
    ];
    expect(polygonProblems(lShape, plan)).toEqual([]);
  });

  it('checks shape alone while the floor has no plan', () => {
    expect(
      polygonProblems(
        [
          [0, 0],
          [5000, 0],
          [5000, 5000],
        ],
        null,
      ),
    ).toEqual([]);
  });

  it('names each reason an outline cannot be drawn', () => {
    expect(
      polygonProblems(
        [
          [0, 0],
          [10, 10],
          [20, 20],
        ],
        plan,
      ),
    ).toEqual(['the outline encloses no area']);
    expect(
      polygonProblems(
        [
          [0, 0],
          [10, 10],
          [10, 0],
          [0, 10],
        ],
        plan,
      ),
    ).toEqual(['the outline crosses itself']);
    expect(
      polygonProblems(
        [
          [0, 0],
          [0, 0],
          [10, 10],
        ],
        plan,
      ),
    ).toEqual(['two consecutive points are equal']);
    expect(
      polygonProblems(
        [
          [0, 0],
          [10, 0],
          [10, 60],
        ],
        plan,
      ),
    ).toEqual(['the outline leaves the 100x50 floor plan']);
    expect(
      polygonProblems(
        [
          [0, 0],
          [10, 0],
        ],
        plan,
      ),
    ).toEqual(['an outline needs at least 3 points']);
  });
});
