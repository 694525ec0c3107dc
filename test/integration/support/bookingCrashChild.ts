/**
 * A Roomserve process that books one room and stops dead between the two writes of a booking
 * (bookingsCrash.test.ts kills it there with SIGKILL). Configured through environment variables
 * by the test; prints `CHECKPOINT <bookingId>` when it reached the chosen point.
 */
import { pino } from 'pino';
import { systemClock } from '../../../server/adapters/clock/systemClock';
import { openDatabase } from '../../../server/adapters/db/database';
import { createEwsMeetingWriter } from '../../../server/adapters/ews/meetingWriter';
import { composeBookings } from '../../../server/compose/bookings';
import type { Actor } from '../../../server/domain/actor';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

async function run(): Promise<void> {
  const db = await openDatabase({ engine: 'postgres', url: env('DATABASE_URL'), schema: env('DB_SCHEMA'), poolMax: 2 });
  const crashAt = env('CRASH_AT');
  const stop = async (point: string, bookingId: string): Promise<void> => {
    if (point !== crashAt) return;
    process.stdout.write(`CHECKPOINT ${bookingId}\n`);
    // Wait here for the kill.
    await new Promise<never>(() => undefined);
  };
  const writer = createEwsMeetingWriter({
    url: env('EWS_URL'),
    username: 'NORTHWIND\\svc-roomserve',
    password: 'Roomserve-demo-1',
    authMethod: 'basic',
    caBundlePem: env('EWS_CA'),
    skipTlsVerification: false,
  });
  const { bookings } = composeBookings({
    infrastructure: { knex: db.knex, clock: systemClock, logger: pino({ level: 'warn' }, pino.destination(2)) },
    meetingWriter: () => Promise.resolve(writer),
    overrides: {
      checkpoints: {
        afterLocalInsert: (id) => stop('afterLocalInsert', id),
        afterExchangeCreate: (id) => stop('afterExchangeCreate', id),
      },
    },
  });
  const actor = JSON.parse(env('ACTOR')) as Actor;
  await bookings.createBooking(actor, {
    roomId: env('ROOM_ID'),
    start: env('START'),
    end: env('END'),
    subject: 'Interrupted booking',
    attendees: [],
    description: '',
    private: false,
    onlineMeetingUrl: null,
  });
  process.stdout.write('NO CHECKPOINT\n');
  process.exit(1);
}

run().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(2);
});
