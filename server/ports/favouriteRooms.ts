/** The rooms each employee starred (the /events overview). */
export interface FavouriteRoomsRepository {
  /** Room ids, in the order they were starred (rooms starred together by name). */
  list(userId: string): Promise<string[]>;
  /** False when the room does not exist. Starring twice is one star. */
  add(userId: string, roomId: string): Promise<boolean>;
  /** False when the room does not exist; unstarring a room not starred is fine. */
  remove(userId: string, roomId: string): Promise<boolean>;
}
