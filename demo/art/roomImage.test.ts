import { describe, expect, it } from '@jest/globals';
import { inspectImage } from '../../server/services/files/inspectImage';
import { DEMO_BUILDINGS } from '../organisation/organisation';
import { paletteFor } from './palettes';
import { drawRoomImages, type RoomImageInput } from './roomImage';

const demoRooms = DEMO_BUILDINGS.flatMap((b) =>
  b.floors.flatMap((f) => f.rooms.map((room): [string, RoomImageInput, string] => [room.name, room, b.key])),
);
const harbour = paletteFor('harbour');

const room = (overrides: Partial<RoomImageInput>): RoomImageInput => ({
  name: 'Test room',
  capacity: 8,
  tags: [],
  ...overrides,
});
const overview = (input: RoomImageInput, key = 'harbour'): string =>
  drawRoomImages(input, paletteFor(key))[0]?.svg ?? '';
const polygonCount = (svg: string): number => svg.split('<polygon').length - 1;

describe('demo room pictures', () => {
  it.each(demoRooms)('%s: one to three safe 640x400 SVGs with alt text naming the room', (name, input, key) => {
    const images = drawRoomImages(input, paletteFor(key));
    expect(images.length).toBeGreaterThanOrEqual(1);
    expect(images.length).toBeLessThanOrEqual(3);
    for (const image of images) {
      expect(inspectImage(Buffer.from(image.svg))).toEqual({ contentType: 'image/svg+xml', width: 640, height: 400 });
      expect(image.svg).not.toMatch(/<script|\son[a-z]+=|href=|url\(|<style/i);
      expect(image.alt).toContain(name);
    }
    expect(new Set(images.map((i) => i.svg)).size).toBe(images.length);
  });

  it('draws the same pictures for the same room every time', () => {
    const elbe = room({ name: 'Elbe', capacity: 12, tags: ['Display', 'Whiteboard'] });
    expect(drawRoomImages(elbe, harbour)).toEqual(drawRoomImages(elbe, harbour));
  });

  it('shows a display, a camera and a whiteboard only in rooms tagged with them', () => {
    const bare = room({});
    expect(overview(room({ tags: ['Display'] }))).not.toBe(overview(bare));
    expect(overview(room({ tags: ['Whiteboard'] }))).not.toBe(overview(bare));
    const display =
      drawRoomImages(room({ tags: ['Display', 'Video conference', 'Whiteboard'] }), harbour)[0]?.alt ?? '';
    expect(display).toMatch(/wall display, a video conference camera and a whiteboard/);
    expect(drawRoomImages(bare, harbour)[0]?.alt).not.toMatch(/display|camera|whiteboard/);
  });

  it('sets a bigger table with more chairs for more people', () => {
    expect(polygonCount(overview(room({ capacity: 14 })))).toBeGreaterThan(
      polygonCount(overview(room({ capacity: 6 }))),
    );
  });

  it('pictures small rooms as phone booths', () => {
    const [outside] = drawRoomImages(room({ name: 'Kai', capacity: 2, tags: ['Phone booth'] }), harbour);
    expect(outside?.alt).toBe('Kai: phone booth for 2 people.');
  });

  it('paints each building in its own colours', () => {
    const input = room({ capacity: 6, tags: ['Display'] });
    expect(overview(input, 'harbour')).toContain(paletteFor('harbour').floor);
    expect(overview(input, 'riverside')).toContain(paletteFor('riverside').floor);
    expect(overview(input, 'riverside')).not.toContain(paletteFor('harbour').floor);
  });
});
