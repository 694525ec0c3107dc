import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

export interface BookingOverrides {
  readonly roomId: string;
  /** ISO 8601 instants; the booking occupies [start, end). */
  readonly start: string;
  readonly end: string;
  readonly status?: 'pending' | 'confirmed' | 'declined' | 'cancelled';
  readonly source?: 'exchange' | 'app' | 'display';
  readonly subject?: string;
  readonly organizerName?: string;
  readonly organizerEmail?: string;
  readonly attendees?: readonly { name: string; email: string }[];
  readonly isPrivate?: boolean;
  /** The meeting's identity in Exchange (UID and clean global object id). */
  readonly uid?: string;
  readonly cleanGlobalObjectId?: string;
  /** The Roomserve user who booked it (bookings made in Roomserve). */
  readonly requestedBy?: string;
}

/** Inserts one booking and returns its id. */
export async function buildBooking(db: Knex, overrides: BookingOverrides): Promise<string> {
  const id = randomUUID();
  await db('bookings').insert({
    id,
    room_id: overrides.roomId,
    during: db.raw("tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')", [overrides.start, overrides.end]),
    status: overrides.status ?? 'confirmed',
    source: overrides.source ?? 'app',
    subject: overrides.subject ?? 'Team meeting',
    organizer_name: overrides.organizerName ?? 'Olga Organizer',
    organizer_email: overrides.organizerEmail ?? 'olga@example.test',
    attendees: JSON.stringify(overrides.attendees ?? []),
    is_private: overrides.isPrivate ?? false,
    uid: overrides.uid ?? null,
    clean_global_object_id: overrides.cleanGlobalObjectId ?? null,
    ...(overrides.requestedBy ? { requested_by: overrides.requestedBy } : {}),
  });
  return id;
}
