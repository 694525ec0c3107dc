import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createExchangeConnection } from '../../server/adapters/ews/exchangeConnection';
import type { ExchangeConnection } from '../../server/ports/exchangeSettings';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';

/**
 * The attendee picker's directory view of the one Exchange connection, against the simulator
 * playing Exchange 2019 and Exchange 2010 SP1, with every request checked against messages.xsd:
 * ResolveNames until Exchange has said which release it is, FindPeople (our own SOAP envelope) on
 * 2013 and later, never FindPeople on 2010. An event with optional attendees, an HTML body and a
 * weekly recurrence is written and read back in the same schema-checked way.
 */

const PASSWORD = 'Roomserve-demo-1';
const EMMA = 'emma.schmidt@northwind.test';

function connect(sim: RunningExchangeSim): ExchangeConnection {
  return createExchangeConnection({
    url: sim.url,
    username: 'NORTHWIND\\svc-roomserve',
    password: PASSWORD,
    authMethod: 'basic',
    caBundlePem: sim.control.caCertPem ?? null,
    skipTlsVerification: false,
  });
}

describe.each(['Exchange2019', 'Exchange2010_SP1'] as const)('the directory on %s', (release) => {
  let sim: RunningExchangeSim;
  let connection: ExchangeConnection;

  beforeAll(async () => {
    sim = await startExchangeSim({ seed: 'demo', release, attendantDelayMs: 20 });
    connection = connect(sim);
  }, 60_000);

  afterAll(async () => {
    connection.close();
    await sim.close();
  });

  it('finds people by the start of a name, an address or an alias, and resolves exact addresses', async () => {
    const directory = connection.directory();
    // The first answer tells the connection which release it talks to.
    expect(await directory.searchPeople('emma', 10)).toContainEqual({ name: 'Emma Schmidt', email: EMMA });
    sim.control.model.resetRequestCounts();
    const found = await directory.searchPeople('wag', 10);
    expect(found).toContainEqual({ name: 'Sophie Wagner', email: 'sophie.wagner@northwind.test' });
    const counts = sim.control.model.requestCounts().byOperation;
    if (release === 'Exchange2019') expect(counts).toEqual({ FindPeople: 1 });
    else expect(counts).toEqual({ ResolveNames: 1 });
    expect(await directory.searchPeople('nobody-by-that-name', 10)).toEqual([]);
    expect(await directory.resolveAddress('LUKAS.MEYER@northwind.test')).toEqual({
      name: 'Lukas Meyer',
      email: 'lukas.meyer@northwind.test',
    });
    expect(await directory.resolveAddress('nobody.here@northwind.test')).toBeUndefined();
  });

  it('writes an event with optional attendees, an HTML body, a link and a weekly series, and reads it back', async () => {
    const writer = connection.meetingWriter();
    const start = new Date(Math.floor(Date.now() / 86_400_000 + 10) * 86_400_000 + 9 * 3_600_000);
    const weekday = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][start.getUTCDay()];
    const meeting = {
      bookingId: `b-${release}`,
      uid: `roomserve-b-${release}`,
      organizer: { kind: 'mailbox' as const, email: EMMA },
      room: { email: 'room.harbour.0.elbe@northwind.test', name: 'Elbe' },
      start,
      end: new Date(start.getTime() + 3_600_000),
      timeZone: 'Europe/Berlin',
      subject: 'Series',
      description: '<p>Agenda &amp; notes</p>',
      descriptionIsHtml: true,
      attendees: ['lukas.meyer@northwind.test'],
      optionalAttendees: ['sophie.wagner@northwind.test'],
      isPrivate: true,
      onlineMeetingUrl: 'https://meet.example/series',
      booker: null,
      recurrence: {
        pattern: 'weekly' as const,
        interval: 1,
        daysOfWeek: [weekday ?? 'monday'],
        endDate: null,
        count: 3,
      },
    };
    const item = await writer.createMeeting(meeting);
    const ref = {
      organizer: meeting.organizer,
      itemId: item.itemId,
      cleanGlobalObjectId: null,
      bookingId: meeting.bookingId,
    };
    const details = await writer.readDetails(ref);
    expect(details?.body).toEqual({
      description: '<p>Agenda &amp; notes</p>',
      isHtml: true,
      onlineMeetingUrl: 'https://meet.example/series',
    });
    expect(details?.isPrivate).toBe(true);
    expect(details?.attendees.map((a) => [a.email, a.kind])).toEqual([
      ['lukas.meyer@northwind.test', 'required'],
      ['sophie.wagner@northwind.test', 'optional'],
      ['room.harbour.0.elbe@northwind.test', 'resource'],
    ]);
    const occurrences = sim.control.model
      .readCalendar('lukas.meyer@northwind.test')
      .filter((i) => i.subject === 'Series');
    expect(occurrences).toHaveLength(1);
    expect(occurrences[0]?.recurrence).toBeTruthy();
    const busy = await writer.peopleBusy(['lukas.meyer@northwind.test', 'guest@partner.example'], {
      start,
      end: new Date(start.getTime() + 15 * 86_400_000),
    });
    expect(busy.get('lukas.meyer@northwind.test')?.length).toBe(3);
    expect(busy.has('guest@partner.example')).toBe(false);
  });
});
