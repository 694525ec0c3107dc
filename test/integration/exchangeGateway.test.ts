import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as ews from 'ews-javascript-api';
import { createEwsCalendarGateway, type EwsCalendarGateway } from '../../server/adapters/ews/gateway';
import type { EwsConnectionSettings } from '../../server/adapters/ews/connection';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';

/**
 * The EWS adapter against the Exchange simulator over https (trusting its generated CA), through
 * Basic and through NTLM, acting on the demo organisation's mailboxes.
 */

const PASSWORD = 'Roomserve-demo-1';
const SERVICE = 'NORTHWIND\\svc-roomserve';
const ROOM = 'room.harbour.0.elbe@northwind.test';
const EMMA = 'emma.schmidt@northwind.test';

function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
}

let sim: RunningExchangeSim;
const gateways: EwsCalendarGateway[] = [];

beforeAll(async () => {
  sim = await startExchangeSim({
    seed: 'demo',
    attendantDelayMs: 20,
    streaming: { heartbeatMs: 200, minuteMs: 60_000 },
  });
  sim.control.model.clock.freeze(Date.parse('2031-03-01T00:00:00Z'));
});
afterAll(async () => {
  for (const g of gateways) g.close();
  await sim.close();
});

function gateway(
  authMethod: 'basic' | 'ntlm',
  overrides: Partial<EwsConnectionSettings> = {},
  onBackOff?: (reason: string, ms: number) => void,
): EwsCalendarGateway {
  const g = createEwsCalendarGateway(
    {
      url: sim.url,
      username: SERVICE,
      password: PASSWORD,
      authMethod,
      caBundlePem: sim.control.caCertPem ?? null,
      skipTlsVerification: false,
      ...overrides,
    },
    { hooks: onBackOff ? { onBackOff } : {}, policy: { baseBackOffMs: 20 } },
  );
  gateways.push(g);
  return g;
}

describe.each(['basic', 'ntlm'] as const)('the EWS gateway over %s', (authMethod) => {
  it('verifies a room mailbox and names it', async () => {
    await expect(gateway(authMethod).checkRoomMailbox(ROOM)).resolves.toEqual({ ok: true, displayName: 'Elbe' });
  });

  it('explains why other mailboxes fail: not a room, no such mailbox, impersonation denied', async () => {
    const g = gateway(authMethod);
    await expect(g.checkRoomMailbox(EMMA)).resolves.toMatchObject({
      ok: false,
      reason: 'not-a-room',
      message: expect.stringContaining('not a room'),
    });
    await expect(g.checkRoomMailbox('nobody@northwind.test')).resolves.toMatchObject({
      ok: false,
      reason: 'no-such-mailbox',
      message: expect.stringContaining('no mailbox'),
    });
    const withoutRight = gateway(authMethod, { username: 'NORTHWIND\\emma.schmidt' });
    await expect(withoutRight.checkRoomMailbox(ROOM)).resolves.toMatchObject({
      ok: false,
      reason: 'impersonation-denied',
      message: expect.stringContaining('ApplicationImpersonation'),
    });
  });

  it('says in words that the password was refused', async () => {
    const check = await gateway(authMethod, { password: 'wrong-password' }).checkRoomMailbox(ROOM);
    expect(check).toMatchObject({
      ok: false,
      reason: 'auth',
      message: expect.stringContaining('username or password'),
    });
  });

  it('refuses the server certificate without the CA bundle, and accepts it with the explicit skip switch', async () => {
    const check = await gateway(authMethod, { caBundlePem: null }).checkRoomMailbox(ROOM);
    expect(check).toMatchObject({ ok: false, reason: 'unreachable', message: expect.stringContaining('certificate') });
    await expect(
      gateway(authMethod, { caBundlePem: null, skipTlsVerification: true }).checkRoomMailbox(ROOM),
    ).resolves.toMatchObject({ ok: true });
  });
});

