import type { Room } from '../../../shared/schemas/locations';
import type { Role } from '../../../shared/schemas/users';

/**
 * Whether a user of this role may book the room: externals book rooms opened to externals, the
 * staff rooms opened to internal use. The server's rule (domain/bookings/rules.ts, mayBookRoom),
 * repeated here so that no Book button leads to "This room is for internal use only".
 */
export function mayBook(role: Role, room: Pick<Room, 'bookableInternal' | 'bookableExternal'>): boolean {
  return role === 'external' ? room.bookableExternal : room.bookableInternal;
}
