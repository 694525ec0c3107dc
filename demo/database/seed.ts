import type { Knex } from 'knex';
import { seedDemoBookings } from './bookings';
import { seedDemoCatalog } from './catalog';
import { seedDemoEvents } from './events';
import { seedDemoExternals } from './externals';
import { seedDemoHistory } from './history';
import { seedDemoLocations } from './locations';
import { prepareDemoUsers, seedDemoUsers } from './users';

/**
 * The demo database seed: the organisation of demo/organisation/ with drawn floor plans and room
 * pictures, the demo people (password DEMO_PASSWORD) and a week of meetings. It runs in one
 * transaction, so a database either has the whole demo or none of it.
 */

export interface SeedLogger {
  info(details: Record<string, unknown>, message: string): void;
}

export interface SeedDemoOptions {
  /** The week of meetings starts on this day; defaults to now. */
  readonly now?: Date;
  /** Set to false to leave the bookings out (e.g. once meetings come from Exchange). */
  readonly bookings?: boolean;
  /** Weeks of past meetings with their check-ins and releases, for analytics (default: none). */
  readonly history?: boolean;
  readonly logger?: SeedLogger;
}

export interface DemoSeedSummary {
  readonly buildings: number;
  readonly floors: number;
  readonly rooms: number;
  readonly images: number;
  readonly users: number;
  readonly bookings: number;
  readonly pastBookings: number;
}

/** Any constant works; it only has to be the same for every process seeding this database. */
const SEED_LOCK_KEY = 72_531_001;

async function writeDemo(
  trx: Knex.Transaction,
  options: SeedDemoOptions,
  users: Awaited<ReturnType<typeof prepareDemoUsers>>,
): Promise<DemoSeedSummary> {
  const locations = await seedDemoLocations(trx);
  const usersAdded = await seedDemoUsers(trx, users);
  const bookings = options.bookings === false ? 0 : await seedDemoBookings(trx, { now: options.now ?? new Date() });
  const pastBookings = options.history === true ? await seedDemoHistory(trx, { now: options.now ?? new Date() }) : 0;
  await seedDemoCatalog(trx);
  await seedDemoEvents(trx);
  await seedDemoExternals(trx, options.now ?? new Date());
  return { ...locations, users: usersAdded, bookings, pastBookings };
}

function report(options: SeedDemoOptions, summary: DemoSeedSummary, startedAt: number): void {
  options.logger?.info({ ...summary, ms: Date.now() - startedAt }, 'demo organisation seeded');
}

/**
 * Seeds the demo organisation without looking first. On a database that already has the demo
 * rooms it fails and changes nothing: their Exchange mailboxes are unique.
 */
export async function seedDemo(knex: Knex, options: SeedDemoOptions = {}): Promise<DemoSeedSummary> {
  const startedAt = Date.now();
  const users = await prepareDemoUsers();
  const summary = await knex.transaction((trx) => writeDemo(trx, options, users));
  report(options, summary, startedAt);
  return summary;
}

/**
 * Seeds the demo organisation when the database has no buildings yet; returns whether it did.
 * The check and the writes share one transaction under an advisory lock, so two servers
 * starting against one empty database seed it once.
 */
export async function seedDemoIfEmpty(knex: Knex, options: SeedDemoOptions = {}): Promise<boolean> {
  const startedAt = Date.now();
  const hasBuildings = async (db: Knex): Promise<boolean> => (await db('buildings').first('id')) !== undefined;
  if (await hasBuildings(knex)) return false;
  const users = await prepareDemoUsers();
  const summary = await knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
    return (await hasBuildings(trx)) ? null : writeDemo(trx, options, users);
  });
  if (summary) report(options, summary, startedAt);
  return summary !== null;
}