describe('reading a room calendar', () => {
  const g = (): EwsCalendarGateway => gateway('ntlm');
  let meetingSubject: string;

  beforeAll(async () => {
    const organizer = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);
    const single = new ews.Appointment(organizer);
    meetingSubject = 'Budget review';
    single.Subject = meetingSubject;
    single.Body = new ews.MessageBody(
      ews.BodyType.Text,
      'Numbers &amp; plans https://teams.microsoft.com/l/meetup-join/abc',
    );
    single.Start = at('2031-03-03T09:00:00Z');
    single.End = at('2031-03-03T10:00:00Z');
    single.StartTimeZone = ews.TimeZoneInfo.Utc;
    single.EndTimeZone = ews.TimeZoneInfo.Utc;
    single.Location = 'Elbe';
    single.Resources.Add(ROOM);
    await single.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);

    const series = new ews.Appointment(organizer);
    series.Subject = 'Weekly stand-up';
    series.Start = at('2031-03-04T08:00:00Z');
    series.End = at('2031-03-04T08:15:00Z');
    series.StartTimeZone = ews.TimeZoneInfo.Utc;
    series.EndTimeZone = ews.TimeZoneInfo.Utc;
    const pattern = new ews.Recurrence.WeeklyPattern();
    pattern.StartDate = at('2031-03-04T00:00:00Z');
    pattern.Interval = 1;
    pattern.DaysOfTheWeek.Add(ews.DayOfTheWeek.Tuesday);
    pattern.NumberOfOccurrences = 3;
    series.Recurrence = pattern;
    series.Resources.Add(ROOM);
    await series.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
    await sim.control.model.whenIdle();
  });

  it('pages through changes with their headers, expands the series and finds the organizer copy', async () => {
    const page = await g().syncCalendarChanges(ROOM, null, 512);
    expect(page.complete).toBe(true);
    const headers = page.changed;
    expect(headers.map((h) => h.kind).sort()).toEqual(['recurring-master', 'single']);
    for (const h of headers) {
      expect(h.organizer.email).toBe(EMMA);
      expect(h.cleanGlobalObjectId).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(h.uid).not.toBe('');
    }
    const single = headers.find((h) => h.kind === 'single');
    expect(single).toMatchObject({ start: new Date('2031-03-03T09:00:00Z'), end: new Date('2031-03-03T10:00:00Z') });
    const again = await g().syncCalendarChanges(ROOM, page.syncState, 512);
    expect(again.changed).toEqual([]);

    const window = { start: new Date('2031-03-01T00:00:00Z'), end: new Date('2031-04-01T00:00:00Z') };
    const view = await g().calendarView(ROOM, window);
    expect(view).toHaveLength(4);
    const master = headers.find((h) => h.kind === 'recurring-master');
    const occurrences = view.filter((o) => o.originalStart !== null);
    expect(occurrences).toHaveLength(3);
    expect(
      occurrences.every(
        (o) => o.recurringMasterId === master?.itemId && o.cleanGlobalObjectId === master.cleanGlobalObjectId,
      ),
    ).toBe(true);
    const roomCopy = view.find((o) => o.originalStart === null);
    expect(roomCopy).toMatchObject({
      detailSource: 'room',
      start: new Date('2031-03-03T09:00:00Z'),
      end: new Date('2031-03-03T10:00:00Z'),
    });
    // The booking attendant replaced the subject with the organizer's name in the room's copy.
    expect(roomCopy?.subject).not.toBe(meetingSubject);
    expect(roomCopy?.attendees.some((a) => a.email === ROOM && a.kind === 'resource')).toBe(true);

    const only = await g().calendarView(ROOM, window, [master?.cleanGlobalObjectId ?? '']);
    expect(only).toHaveLength(3);

    const [roomSingle] = await g().roomItemDetails(ROOM, [single?.itemId ?? '']);
    expect(roomSingle).toMatchObject({ itemId: single?.itemId, detailSource: 'room', start: roomCopy?.start });
    expect(roomSingle?.attendees.some((a) => a.email === ROOM && a.kind === 'resource')).toBe(true);

    const singleRef = { cleanGlobalObjectId: roomCopy?.cleanGlobalObjectId ?? '', recurring: false };
    const details = await g().organizerDetails(EMMA, [singleRef], window);
    expect(details).toEqual([
      expect.objectContaining({
        subject: meetingSubject,
        originalStart: null,
        isPrivate: false,
        description: expect.stringContaining('Numbers & plans'),
      }),
    ]);
    await expect(g().organizerDetails('someone@partner.example', [singleRef], window)).resolves.toBeNull();

    // The whole calendar of the organizer in the window: the single meeting and the series master.
    const calendar = await g().organizerCalendar(EMMA, window);
    expect(calendar?.map((d) => `${d.cleanGlobalObjectId}|${String(d.originalStart)}`).sort()).toEqual(
      [`${roomCopy?.cleanGlobalObjectId}|null`, `${master?.cleanGlobalObjectId}|null`].sort(),
    );
    expect(calendar?.find((d) => d.cleanGlobalObjectId === roomCopy?.cleanGlobalObjectId)?.subject).toBe(
      meetingSubject,
    );
    await expect(g().organizerCalendar('someone@partner.example', window)).resolves.toBeNull();
  });

  it('reports an invalid sync state as its own kind', async () => {
    await expect(g().syncCalendarChanges(ROOM, 'not-a-sync-state', 10)).rejects.toMatchObject({
      kind: 'invalid-sync-state',
    });
  });

  it('lists the room mailboxes of every room list', async () => {
    const rooms = await g().listRoomMailboxes();
    expect(rooms).toHaveLength(40);
    expect(rooms).toContainEqual({ email: ROOM, name: 'Elbe', roomList: 'Harbour House' });
  });

  it('streams a hint when the room calendar changes', async () => {
    const changed: string[] = [];
    const stream = await g().openStream([ROOM], { onChange: (m) => changed.push(m), onClosed: () => undefined });
    try {
      const organizer = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);
      const appt = new ews.Appointment(organizer);
      appt.Subject = 'Streamed';
      appt.Start = at('2031-03-05T09:00:00Z');
      appt.End = at('2031-03-05T10:00:00Z');
      appt.Resources.Add(ROOM);
      await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
      await until('a change in the room', () => Promise.resolve(changed.includes(ROOM) ? true : undefined));
    } finally {
      await stream.close();
    }
  });
  it('reports a dropped stream once, through onClosed', async () => {
    let closed = 0;
    const stream = await g().openStream([ROOM], { onChange: () => undefined, onClosed: () => closed++ });
    // Drop it as soon as the simulator holds it open.
    await until('the stream to be open', () => Promise.resolve(sim.control.dropStreams() > 0 ? true : undefined));
    await until('the stream to report its end', () => Promise.resolve(closed > 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(1);
    await stream.close();
  });

  it('refuses a stream for a mailbox that does not exist, as mailbox-not-found', async () => {
    await expect(
      g().openStream([ROOM, 'nobody@northwind.test'], { onChange: () => undefined, onClosed: () => undefined }),
    ).rejects.toMatchObject({
      kind: 'mailbox-not-found',
    });
  });
});

