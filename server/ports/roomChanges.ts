/**
 * What the room displays' live stream follows: a room's bookings, check-ins or settings changed,
 * the installation's display settings changed (every room), or one display changed (revoked, PIN).
 * 'room-details' is the room's own facts (name, floor, capacity, tags, pictures, outline, active,
 * its display settings), as an admin changes them; floors, buildings and installation settings
 * publish 'all-rooms'.
 * The sync, Roomserve bookings, the display actions and the admin settings publish; each stream
 * subscribes and sends its display a fresh state. With several instances on PostgreSQL a change
 * published on one reaches the streams of every instance.
 *
 * Delivery is best effort: a change lost (a broken database connection) is repaired by the
 * display's own polling, so publish never fails the write that already committed.
 */
export type RoomChange =
  | { readonly kind: 'room'; readonly roomId: string }
  | { readonly kind: 'room-details'; readonly roomId: string }
  | { readonly kind: 'all-rooms' }
  | { readonly kind: 'display'; readonly displayId: string };

export interface RoomChanges {
  publish(change: RoomChange): Promise<void>;
  /** Called on this instance for changes published on any instance. Returns the unsubscribe. */
  subscribe(listener: (change: RoomChange) => void): () => void;
  /** Ends the cross-instance connection, if any. */
  close(): Promise<void>;
}
