import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { OpeningHours } from '../../shared/schemas/locations';
import type { SecretSealer } from '../../server/ports/exchangeSettings';

/** Catering providers, items and Exchange meetings, written straight into their tables. */

const DAY = [{ open: '00:00', close: '23:59' }];
export const ALL_WEEK: OpeningHours = { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: DAY, sun: DAY };

export interface ProviderOverrides {
  readonly buildingIds: readonly string[];
  readonly name?: string;
  readonly contactEmail?: string;
  readonly webhookUrl?: string | null;
  /** Sealed with this sealer, as the catalog stores it. */
  readonly webhookSecret?: { readonly secret: string; readonly sealer: SecretSealer };
  readonly workingHours?: OpeningHours;
  readonly active?: boolean;
}

export async function buildProvider(db: Knex, overrides: ProviderOverrides): Promise<string> {
  const id = randomUUID();
  await db('catering_providers').insert({
    id,
    name: overrides.name ?? 'Kitchen',
    kind: 'internal-kitchen',
    contact_email: overrides.contactEmail ?? `kitchen.${id.slice(0, 8)}@example.test`,
    webhook_url: overrides.webhookUrl ?? null,
    webhook_secret_sealed: overrides.webhookSecret
      ? overrides.webhookSecret.sealer.seal(overrides.webhookSecret.secret)
      : null,
    working_hours: JSON.stringify(overrides.workingHours ?? ALL_WEEK),
    active: overrides.active ?? true,
  });
  if (overrides.buildingIds.length > 0)
    await db('catering_provider_buildings').insert(
      overrides.buildingIds.map((buildingId) => ({ provider_id: id, building_id: buildingId })),
    );
  return id;
}

export interface ItemOverrides {
  readonly providerId: string;
  readonly name?: string;
  readonly priceMinor?: number;
  readonly currency?: string;
  readonly unit?: 'per-person' | 'per-item';
  readonly leadTimeHours?: number;
  readonly changeCutoffHours?: number;
  readonly availability?: Record<string, { from: string; to: string }[]> | null;
  readonly active?: boolean;
}

export async function buildItem(db: Knex, overrides: ItemOverrides): Promise<string> {
  const id = randomUUID();
  await db('catering_items').insert({
    id,
    provider_id: overrides.providerId,
    name: overrides.name ?? 'Coffee',
    category: 'drinks',
    price_minor: overrides.priceMinor ?? 250,
    currency: overrides.currency ?? 'EUR',
    unit: overrides.unit ?? 'per-item',
    lead_time_hours: overrides.leadTimeHours ?? 24,
    change_cutoff_hours: overrides.changeCutoffHours ?? 24,
    availability: overrides.availability ? JSON.stringify(overrides.availability) : null,
    active: overrides.active ?? true,
  });
  return id;
}

export interface MeetingOverrides {
  readonly roomId: string;
  readonly start: string;
  readonly end: string;
  readonly organizerEmail: string;
  readonly organizerName?: string;
  readonly subject?: string;
  readonly status?: 'pending' | 'confirmed' | 'declined' | 'cancelled';
  readonly attendees?: readonly { name: string; email: string; kind?: string }[];
  readonly cleanGlobalObjectId?: string;
  readonly originalStart?: string | null;
  readonly isPrivate?: boolean;
}

/** A booking synced from Exchange: it carries the meeting's identity. */
export async function buildMeeting(db: Knex, overrides: MeetingOverrides): Promise<string> {
  const id = randomUUID();
  await db('bookings').insert({
    id,
    room_id: overrides.roomId,
    during: db.raw("tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')", [overrides.start, overrides.end]),
    status: overrides.status ?? 'confirmed',
    source: 'exchange',
    subject: overrides.subject ?? 'Quarterly planning',
    organizer_name: overrides.organizerName ?? 'Olga Organizer',
    organizer_email: overrides.organizerEmail,
    attendees: JSON.stringify(
      (overrides.attendees ?? []).map((a) => ({
        name: a.name,
        email: a.email,
        kind: a.kind ?? 'required',
        response: 'accept',
      })),
    ),
    clean_global_object_id: overrides.cleanGlobalObjectId ?? `cgoi-${id}`,
    uid: `uid-${id}`,
    original_start: overrides.originalStart ?? null,
    is_occurrence: (overrides.originalStart ?? null) !== null,
    is_private: overrides.isPrivate ?? false,
  });
  return id;
}

/** Moves or changes a booking the way the sync would (and bumps updated_at). */
export async function changeMeeting(
  db: Knex,
  id: string,
  change: {
    start?: string;
    end?: string;
    roomId?: string;
    status?: string;
    attendees?: readonly { name: string; email: string }[];
  },
): Promise<void> {
  const current = await db('bookings')
    .where({ id })
    .first<{ start: string; end: string }>(db.raw('lower(during) AS start, upper(during) AS "end"'));
  const start = change.start ?? new Date(current.start).toISOString();
  const end = change.end ?? new Date(current.end).toISOString();
  await db('bookings')
    .where({ id })
    .update({
      during: db.raw("tstzrange(CAST(? AS timestamptz), CAST(? AS timestamptz), '[)')", [start, end]),
      ...(change.roomId ? { room_id: change.roomId } : {}),
      ...(change.status ? { status: change.status } : {}),
      ...(change.attendees
        ? { attendees: JSON.stringify(change.attendees.map((a) => ({ ...a, kind: 'required', response: 'accept' }))) }
        : {}),
      updated_at: db.raw('clock_timestamp()'),
    });
}
