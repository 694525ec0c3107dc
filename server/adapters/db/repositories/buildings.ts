import type { Knex } from 'knex';
import { openingHoursSchema, type Building } from '../../../../shared/schemas/locations';
import type { BuildingRepository, BuildingWrite } from '../../../ports/locations';
import { toCount, translateTextError } from './locationRows';

interface BuildingRow {
  id: string;
  name: string;
  address: string;
  time_zone: string;
  opening_hours: unknown;
}

function toBuilding(row: BuildingRow): Building {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    timeZone: row.time_zone,
    // jsonb arrives parsed on both engines; parsing again drops anything that is not opening hours.
    openingHours: openingHoursSchema.parse(
      typeof row.opening_hours === 'string' ? JSON.parse(row.opening_hours) : row.opening_hours,
    ),
  };
}

function toColumns(data: Partial<BuildingWrite>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (data.name !== undefined) columns.name = data.name;
  if (data.address !== undefined) columns.address = data.address;
  if (data.timeZone !== undefined) columns.time_zone = data.timeZone;
  if (data.openingHours !== undefined) columns.opening_hours = JSON.stringify(data.openingHours);
  return columns;
}

const COLUMNS = ['id', 'name', 'address', 'time_zone', 'opening_hours'];

export function createBuildingRepository(db: Knex): BuildingRepository {
  return {
    async list() {
      const rows = await db('buildings')
        .select<BuildingRow[]>(COLUMNS)
        .orderBy([{ column: 'name' }, { column: 'id' }]);
      return rows.map(toBuilding);
    },
    async findById(id) {
      const row = await db('buildings').select<BuildingRow[]>(COLUMNS).where({ id }).first();
      return row ? toBuilding(row) : undefined;
    },
    async create(data) {
      try {
        const [row] = await db('buildings').insert(toColumns(data)).returning<BuildingRow[]>(COLUMNS);
        if (!row) throw new Error('Inserting a building returned no row');
        return toBuilding(row);
      } catch (err) {
        throw translateTextError(err);
      }
    },
    async update(id, data) {
      try {
        const [row] = await db('buildings')
          .where({ id })
          .update({ ...toColumns(data), updated_at: db.fn.now() })
          .returning<BuildingRow[]>(COLUMNS);
        return row ? toBuilding(row) : undefined;
      } catch (err) {
        throw translateTextError(err);
      }
    },
    async countRooms(id) {
      const [row] = await db('rooms')
        .join('floors', 'floors.id', 'rooms.floor_id')
        .where('floors.building_id', id)
        .count<{ n: unknown }[]>('* as n');
      return toCount(row?.n);
    },
    async delete(id) {
      const deleted = await db('buildings').where({ id }).delete();
      return deleted > 0;
    },
  };
}
