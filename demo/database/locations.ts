import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { drawFloorPlan } from '../art/floorPlan';
import { paletteFor } from '../art/palettes';
import { drawRoomImages } from '../art/roomImage';
import { DEMO_BUILDINGS, type DemoBuilding, type DemoFloor, type DemoRoom } from '../organisation/organisation';
import { svgFileRow, type SvgFileRow } from './files';

/** Buildings, floors with drawn plans, rooms with their outlines and pictures. */

/** Rooms this large may also be booked by external guests (trainings, customer workshops). */
export const EXTERNAL_MIN_CAPACITY = 14;

export interface SeededLocations {
  readonly buildings: number;
  readonly floors: number;
  readonly rooms: number;
  readonly images: number;
}

function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function describeDemoRoom(room: DemoRoom, floor: DemoFloor, building: DemoBuilding): string {
  const where = `on the ${floor.name.toLowerCase()} of ${building.name}`;
  const equipment = [
    room.tags.includes('Display') ? 'a large wall display' : '',
    room.tags.includes('Video conference') ? 'a video conference camera and speakerphone' : '',
    room.tags.includes('Whiteboard') ? 'a whiteboard' : '',
  ].filter(Boolean);
  const kit = equipment.length > 0 ? ` It has ${joinList(equipment)}.` : '';
  const access = room.tags.includes('Wheelchair accessible') ? ' Step-free access.' : '';
  if (room.tags.includes('Phone booth')) {
    return `Quiet phone booth for up to ${room.capacity} people ${where}, for calls and focused work.${kit}${access}`;
  }
  const kind =
    room.capacity >= 20 ? 'Event space' : room.capacity >= 10 ? 'Boardroom-style meeting room' : 'Meeting room';
  return `${kind} for up to ${room.capacity} people ${where}.${kit}${access}`;
}

interface FloorRows {
  readonly files: SvgFileRow[];
  readonly floors: Record<string, unknown>[];
  readonly rooms: Record<string, unknown>[];
  readonly images: Record<string, unknown>[];
}

function rowsForFloor(
  building: DemoBuilding,
  buildingId: string,
  floor: DemoFloor,
  hasEntrance: boolean,
  into: FloorRows,
): void {
  const palette = paletteFor(building.key);
  const plan = drawFloorPlan(
    { buildingName: building.name, floorName: floor.name, level: floor.level, hasEntrance, rooms: floor.rooms },
    palette,
  );
  const planFile = svgFileRow(plan.svg, plan.width, plan.height);
  const floorId = randomUUID();
  into.files.push(planFile);
  into.floors.push({
    id: floorId,
    building_id: buildingId,
    name: floor.name,
    level: floor.level,
    plan_file_id: planFile.id,
    plan_width: plan.width,
    plan_height: plan.height,
  });
  floor.rooms.forEach((room, index) => {
    const roomId = randomUUID();
    into.rooms.push({
      id: roomId,
      floor_id: floorId,
      name: room.name,
      description: describeDemoRoom(room, floor, building),
      capacity: room.capacity,
      tags: [...room.tags],
      shape: JSON.stringify(plan.shapes[index] ?? null),
      exchange_email: room.email,
      exchange_state: 'unconnected',
      bookable_internal: true,
      bookable_external: room.capacity >= EXTERNAL_MIN_CAPACITY,
      active: true,
    });
    drawRoomImages(room, palette).forEach((image, position) => {
      const file = svgFileRow(image.svg, image.width, image.height);
      into.files.push(file);
      into.images.push({ room_id: roomId, file_id: file.id, position, alt: image.alt });
    });
  });
}

/** Writes the demo buildings, floors and rooms; the caller owns the transaction. */
export async function seedDemoLocations(trx: Knex.Transaction): Promise<SeededLocations> {
  const rows: FloorRows = { files: [], floors: [], rooms: [], images: [] };
  const buildings = DEMO_BUILDINGS.map((building) => {
    const id = randomUUID();
    const lowest = Math.min(...building.floors.map((f) => f.level));
    for (const floor of building.floors) rowsForFloor(building, id, floor, floor.level === lowest, rows);
    return {
      id,
      name: building.name,
      address: building.address,
      time_zone: building.timeZone,
      opening_hours: JSON.stringify(building.openingHours),
    };
  });
  await trx('buildings').insert(buildings);
  // Files first: floors and room images point at them.
  for (let i = 0; i < rows.files.length; i += 40) await trx('files').insert(rows.files.slice(i, i + 40));
  await trx('floors').insert(rows.floors);
  await trx('rooms').insert(rows.rooms);
  await trx('room_images').insert(rows.images);
  return {
    buildings: buildings.length,
    floors: rows.floors.length,
    rooms: rows.rooms.length,
    images: rows.images.length,
  };
}
