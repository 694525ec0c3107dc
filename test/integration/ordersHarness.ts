import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import request from 'supertest';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import type { SecretSealer } from '../../server/ports/exchangeSettings';
import type { Role } from '../../shared/schemas/users';
import { ManualClock } from '../fakes/manualClock';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildItem, buildMeeting, buildProvider, type MeetingOverrides } from '../factories/orders';
import { buildUser, type BuiltUser } from '../factories/users';
import { createTestApp, type TestApp } from '../support/testApp';

/** supertest requests signed with one user's API token. */
export interface Caller {
  readonly user: BuiltUser;
  get(url: string): request.Test;
  post(url: string): request.Test;
  patch(url: string): request.Test;
  put(url: string): request.Test;
}

export interface OrdersWorld {
  readonly t: TestApp;
  readonly clock: ManualClock;
  readonly sealer: SecretSealer;
  readonly buildingId: string;
  readonly roomA: string;
  readonly roomB: string;
  readonly unservedBuildingId: string;
  readonly unservedRoom: string;
  readonly providerId: string;
  readonly providerEmail: string;
  /** 2.50 EUR per piece; lead time 24 h, cut-off 24 h. */
  readonly coffee: string;
  /** 12.90 EUR per person; lead time 24 h, cut-off 48 h. */
  readonly lunch: string;
  readonly organizer: Caller;
  readonly colleague: Caller;
  readonly facility: Caller;
  readonly admin: Caller;
  meeting(overrides?: Partial<MeetingOverrides>): Promise<string>;
  callerFor(role: Role): Promise<Caller>;
}

/** Monday 2026-05-04 08:00 Berlin time. */
export const NOW = '2026-05-04T06:00:00Z';
/** Wednesday 2026-05-06 12:00–13:00 Berlin time. */
export const MEETING = { start: '2026-05-06T10:00:00Z', end: '2026-05-06T11:00:00Z' };
export const WEEKDAYS_8_TO_18 = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ open: '08:00', close: '18:00' }]]),
);

export async function ordersWorld(
  db: Knex,
  options: { webhookUrl?: string | null; webhookSecret?: string; providerEmail?: string } = {},
): Promise<OrdersWorld> {
  const clock = new ManualClock(NOW);
  const sealer = createSecretBox(randomBytes(32));
  const t = createTestApp(db, { clock, secrets: sealer });
  const buildingId = await buildBuilding(db, { name: 'Harbour House', timeZone: 'Europe/Berlin' });
  const floorId = await buildFloor(db, { buildingId });
  const roomA = await buildRoom(db, { floorId, name: 'Atlantic' });
  const roomB = await buildRoom(db, { floorId, name: 'Baltic' });
  const unservedBuildingId = await buildBuilding(db, { name: 'Far Annex', timeZone: 'Europe/Berlin' });
  const unservedRoom = await buildRoom(db, {
    floorId: await buildFloor(db, { buildingId: unservedBuildingId }),
    name: 'Remote',
  });
  const providerEmail = options.providerEmail ?? 'kitchen@example.test';
  const providerId = await buildProvider(db, {
    buildingIds: [buildingId],
    name: 'Harbour Kitchen',
    contactEmail: providerEmail,
    workingHours: WEEKDAYS_8_TO_18,
    webhookUrl: options.webhookUrl ?? null,
    ...(options.webhookSecret ? { webhookSecret: { secret: options.webhookSecret, sealer } } : {}),
  });
  const coffee = await buildItem(db, { providerId, name: 'Coffee pot', priceMinor: 250, unit: 'per-item' });
  const lunch = await buildItem(db, {
    providerId,
    name: 'Lunch buffet',
    priceMinor: 1290,
    unit: 'per-person',
    changeCutoffHours: 48,
  });

  async function callerFor(role: Role): Promise<Caller> {
    const user = await buildUser(db, { role });
    const { token } = await t.deps.auth.createApiToken(user.id, { name: 'orders test' });
    const sign = (test: request.Test): request.Test => test.set('Authorization', `Bearer ${token}`);
    return {
      user,
      get: (url) => sign(request(t.app).get(url)),
      post: (url) => sign(request(t.app).post(url)),
      patch: (url) => sign(request(t.app).patch(url)),
      put: (url) => sign(request(t.app).put(url)),
    };
  }
  const organizer = await callerFor('employee');
  return {
    t,
    clock,
    sealer,
    buildingId,
    roomA,
    roomB,
    unservedBuildingId,
    unservedRoom,
    providerId,
    providerEmail,
    coffee,
    lunch,
    organizer,
    colleague: await callerFor('employee'),
    facility: await callerFor('facility'),
    admin: await callerFor('admin'),
    callerFor,
    // Each meeting gets a room of its own in the served building unless the test names one, so
    // meetings never collide in the bookings' no-overlap constraint.
    meeting: async (overrides = {}) =>
      buildMeeting(db, {
        roomId: overrides.roomId ?? (await buildRoom(db, { floorId })),
        ...MEETING,
        organizerEmail: organizer.user.email,
        attendees: [
          { name: 'A', email: 'a@example.test' },
          { name: 'B', email: 'b@example.test' },
          { name: 'C', email: 'c@example.test' },
        ],
        ...overrides,
      }),
  };
}

/** Row counts of every table an order request may write, to prove a refused one wrote nothing. */
export async function orderTableCounts(db: Knex): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['orders', 'order_lines', 'order_history', 'outbox', 'bookings']) {
    const [row] = await db(table).count<{ n: number }[]>('* as n');
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

export interface OutboxEntry {
  kind: string;
  channel: string;
  recipient: string;
  state: string;
}

export async function outboxOf(db: Knex, orderId: string): Promise<OutboxEntry[]> {
  return db('outbox')
    .where({ order_id: orderId })
    .orderBy('seq')
    .select<OutboxEntry[]>('kind', 'channel', 'recipient', 'state');
}

export const errorCode = (res: { body: unknown }): string => (res.body as { error: { code: string } }).error.code;
