import type { Knex } from 'knex';
import { fileUrl } from '../../../../shared/api/files';
import { polygonSchema, type Room } from '../../../../shared/schemas/locations';
import { conflict, unprocessable } from '../../../domain/errors';
import type { ExchangeState, RoomRepository, RoomWrite } from '../../../ports/locations';
import {
  FOREIGN_KEY_VIOLATION,
  pgErrorOf,
  translateTextError,
  toCount,
  toInstant,
  UNIQUE_VIOLATION,
} from './locationRows';

export interface RoomRow {
  id: string;
  floor_id: string;
  building_id: string;
  name: string;
  description: string;
  capacity: number;
  tags: unknown;
  shape: unknown;
  exchange_email: string | null;
  exchange_state: ExchangeState;
  exchange_checked_at: unknown;
  exchange_error: string | null;
  bookable_internal: boolean;
  bookable_external: boolean;
  active: boolean;
}

export interface ImageRow {
  room_id: string;
  file_id: string;
  alt: string;
}

const ROOM_COLUMNS = [
  'rooms.id',
  'rooms.floor_id',
  'floors.building_id',
  'rooms.name',
  'rooms.description',
  'rooms.capacity',
  'rooms.tags',
  'rooms.shape',
  'rooms.exchange_email',
  'rooms.exchange_state',
  'rooms.exchange_checked_at',
  'rooms.exchange_error',
  'rooms.bookable_internal',
  'rooms.bookable_external',
  'rooms.active',
];

function toTags(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function toShape(value: unknown): Room['shape'] {
  if (value === null || value === undefined) return null;
  return polygonSchema.parse(typeof value === 'string' ? JSON.parse(value) : value);
}

/** The shared Room shape of a row and its images; exported for other room queries (search). */
export function toRoom(row: RoomRow, images: readonly ImageRow[]): Room {
  return {
    id: row.id,
    floorId: row.floor_id,
    buildingId: row.building_id,
    name: row.name,
    description: row.description,
    capacity: row.capacity,
    tags: toTags(row.tags),
    images: images.map((image) => ({ url: fileUrl(image.file_id), alt: image.alt })),
    shape: toShape(row.shape),
    exchange: {
      email: row.exchange_email,
      state: row.exchange_state,
      checkedAt: toInstant(row.exchange_checked_at)?.toISOString() ?? null,
      error: row.exchange_error,
    },
    bookableInternal: row.bookable_internal,
    bookableExternal: row.bookable_external,
    active: row.active,
  };
}

function toColumns(data: Partial<RoomWrite>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (data.floorId !== undefined) columns.floor_id = data.floorId;
  if (data.name !== undefined) columns.name = data.name;
  if (data.description !== undefined) columns.description = data.description;
  if (data.capacity !== undefined) columns.capacity = data.capacity;
  if (data.tags !== undefined) columns.tags = [...data.tags];
  // knex would send a JS array as a PostgreSQL array literal; jsonb wants JSON text.
  if (data.shape !== undefined) columns.shape = data.shape === null ? null : JSON.stringify(data.shape);
  if (data.exchange !== undefined) {
    columns.exchange_email = data.exchange.email;
    columns.exchange_state = data.exchange.state;
    columns.exchange_checked_at = data.exchange.checkedAt;
    columns.exchange_error = data.exchange.error;
  }
  if (data.bookableInternal !== undefined) columns.bookable_internal = data.bookableInternal;
  if (data.bookableExternal !== undefined) columns.bookable_external = data.bookableExternal;
  if (data.active !== undefined) columns.active = data.active;
  return columns;
}

function translateWriteError(err: unknown): unknown {
  const pgError = pgErrorOf(err);
  if (pgError?.code === UNIQUE_VIOLATION && pgError.constraint === 'rooms_exchange_email_unique') {
    return conflict('Another room already uses this Exchange email', { field: 'exchangeEmail' });
  }
  if (pgError?.code === FOREIGN_KEY_VIOLATION) return unprocessable('The floor or an image file no longer exists');
  return translateTextError(err);
}

async function replaceImages(trx: Knex.Transaction, roomId: string, fileIds: readonly string[]): Promise<void> {
  await trx('room_images').where({ room_id: roomId }).delete();
  if (fileIds.length === 0) return;
  await trx('room_images').insert(fileIds.map((fileId, position) => ({ room_id: roomId, file_id: fileId, position })));
}

async function findRoom(db: Knex | Knex.Transaction, id: string): Promise<Room | undefined> {
  const row = await db('rooms')
    .join('floors', 'floors.id', 'rooms.floor_id')
    .select<RoomRow[]>(ROOM_COLUMNS)
    .where('rooms.id', id)
    .first();
  if (!row) return undefined;
  const images = await db<ImageRow>('room_images')
    .select('room_id', 'file_id', 'alt')
    .where({ room_id: id })
    .orderBy('position');
  return toRoom(row, images);
}

export function createRoomRepository(db: Knex): RoomRepository {
  async function write(id: string | undefined, data: Partial<RoomWrite>): Promise<Room | undefined> {
    try {
      return await db.transaction(async (trx) => {
        let roomId = id;
        const columns = toColumns(data);
        if (roomId === undefined) {
          const [row] = await trx('rooms').insert(columns).returning<{ id: string }[]>('id');
          roomId = row?.id;
        } else {
          const updated = await trx('rooms')
            .where({ id: roomId })
            .update({ ...columns, updated_at: trx.fn.now() });
          if (updated === 0) return undefined;
        }
        if (roomId === undefined) throw new Error('Inserting a room returned no id');
        if (data.imageFileIds !== undefined) await replaceImages(trx, roomId, data.imageFileIds);
        return findRoom(trx, roomId);
      });
    } catch (err) {
      throw translateWriteError(err);
    }
  }

  return {
    findById: (id) => findRoom(db, id),
    async create(data) {
      const room = await write(undefined, data);
      if (!room) throw new Error('A created room could not be read back');
      return room;
    },
    update: (id, data) => write(id, data),
    async countUpcomingConfirmedBookings(id, now) {
      const [row] = await db('bookings')
        .where({ room_id: id, status: 'confirmed' })
        .andWhereRaw('upper(during) > ?', [now.toISOString()])
        .count<{ n: unknown }[]>('* as n');
      return toCount(row?.n);
    },
    async delete(id) {
      return (await db('rooms').where({ id }).delete()) > 0;
    },
    async awaitingVerification() {
      const rows = await db('rooms')
        .whereNotNull('exchange_email')
        .whereIn('exchange_state', ['unconnected', 'verifying', 'failed'])
        .orderBy('name')
        .select<{ id: string; exchange_email: string }[]>('id', 'exchange_email');
      return rows.map((r) => ({ id: r.id, email: r.exchange_email }));
    },
    async recordVerification(id, exchange) {
      const query = db('rooms').where({ id, exchange_email: exchange.email });
      // A check verified it meanwhile (another instance's, the admin's): a verdict begun earlier is stale.
      if (exchange.state !== 'verified') query.whereNot({ exchange_state: 'verified' });
      const updated = await query.update({ ...toColumns({ exchange }), updated_at: db.fn.now() });
      return updated === 0 ? undefined : findRoom(db, id);
    },
  };
}
