import type { Knex } from 'knex';
import { fileUrl } from '../../../../shared/api/files';
import type { Floor } from '../../../../shared/schemas/locations';
import { conflict, unprocessable } from '../../../domain/errors';
import type { FloorRepository, FloorWrite } from '../../../ports/locations';
import { FOREIGN_KEY_VIOLATION, pgErrorOf, translateTextError, toCount, UNIQUE_VIOLATION } from './locationRows';

interface FloorRow {
  id: string;
  building_id: string;
  name: string;
  level: number;
  plan_file_id: string | null;
  plan_width: number | null;
  plan_height: number | null;
}

const COLUMNS = ['id', 'building_id', 'name', 'level', 'plan_file_id', 'plan_width', 'plan_height'];

function toFloor(row: FloorRow): Floor {
  const hasPlan = row.plan_file_id !== null && row.plan_width !== null && row.plan_height !== null;
  return {
    id: row.id,
    buildingId: row.building_id,
    name: row.name,
    level: row.level,
    plan: hasPlan
      ? { url: fileUrl(row.plan_file_id ?? ''), width: row.plan_width ?? 0, height: row.plan_height ?? 0 }
      : null,
  };
}

function toColumns(data: Partial<FloorWrite>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (data.buildingId !== undefined) columns.building_id = data.buildingId;
  if (data.name !== undefined) columns.name = data.name;
  if (data.level !== undefined) columns.level = data.level;
  if (data.plan !== undefined) {
    columns.plan_file_id = data.plan?.fileId ?? null;
    columns.plan_width = data.plan?.width ?? null;
    columns.plan_height = data.plan?.height ?? null;
  }
  return columns;
}

/** The constraint violations a floor write can hit, as errors the API can answer. */
function translateWriteError(err: unknown, level: number | undefined): unknown {
  const pgError = pgErrorOf(err);
  if (pgError?.code === UNIQUE_VIOLATION) {
    return conflict(`The building already has a floor on level ${level ?? '?'}`, { field: 'level' });
  }
  if (pgError?.code === FOREIGN_KEY_VIOLATION) return unprocessable('The building or plan file no longer exists');
  return translateTextError(err);
}

export function createFloorRepository(db: Knex): FloorRepository {
  return {
    async list(filter) {
      const query = db('floors').select<FloorRow[]>(COLUMNS.map((c) => `floors.${c}`));
      if (filter.buildingId !== undefined) query.where('floors.building_id', filter.buildingId);
      const rows = await query
        .join('buildings', 'buildings.id', 'floors.building_id')
        .orderBy([{ column: 'buildings.name' }, { column: 'floors.building_id' }, { column: 'floors.level' }]);
      return rows.map(toFloor);
    },
    async findById(id) {
      const row = await db('floors').select<FloorRow[]>(COLUMNS).where({ id }).first();
      return row ? toFloor(row) : undefined;
    },
    async create(data) {
      try {
        const [row] = await db('floors').insert(toColumns(data)).returning<FloorRow[]>(COLUMNS);
        if (!row) throw new Error('Inserting a floor returned no row');
        return toFloor(row);
      } catch (err) {
        throw translateWriteError(err, data.level);
      }
    },
    async update(id, data) {
      try {
        const [row] = await db('floors')
          .where({ id })
          .update({ ...toColumns(data), updated_at: db.fn.now() })
          .returning<FloorRow[]>(COLUMNS);
        return row ? toFloor(row) : undefined;
      } catch (err) {
        throw translateWriteError(err, data.level);
      }
    },
    async countRooms(id) {
      const [row] = await db('rooms').where({ floor_id: id }).count<{ n: unknown }[]>('* as n');
      return toCount(row?.n);
    },
    async delete(id) {
      return (await db('floors').where({ id }).delete()) > 0;
    },
  };
}
