import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type * as ews from 'ews-javascript-api';
import type { SyncRuntime } from '../../server/sync/syncRuntime';
import { expectMirrorsExchange } from '../support/exchangeCalendars';
import {
  SERVICE_ACCOUNT,
  cancelMeeting,
  movedTo,
  sendMeeting,
  startScenarioHarness,
  startScenarioRuntime,
  updateMeeting,
  type ScenarioHarness,
} from './syncScenariosHarness';

/**
 * An ErrorServerBusy storm of 30 s on the service account (every EWS request of Roomserve is
 * answered ErrorServerBusy with BackOffMilliseconds), with the sync runtime as main.ts runs it and
 * the EWS adapter's production retry policy, against the simulator (test/support/testDatabase.ts: PGlite
 * and PostgreSQL). Outlook users keep working meanwhile. Roomserve must wait as long as Exchange
 * asks each time, and hold what the rooms' calendars hold once the storm is over.
 *
 * The storm lasts 30 s of real time, as issue 4 describes it: BackOffMilliseconds is a server
 * instruction in real milliseconds, and shortening it would no longer test that it is honoured.
 */

const ROOMS = [
  'room.harbour.0.speicher@northwind.test',
  'room.harbour.0.kai@northwind.test',
  'room.harbour.1.brook@northwind.test',
];
const [SPEICHER = '', KAI = '', BROOK = ''] = ROOMS;
const STORM_MS = 30_000;
const BACK_OFF_MS = 5_000;
const CONVERGENCE_DEADLINE_MS = 60_000;

let h: ScenarioHarness;
let runtime: SyncRuntime;
let emma: ews.ExchangeService;
const serverBusyWaits: number[] = [];

const day = (n: number, hourUtc: number): string => {
  const d = new Date();
  d.setUTCHours(hourUtc, 0, 0, 0);
  return new Date(d.getTime() + n * 86_400_000).toISOString();
};
const hourAfter = (iso: string): string => new Date(Date.parse(iso) + 3600_000).toISOString();
const serviceRequests = (): number => h.sim.control.model.requestCounts().byAccount[SERVICE_ACCOUNT] ?? 0;

async function expectConverged(): Promise<void> {
  await h.sim.control.model.whenIdle();
  await expectMirrorsExchange(h.db.knex, h.account, h.rooms, h.window, CONVERGENCE_DEADLINE_MS);
}

beforeAll(async () => {
  h = await startScenarioHarness({
    rooms: ROOMS,
    gatewayHooks: { onBackOff: (reason, waitMs) => (reason === 'server-busy' ? serverBusyWaits.push(waitMs) : 0) },
  });
  emma = h.outlook('emma.schmidt');
  runtime = startScenarioRuntime(h);
  await runtime.start();
}, 60_000);

afterAll(async () => {
  h.sim.control.model.clearFaults();
  await runtime.stop();
  await h.close();
});

describe('an ErrorServerBusy storm', () => {
  it('waits BackOffMilliseconds each time while it lasts, and converges once it is over', async () => {
    const moved = await sendMeeting(emma, { subject: 'To move', start: day(2, 9), end: day(2, 10), rooms: [SPEICHER] });
    const cancelled = await sendMeeting(emma, {
      subject: 'To cancel',
      start: day(3, 9),
      end: day(3, 10),
      rooms: [KAI, BROOK],
    });
    await expectConverged();

    h.sim.control.model.addFault({
      kind: 'serverBusy',
      backOffMilliseconds: BACK_OFF_MS,
      match: { account: SERVICE_ACCOUNT },
    });
    const before = serviceRequests();
    const stormStarted = Date.now();
    // Outlook users are not throttled: their changes land in Exchange during the storm.
    await updateMeeting(emma, moved, movedTo(day(2, 14), hourAfter(day(2, 14))));
    await cancelMeeting(emma, cancelled);
    await sendMeeting(emma, { subject: 'Booked in the storm', start: day(4, 9), end: day(4, 10), rooms: [BROOK] });
    await h.sim.control.model.whenIdle();
    await new Promise((r) => setTimeout(r, Math.max(0, STORM_MS - (Date.now() - stormStarted))));
    const duringStorm = serviceRequests() - before;
    h.sim.control.model.clearFaults();

    // Roomserve did try (the changes were notified) and waited as long as Exchange asked, every time.
    expect(serverBusyWaits.length).toBeGreaterThan(0);
    expect(new Set(serverBusyWaits)).toEqual(new Set([BACK_OFF_MS]));
    // Each of its callers (one sync per room, one stream per group) may send one request per
    // BackOffMilliseconds, plus the first one: ≤ 4 × (30 s / 5 s + 2) = 32. A client that ignored
    // the back-off would send hundreds in 30 s.
    const callers = ROOMS.length + 1;
    expect(duringStorm).toBeGreaterThan(0);
    expect(duringStorm).toBeLessThanOrEqual(callers * (STORM_MS / BACK_OFF_MS + 2));

    await expectConverged();
  }, 180_000);
});
