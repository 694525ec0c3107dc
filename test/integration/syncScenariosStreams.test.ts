import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type * as ews from 'ews-javascript-api';
import type { SyncRuntime } from '../../server/sync/syncRuntime';
import { expectMirrorsExchange } from '../support/exchangeCalendars';
import {
  cancelMeeting,
  movedTo,
  sendMeeting,
  startScenarioHarness,
  startScenarioRuntime,
  updateMeeting,
  type ScenarioHarness,
} from './syncScenariosHarness';

/**
 * Dropped streams, with the sync runtime as main.ts runs it, through the real EWS adapter against
 * the simulator (test/support/testDatabase.ts: PGlite and PostgreSQL). Changes made in Outlook while the
 * streams are down must arrive once they are back (the catch-up after a reconnect), and Roomserve
 * must end up holding what the rooms' calendars hold, read back over EWS.
 */

const ROOMS = ['room.harbour.0.este@northwind.test', 'room.harbour.0.luhe@northwind.test'];
const [ESTE = '', LUHE = ''] = ROOMS;
const CONVERGENCE_DEADLINE_MS = 30_000;

let h: ScenarioHarness;
let runtime: SyncRuntime;
let emma: ews.ExchangeService;
const reconnects: string[] = [];

const day = (n: number, hourUtc: number): string => {
  const d = new Date();
  d.setUTCHours(hourUtc, 0, 0, 0);
  return new Date(d.getTime() + n * 86_400_000).toISOString();
};
const hourAfter = (iso: string): string => new Date(Date.parse(iso) + 3600_000).toISOString();

async function expectConverged(): Promise<void> {
  // Exchange first has to hold the change: the booking attendants answer asynchronously.
  await h.sim.control.model.whenIdle();
  await expectMirrorsExchange(h.db.knex, h.account, h.rooms, h.window, CONVERGENCE_DEADLINE_MS);
}

async function streamStates(): Promise<(string | null)[]> {
  const rows: { stream_state: string | null }[] = await h.db
    .knex('room_sync')
    .whereIn(
      'room_id',
      h.rooms.map((r) => r.roomId),
    )
    .select('stream_state');
  return rows.map((r) => r.stream_state);
}

beforeAll(async () => {
  h = await startScenarioHarness({ rooms: ROOMS });
  emma = h.outlook('emma.schmidt');
  runtime = startScenarioRuntime(h, {
    observer: {
      syncFinished: () => undefined,
      backOff: () => undefined,
      streamReconnect: (e) => reconnects.push(e.reason),
    },
  });
  await runtime.start();
}, 60_000);

afterAll(async () => {
  await runtime.stop();
  await h.close();
});

describe('dropped streams', () => {
  it('catches up on what changed while the streams were down, and follows changes in real time again', async () => {
    const moved = await sendMeeting(emma, { subject: 'To move', start: day(2, 9), end: day(2, 10), rooms: [ESTE] });
    const cancelled = await sendMeeting(emma, {
      subject: 'To cancel',
      start: day(3, 9),
      end: day(3, 10),
      rooms: [ESTE, LUHE],
    });
    await expectConverged();

    // The open streams are cut without a Closed message, and so are the next three reconnects.
    h.sim.control.model.addFault({ kind: 'dropStream', count: 3 });
    expect(h.sim.control.dropStreams()).toBeGreaterThan(0);
    await updateMeeting(emma, moved, movedTo(day(2, 14), hourAfter(day(2, 14))));
    await cancelMeeting(emma, cancelled);
    await sendMeeting(emma, { subject: 'Booked meanwhile', start: day(4, 9), end: day(4, 10), rooms: [LUHE] });
    await expectConverged();
    expect(reconnects.length).toBeGreaterThan(0);

    // Back on a real-time transport (streaming, or pull subscriptions after streams kept dropping:
    // streamSupervisor.ts), a new meeting arrives without a manual or safety sync.
    const live = (states: (string | null)[]): boolean => states.every((s) => s === 'streaming' || s === 'pull');
    const deadline = Date.now() + CONVERGENCE_DEADLINE_MS;
    while (!live(await streamStates()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(live(await streamStates())).toBe(true);
    await sendMeeting(emma, { subject: 'After the drops', start: day(5, 9), end: day(5, 10), rooms: [ESTE, LUHE] });
    await expectConverged();
  }, 180_000);
});
