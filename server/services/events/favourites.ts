import type { Actor } from '../../domain/actor';
import { forbidden, notFound } from '../../domain/errors';
import type { FavouriteRoomsRepository } from '../../ports/favouriteRooms';

/** An employee's starred rooms: the rooms the /events overview shows. */
export interface FavouriteRooms {
  list(actor: Actor): Promise<{ roomIds: string[] }>;
  add(actor: Actor, roomId: string): Promise<{ roomIds: string[] }>;
  remove(actor: Actor, roomId: string): Promise<{ roomIds: string[] }>;
}

export function createFavouriteRooms(repository: FavouriteRoomsRepository): FavouriteRooms {
  const employee = (actor: Actor): string => {
    if (actor.role === 'external') throw forbidden('Favourite rooms are for employees.');
    return actor.userId;
  };
  return {
    async list(actor) {
      return { roomIds: await repository.list(employee(actor)) };
    },
    async add(actor, roomId) {
      const userId = employee(actor);
      if (!(await repository.add(userId, roomId))) throw notFound('Room', roomId);
      return { roomIds: await repository.list(userId) };
    },
    async remove(actor, roomId) {
      const userId = employee(actor);
      if (!(await repository.remove(userId, roomId))) throw notFound('Room', roomId);
      return { roomIds: await repository.list(userId) };
    },
  };
}
