import { describe, expect, it } from '@jest/globals';
import {
  isRectilinearOnGrid,
  lShapeWithWing,
  polygonArea,
  rect,
  rectPolygon,
  rectilinearPolygonsOverlap,
} from './geometry';

describe('plan geometry', () => {
  it('treats rooms that share only a wall line as not overlapping', () => {
    const left = rectPolygon(rect(0, 0, 100, 50));
    const right = rectPolygon(rect(100, 0, 60, 50));
    expect(rectilinearPolygonsOverlap(left, right)).toBe(false);
  });

  it('detects rooms that share even a one-pixel strip', () => {
    const left = rectPolygon(rect(0, 0, 100, 50));
    const right = rectPolygon(rect(99, 40, 60, 50));
    expect(rectilinearPolygonsOverlap(left, right)).toBe(true);
  });

  it('draws an L-shaped room round a corner cut-out on either side', () => {
    const main = rect(100, 0, 200, 230);
    const wingRight = lShapeWithWing(main, rect(300, 0, 130, 120), 5);
    const wingLeft = lShapeWithWing(main, rect(-30, 0, 130, 120), 5);
    for (const shape of [wingRight, wingLeft]) {
      expect(shape).toHaveLength(6);
      expect(isRectilinearOnGrid(shape)).toBe(true);
      // Main part and wing, each pulled in by half a wall on every side.
      expect(polygonArea(shape)).toBe(190 * 220 + 130 * 110);
    }
    const kitchenRight = rectPolygon(rect(305, 125, 120, 100));
    const kitchenLeft = rectPolygon(rect(-25, 125, 120, 100));
    expect(rectilinearPolygonsOverlap(wingRight, kitchenRight)).toBe(false);
    expect(rectilinearPolygonsOverlap(wingLeft, kitchenLeft)).toBe(false);
  });

  it('refuses a wing that does not touch the main part', () => {
    expect(() => lShapeWithWing(rect(0, 0, 100, 200), rect(150, 0, 50, 100), 5)).toThrow(RangeError);
  });
});
