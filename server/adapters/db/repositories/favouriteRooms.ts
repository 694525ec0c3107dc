import type { Knex } from 'knex';
import type { FavouriteRoomsRepository } from '../../../ports/favouriteRooms';

export function createFavouriteRoomsRepository(db: Knex): FavouriteRoomsRepository {
  return {
    async list(userId) {
      const rows = await db('favourite_rooms')
        .join('rooms', 'rooms.id', 'favourite_rooms.room_id')
        .where({ 'favourite_rooms.user_id': userId, 'rooms.active': true })
        .orderBy([{ column: 'favourite_rooms.created_at' }, { column: 'rooms.name' }])
        .select<{ room_id: string }[]>('favourite_rooms.room_id');
      return rows.map((r) => r.room_id);
    },
    async add(userId, roomId) {
      const room = await db('rooms').where({ id: roomId }).first<{ id: string } | undefined>('id');
      if (!room) return false;
      await db('favourite_rooms')
        .insert({ user_id: userId, room_id: roomId })
        .onConflict(['user_id', 'room_id'])
        .ignore();
      return true;
    },
    async remove(userId, roomId) {
      const room = await db('rooms').where({ id: roomId }).first<{ id: string } | undefined>('id');
      if (!room) return false;
      await db('favourite_rooms').where({ user_id: userId, room_id: roomId }).delete();
      return true;
    },
  };
}
