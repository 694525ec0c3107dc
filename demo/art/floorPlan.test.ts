import { describe, expect, it } from '@jest/globals';
import { DOMParser } from '@xmldom/xmldom';
import { inspectImage } from '../../server/services/files/inspectImage';
import { DEMO_BUILDINGS } from '../organisation/organisation';
import { drawFloorPlan, PLAN_INTERIOR, type FloorPlanInput } from './floorPlan';
import { distributeWidths } from './floorPlanLayout';
import { isRectilinearOnGrid, polygonArea, polygonBounds, rectilinearPolygonsOverlap } from './geometry';
import { paletteFor } from './palettes';

const demoFloors = DEMO_BUILDINGS.flatMap((building) =>
  building.floors.map((floor): [string, FloorPlanInput, string] => [
    `${building.name} / ${floor.name}`,
    {
      buildingName: building.name,
      floorName: floor.name,
      level: floor.level,
      hasEntrance: floor.level === 0,
      rooms: floor.rooms,
    },
    building.key,
  ]),
);

function textsOf(svg: string): string[] {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const nodes = doc.getElementsByTagName('text');
  return Array.from({ length: nodes.length }, (_, i) => nodes.item(i)?.textContent ?? '');
}

describe('demo floor plans', () => {
  it.each(demoFloors)(
    '%s: every room has an outline inside the walls, and no two outlines overlap',
    (_, input, key) => {
      const plan = drawFloorPlan(input, paletteFor(key));
      expect(plan.shapes).toHaveLength(input.rooms.length);
      for (const shape of plan.shapes) {
        expect(isRectilinearOnGrid(shape)).toBe(true);
        const b = polygonBounds(shape);
        expect(b.minX).toBeGreaterThanOrEqual(PLAN_INTERIOR.x);
        expect(b.minY).toBeGreaterThanOrEqual(PLAN_INTERIOR.y);
        expect(b.maxX).toBeLessThanOrEqual(PLAN_INTERIOR.x + PLAN_INTERIOR.width);
        expect(b.maxY).toBeLessThanOrEqual(PLAN_INTERIOR.y + PLAN_INTERIOR.height);
      }
      plan.shapes.forEach((a, i) =>
        plan.shapes.slice(i + 1).forEach((b, j) => {
          expect({
            pair: [input.rooms[i]?.name, input.rooms[i + 1 + j]?.name],
            overlap: rectilinearPolygonsOverlap(a, b),
          }).toMatchObject({ overlap: false });
        }),
      );
    },
  );

  it.each(demoFloors)('%s: the largest room gets the most floor and wraps round the kitchen', (_, input, key) => {
    const plan = drawFloorPlan(input, paletteFor(key));
    const areas = plan.shapes.map(polygonArea);
    const largest = input.rooms.reduce(
      (best, room, i) => (room.capacity > (input.rooms[best]?.capacity ?? 0) ? i : best),
      0,
    );
    const smallest = input.rooms.reduce(
      (best, room, i) => (room.capacity < (input.rooms[best]?.capacity ?? Infinity) ? i : best),
      0,
    );
    expect(Math.max(...areas)).toBe(areas[largest]);
    expect(areas[largest]).toBeGreaterThan(2 * (areas[smallest] ?? 0));
    expect(plan.shapes[largest]).toHaveLength(6);
  });

  it.each(demoFloors)(
    '%s: the drawing is a safe SVG the uploads check accepts, labelled with every room',
    (_, input, key) => {
      const plan = drawFloorPlan(input, paletteFor(key));
      expect(inspectImage(Buffer.from(plan.svg))).toEqual({ contentType: 'image/svg+xml', width: 1200, height: 800 });
      expect(plan.svg).not.toMatch(/<script|\son[a-z]+=|href=|url\(|<style/i);
      const labels = textsOf(plan.svg).join('\n');
      for (const room of input.rooms) {
        const words = room.name.split(' ');
        for (const word of words) expect(labels).toContain(word);
        expect(labels).toContain(`${room.capacity} seats`);
      }
      for (const service of ['Stairs', 'Lifts', 'WC', 'Kitchen']) expect(labels).toContain(service);
      expect(labels.includes('Entrance')).toBe(input.hasEntrance);
    },
  );

  it('draws the same plan every time', () => {
    const [, input, key] = demoFloors[0] ?? [];
    if (!input || !key) throw new Error('no demo floors');
    expect(drawFloorPlan(input, paletteFor(key)).svg).toBe(drawFloorPlan(input, paletteFor(key)).svg);
  });

  it('escapes room names that look like markup', () => {
    const rooms = ['R&D <Lab>', 'A', 'B', 'C', 'D', 'E', 'F', '"Quote"'].map((name, i) => ({
      name,
      capacity: 2 + i,
      tags: [],
    }));
    const plan = drawFloorPlan(
      { buildingName: 'Test & Co', floorName: 'Floor <1>', level: 1, hasEntrance: false, rooms },
      paletteFor('harbour'),
    );
    expect(inspectImage(Buffer.from(plan.svg)).contentType).toBe('image/svg+xml');
    const labels = textsOf(plan.svg);
    expect(labels).toContain('R&D <Lab>');
    expect(labels).toContain('"Quote"');
    expect(labels).toContain('Test & Co');
  });
});

describe('distributeWidths', () => {
  it('fills the band exactly, with every room at least the minimum and bigger rooms wider', () => {
    const widths = distributeWidths(950, [Math.sqrt(40), Math.sqrt(8), Math.sqrt(2)], 100);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(950);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(100);
    expect(widths[0]).toBeGreaterThan(widths[1] ?? 0);
    expect(widths[1]).toBeGreaterThan(widths[2] ?? 0);
  });

  it('refuses more rooms than fit', () => {
    expect(() => distributeWidths(300, [1, 1, 1, 1], 100)).toThrow(RangeError);
  });
});