describe('back-off', () => {
  it('waits BackOffMilliseconds on ErrorServerBusy, then succeeds', async () => {
    const waits: Array<[string, number]> = [];
    sim.control.model.addFault({ kind: 'serverBusy', backOffMilliseconds: 150, count: 2 });
    const started = Date.now();
    await expect(gateway('basic', {}, (r, ms) => waits.push([r, ms])).checkRoomMailbox(ROOM)).resolves.toMatchObject({
      ok: true,
    });
    expect(waits).toEqual([
      ['server-busy', 150],
      ['server-busy', 150],
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('backs off with jitter on HTTP 503, then succeeds', async () => {
    const waits: Array<[string, number]> = [];
    sim.control.model.addFault({ kind: 'http503', count: 2 });
    await expect(gateway('basic', {}, (r, ms) => waits.push([r, ms])).listRoomMailboxes()).resolves.toHaveLength(40);
    expect(waits.map(([r]) => r)).toEqual(['http-503', 'http-503']);
  });

  it('gives up as throttled when the server stays busy', async () => {
    sim.control.model.addFault({ kind: 'serverBusy', backOffMilliseconds: 10, count: 10 });
    await expect(gateway('basic').syncCalendarChanges(ROOM, null, 10)).rejects.toMatchObject({
      kind: 'throttled',
      serverCode: 'ErrorServerBusy',
    });
    sim.control.model.clearFaults();
  });
});
