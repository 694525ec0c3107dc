import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import { createEwsCalendarGateway, type EwsCalendarGateway } from '../../server/adapters/ews/gateway';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';

/**
 * Exchange ends a streaming connection after its ConnectionTimeout (30 minutes). The adapter
 * renews the connection on the same subscriptions, so the idle cost of a room is not a Subscribe
 * every half hour, and what happened in between is still delivered. The simulator's minutes are
 * shortened here (30 "minutes" = 12 s).
 */

const ROOM = 'room.harbour.0.elbe@northwind.test';
let sim: RunningExchangeSim;
let gateway: EwsCalendarGateway;

beforeAll(async () => {
  sim = await startExchangeSim({
    seed: 'demo',
    http: true,
    attendantDelayMs: 5,
    validateRequests: false,
    streaming: { heartbeatMs: 1000, minuteMs: 400 },
  });
  gateway = createEwsCalendarGateway({
    url: sim.url,
    username: 'NORTHWIND\\svc-roomserve',
    password: 'Roomserve-demo-1',
    authMethod: 'basic',
    caBundlePem: null,
    skipTlsVerification: false,
  });
});

afterAll(async () => {
  gateway.close();
  await sim.close();
});

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('streaming connection renewal', () => {
  it('renews the connection on the same subscriptions when Exchange closes it, and keeps delivering', async () => {
    const changed: string[] = [];
    let renewed = 0;
    let closed = 0;
    const stream = await gateway.openStream([ROOM], {
      onChange: (m) => changed.push(m),
      onClosed: () => closed++,
      onRenewed: () => renewed++,
    });
    try {
      await until('the connection timeout', () => renewed > 0, 20_000);
      const requests = (): Readonly<Record<string, number>> => sim.control.model.requestCounts().byOperation;
      await until('the renewed connection', () => (requests().GetStreamingEvents ?? 0) >= 2, 5_000);
      expect(requests().Subscribe).toBe(1);

      const emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', 'Roomserve-demo-1', 'basic');
      const appt = new ews.Appointment(emma);
      appt.Subject = 'After the renewal';
      // Inside the room's booking window, or the attendant declines and the room's calendar stays as it was.
      const start = Date.now() + 2 * 86_400_000;
      appt.Start = at(new Date(start).toISOString());
      appt.End = at(new Date(start + 3_600_000).toISOString());
      appt.StartTimeZone = ews.TimeZoneInfo.Utc;
      appt.EndTimeZone = ews.TimeZoneInfo.Utc;
      appt.Resources.Add(ROOM);
      await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
      await until('a notification after the renewal', () => changed.includes(ROOM), 5_000);
      expect(closed).toBe(0);
    } finally {
      await stream.close();
    }
  }, 40_000);
});
