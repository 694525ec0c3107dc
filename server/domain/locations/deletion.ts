/**
 * What an admin expects when deleting part of the catalog:
 * - a building or floor that still has rooms is not deleted unless the admin asks to cascade,
 *   because that silently removes rooms (and their booking history) elsewhere in the tree;
 * - a room with confirmed bookings still to come is not deleted unless the admin asks to
 *   cascade: the people who booked it would lose their meeting room without notice. Setting
 *   `active: false` (PATCH) is the gentle alternative: it keeps history and stops new bookings.
 */
export type DeletionVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export function containerDeletion(kind: 'building' | 'floor', roomCount: number, cascade: boolean): DeletionVerdict {
  if (cascade || roomCount === 0) return { allowed: true };
  const rooms = roomCount === 1 ? '1 room' : `${roomCount} rooms`;
  return { allowed: false, reason: `The ${kind} still has ${rooms}; delete them first or pass cascade=true` };
}

export function roomDeletion(futureConfirmedBookings: number, cascade: boolean): DeletionVerdict {
  if (cascade || futureConfirmedBookings === 0) return { allowed: true };
  const bookings =
    futureConfirmedBookings === 1 ? '1 confirmed booking' : `${futureConfirmedBookings} confirmed bookings`;
  return {
    allowed: false,
    reason: `The room has ${bookings} still to come; deactivate it (active: false) or pass cascade=true to delete it with its bookings`,
  };
}
