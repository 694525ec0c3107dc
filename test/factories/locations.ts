import { createHash, randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { Knex } from 'knex';
import type { OpeningHours } from '../../shared/schemas/locations';

let sequence = 0;
const next = (): number => {
  sequence += 1;
  return sequence;
};

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real, decodable PNG of one colour; `padding` bytes of metadata make it as large as needed. */
export function pngBytes(width: number, height: number, options: { padding?: number; comment?: string } = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x7f)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const chunks = [pngChunk('IHDR', header)];
  if (options.padding)
    chunks.push(pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(options.padding, 0x61)])));
  if (options.comment) chunks.push(pngChunk('tEXt', Buffer.from(`Comment\0${options.comment}`, 'latin1')));
  chunks.push(pngChunk('IDAT', pixels), pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

/**
 * LZW data for `pixels` pixels of colour 0 at minimum code size 2, written so the code width never
 * grows: a clear code (4) before every two literals keeps the table below 8 entries.
 */
function gifPixelCodes(pixels: number): Buffer {
  const codes: number[] = [];
  for (let i = 0; i < pixels; i += 1) {
    if (i % 2 === 0) codes.push(4);
    codes.push(0);
  }
  codes.push(5);
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const code of codes) {
    buffer |= code << bits;
    bits += 3;
    while (bits >= 8) {
      bytes.push(buffer & 0xff);
      buffer >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) bytes.push(buffer & 0xff);
  const blocks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) {
    const block = bytes.slice(i, i + 255);
    blocks.push(Buffer.from([block.length, ...block]));
  }
  return Buffer.concat([Buffer.from([2]), ...blocks, Buffer.from([0])]);
}

/** A real, decodable GIF of one grey colour. */
export function gifBytes(width: number, height: number): Buffer {
  const screen = Buffer.alloc(7);
  screen.writeUInt16LE(width, 0);
  screen.writeUInt16LE(height, 2);
  screen.writeUInt8(0x80, 4); // a global colour table of two entries
  const colours = Buffer.from([0x7f, 0x7f, 0x7f, 0, 0, 0]);
  const descriptor = Buffer.alloc(10);
  descriptor.writeUInt8(0x2c, 0);
  descriptor.writeUInt16LE(width, 5);
  descriptor.writeUInt16LE(height, 7);
  return Buffer.concat([
    Buffer.from('GIF89a', 'ascii'),
    screen,
    colours,
    descriptor,
    gifPixelCodes(width * height),
    Buffer.from([0x3b]),
  ]);
}

export function svgText(
  width: number,
  height: number,
  body = '<rect x="1" y="1" width="5" height="5" fill="#ccc"/>',
): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

/** Stores an image in `files` directly (no upload) and returns its id. */
export async function buildImageFile(db: Knex, options: { width?: number; height?: number } = {}): Promise<string> {
  const width = options.width ?? 800;
  const height = options.height ?? 600;
  const content = pngBytes(width, height);
  const id = randomUUID();
  await db('files').insert({
    id,
    content_type: 'image/png',
    size_bytes: content.length,
    width,
    height,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  });
  return id;
}

export interface BuildingOverrides {
  readonly name?: string;
  readonly address?: string;
  readonly timeZone?: string;
  readonly openingHours?: OpeningHours;
}

export async function buildBuilding(db: Knex, overrides: BuildingOverrides = {}): Promise<string> {
  const id = randomUUID();
  await db('buildings').insert({
    id,
    name: overrides.name ?? `Building ${next()}`,
    address: overrides.address ?? 'Main Street 1',
    time_zone: overrides.timeZone ?? 'Europe/Berlin',
    opening_hours: JSON.stringify(overrides.openingHours ?? { mon: [{ open: '07:00', close: '19:00' }] }),
  });
  return id;
}

export interface FloorOverrides {
  readonly buildingId?: string;
  readonly name?: string;
  /** Unique within the building; defaults to a fresh level. */
  readonly level?: number;
  readonly plan?: { readonly fileId: string; readonly width: number; readonly height: number };
}

export async function buildFloor(db: Knex, overrides: FloorOverrides = {}): Promise<string> {
  const id = randomUUID();
  const level = overrides.level ?? next();
  await db('floors').insert({
    id,
    building_id: overrides.buildingId ?? (await buildBuilding(db)),
    name: overrides.name ?? `Level ${level}`,
    level,
    plan_file_id: overrides.plan?.fileId ?? null,
    plan_width: overrides.plan?.width ?? null,
    plan_height: overrides.plan?.height ?? null,
  });
  return id;
}

export interface RoomOverrides {
  readonly floorId?: string;
  readonly name?: string;
  readonly description?: string;
  readonly capacity?: number;
  readonly tags?: readonly string[];
  readonly shape?: readonly (readonly [number, number])[] | null;
  readonly exchangeEmail?: string | null;
  readonly bookableInternal?: boolean;
  readonly bookableExternal?: boolean;
  readonly active?: boolean;
  /** Stored image files in display order. */
  readonly imageFileIds?: readonly string[];
}

/** Inserts a room (and a floor and building when none is given) and returns its id. */
export async function buildRoom(db: Knex, overrides: RoomOverrides = {}): Promise<string> {
  const id = randomUUID();
  await db('rooms').insert({
    id,
    floor_id: overrides.floorId ?? (await buildFloor(db)),
    name: overrides.name ?? `Room ${next()}`,
    description: overrides.description ?? '',
    capacity: overrides.capacity ?? 6,
    tags: [...(overrides.tags ?? ['Display'])],
    shape: overrides.shape ? JSON.stringify(overrides.shape) : null,
    exchange_email: overrides.exchangeEmail ?? null,
    bookable_internal: overrides.bookableInternal ?? true,
    bookable_external: overrides.bookableExternal ?? false,
    active: overrides.active ?? true,
  });
  const images = overrides.imageFileIds ?? [];
  if (images.length > 0) {
    await db('room_images').insert(images.map((fileId, position) => ({ room_id: id, file_id: fileId, position })));
  }
  return id;
}
