import type { Knex } from 'knex';
import type {
  DisplayRecord,
  DisplayRepository,
  DisplayRoomRepository,
  NewDisplay,
  PairedDevice,
} from '../../../ports/displays';

interface DisplayRow {
  id: string;
  room_id: string;
  room_name: string;
  created_at: Date | string;
  pairing_expires_at: Date | string | null;
  paired_at: Date | string | null;
  last_seen_at: Date | string | null;
  app_version: string | null;
  pin_set: boolean;
}

const dateOrNull = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

const toRecord = (row: DisplayRow): DisplayRecord => ({
  id: row.id,
  roomId: row.room_id,
  roomName: row.room_name,
  createdAt: new Date(row.created_at),
  pairingExpiresAt: dateOrNull(row.pairing_expires_at),
  pairedAt: dateOrNull(row.paired_at),
  lastSeenAt: dateOrNull(row.last_seen_at),
  appVersion: row.app_version,
  pinSet: row.pin_set,
});

const SELECT = [
  'd.id',
  'd.room_id',
  'r.name as room_name',
  'd.created_at',
  'd.pairing_expires_at',
  'd.paired_at',
  'd.last_seen_at',
  'd.app_version',
];

export function createDisplayRepository(db: Knex): DisplayRepository {
  const withRoom = () => db('displays as d').join('rooms as r', 'r.id', 'd.room_id');
  // Whether a PIN is set, never its hash: the hash leaves the repository for the PIN check only.
  const columns = () => [...SELECT, db.raw('d.pin_hash is not null as pin_set')];
  return {
    async create(display: NewDisplay) {
      const room = await db('rooms').where({ id: display.roomId }).first<{ id: string } | undefined>('id');
      if (!room) return undefined;
      const inserted = await db('displays')
        .insert({
          room_id: display.roomId,
          created_by: display.createdBy,
          pairing_code_hash: display.pairingCodeHash,
          pairing_expires_at: display.pairingExpiresAt,
          created_at: display.createdAt,
        })
        .returning<{ id: string }[]>('id');
      const id = inserted[0]?.id;
      if (id === undefined) return undefined;
      const row = await withRoom().where('d.id', id).first<DisplayRow>(columns());
      return toRecord(row);
    },
    async list() {
      const rows = await withRoom()
        .whereNull('d.revoked_at')
        .orderBy([{ column: 'r.name' }, { column: 'd.created_at' }, { column: 'd.id' }])
        .select<DisplayRow[]>(columns());
      return rows.map(toRecord);
    },
    async revoke(id, at) {
      const revoked = await db('displays')
        .where({ id })
        .whereNull('revoked_at')
        .update({ revoked_at: at, pairing_code_hash: null, token_hash: null, pin_hash: null })
        .returning<{ id: string }[]>('id');
      return revoked.length > 0;
    },
    async pair(pairingCodeHash, tokenHash, now) {
      // One conditional update: of two tablets racing with one code, exactly one matches the row.
      const [row] = await db('displays')
        .where({ pairing_code_hash: pairingCodeHash })
        .whereNull('revoked_at')
        .whereNull('paired_at')
        .where('pairing_expires_at', '>', now)
        .update({ token_hash: tokenHash, pairing_code_hash: null, pairing_expires_at: null, paired_at: now })
        .returning<{ id: string; room_id: string }[]>(['id', 'room_id']);
      return row ? { displayId: row.id, roomId: row.room_id } : undefined;
    },
    async findByTokenHash(tokenHash) {
      const row = await db('displays')
        .where({ token_hash: tokenHash })
        .whereNull('revoked_at')
        .first<
          { id: string; room_id: string; last_seen_at: Date | string | null; app_version: string | null } | undefined
        >(['id', 'room_id', 'last_seen_at', 'app_version']);
      if (!row) return undefined;
      const device: PairedDevice = {
        displayId: row.id,
        roomId: row.room_id,
        lastSeenAt: dateOrNull(row.last_seen_at),
        appVersion: row.app_version,
      };
      return device;
    },
    async markSeen(id, at, appVersion) {
      await db('displays')
        .where({ id })
        .update({ last_seen_at: at, ...(appVersion === null ? {} : { app_version: appVersion }) });
    },
    async setPinHash(id, pinHash) {
      const updated = await db('displays')
        .where({ id })
        .whereNull('revoked_at')
        .update({ pin_hash: pinHash })
        .returning<{ id: string }[]>('id');
      return updated.length > 0;
    },
    async pinHashOf(id) {
      const row = await db('displays')
        .where({ id })
        .whereNull('revoked_at')
        .whereNotNull('paired_at')
        .first<{ pin_hash: string | null } | undefined>('pin_hash');
      return row?.pin_hash;
    },
  };
}

interface DisplayRoomRow {
  id: string;
  name: string;
  capacity: number;
  tags: string[];
  floor_id: string;
  floor_name: string;
  building_id: string;
  building_name: string;
  time_zone: string;
}

export function createDisplayRoomRepository(db: Knex): DisplayRoomRepository {
  return {
    async roomOf(roomId) {
      const row = await db('rooms as r')
        .join('floors as f', 'f.id', 'r.floor_id')
        .join('buildings as b', 'b.id', 'f.building_id')
        .where('r.id', roomId)
        .first<DisplayRoomRow | undefined>([
          'r.id',
          'r.name',
          'r.capacity',
          'r.tags',
          'f.id as floor_id',
          'f.name as floor_name',
          'b.id as building_id',
          'b.name as building_name',
          'b.time_zone',
        ]);
      if (!row) return undefined;
      return {
        id: row.id,
        name: row.name,
        capacity: Number(row.capacity),
        tags: [...row.tags],
        floorId: row.floor_id,
        floorName: row.floor_name,
        buildingId: row.building_id,
        buildingName: row.building_name,
        timeZone: row.time_zone,
      };
    },
  };
}
