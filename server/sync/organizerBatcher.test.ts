import { describe, expect, it } from '@jest/globals';
import { GatewayError, type MeetingRef, type OrganizerDetails, type TimeWindow } from '../ports/calendarGateway';
import { createOrganizerBatcher } from './organizerBatcher';

const window: TimeWindow = { start: new Date('2031-03-01T00:00:00Z'), end: new Date('2031-04-01T00:00:00Z') };

const details = (id: string): OrganizerDetails => ({
  cleanGlobalObjectId: id,
  originalStart: null,
  subject: `Subject ${id}`,
  description: '',
  isPrivate: false,
  attendees: [],
  joinOnlineMeetingUrl: null,
});

function recordingGateway(
  answer: (email: string, meetings: readonly MeetingRef[]) => Promise<OrganizerDetails[] | null>,
  calendar: (email: string) => Promise<OrganizerDetails[] | null> = () => Promise.resolve([]),
) {
  const calls: { email: string; meetings: readonly MeetingRef[] }[] = [];
  const calendarReads: string[] = [];
  return {
    calls,
    calendarReads,
    gateway: {
      organizerDetails: (email: string, meetings: readonly MeetingRef[]) => {
        calls.push({ email, meetings });
        return answer(email, meetings);
      },
      organizerCalendar: (email: string) => {
        calendarReads.push(email);
        return calendar(email);
      },
    },
  };
}

const ref = (id: string, recurring = false): MeetingRef => ({ cleanGlobalObjectId: id, recurring });

describe('organizer lookups of concurrent full syncs', () => {
  it('asks Exchange once per organizer and gives each caller its own meetings', async () => {
    const { calls, gateway } = recordingGateway((_e, meetings) =>
      Promise.resolve(meetings.map((m) => details(m.cleanGlobalObjectId))),
    );
    const lookup = createOrganizerBatcher(gateway, { collectMs: 10 });
    const [roomA, roomB, other] = await Promise.all([
      lookup('Emma@northwind.test', [ref('M1'), ref('M2')], window),
      lookup('emma@northwind.test', [ref('M3', true), ref('M2', true)], window),
      lookup('lukas@northwind.test', [ref('L1')], window),
    ]);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual({ email: 'emma@northwind.test', meetings: [ref('M1'), ref('M2', true), ref('M3', true)] });
    expect(roomA?.map((d) => d.cleanGlobalObjectId)).toEqual(['M1', 'M2']);
    expect(roomB?.map((d) => d.cleanGlobalObjectId)).toEqual(['M2', 'M3']);
    expect(other?.map((d) => d.cleanGlobalObjectId)).toEqual(['L1']);
  });

  it('passes an unreachable organizer (null) and errors on to every caller', async () => {
    const unreachable = createOrganizerBatcher(recordingGateway(() => Promise.resolve(null)).gateway, { collectMs: 5 });
    await expect(
      Promise.all([
        unreachable('x@partner.example', [ref('A')], window),
        unreachable('x@partner.example', [ref('B')], window),
      ]),
    ).resolves.toEqual([null, null]);

    const busy = createOrganizerBatcher(
      recordingGateway(() => Promise.reject(new GatewayError('throttled', 'busy'))).gateway,
      { collectMs: 5 },
    );
    const both = [busy('e@n.test', [ref('A')], window), busy('e@n.test', [ref('B')], window)];
    for (const p of both) await expect(p).rejects.toMatchObject({ kind: 'throttled' });
  });

  it('sends a full batch at once instead of waiting', async () => {
    const { calls, gateway } = recordingGateway((_e, meetings) =>
      Promise.resolve(meetings.map((m) => details(m.cleanGlobalObjectId))),
    );
    const lookup = createOrganizerBatcher(gateway, { collectMs: 60_000, maxMeetings: 2 });
    await expect(lookup('e@n.test', [ref('A'), ref('B')], window)).resolves.toHaveLength(2);
    expect(calls).toHaveLength(1);
  });

  it("reads an organizer's whole calendar once that organizer is asked for by several rooms, and serves later rooms from it", async () => {
    const everything = ['M1', 'M2', 'M3', 'M4'].map(details);
    const { calls, calendarReads, gateway } = recordingGateway(
      (_e, meetings) => Promise.resolve(meetings.map((m) => details(m.cleanGlobalObjectId))),
      () => Promise.resolve(everything),
    );
    let clock = 0;
    const lookup = createOrganizerBatcher(gateway, { collectMs: 1, wholeCalendarAfter: 3, now: () => clock });
    await lookup('e@n.test', [ref('M1')], window);
    await lookup('e@n.test', [ref('M2')], window);
    expect(calls).toHaveLength(2);
    expect(calendarReads).toEqual([]);
    await expect(lookup('e@n.test', [ref('M3')], window)).resolves.toEqual([details('M3')]);
    await expect(lookup('e@n.test', [ref('M4'), ref('GONE')], window)).resolves.toEqual([details('M4')]);
    expect(calendarReads).toEqual(['e@n.test']);
    expect(calls).toHaveLength(2);

    clock += 10 * 60_000;
    await lookup('e@n.test', [ref('M1')], window);
    expect(calls).toHaveLength(3);
  });

  it('holds at most maxCachedMeetings meetings of whole calendars, dropping the least recently used calendar', async () => {
    const calendarOf = (email: string): OrganizerDetails[] =>
      Array.from({ length: email.startsWith('big') ? 50 : 4 }, (_v, i) => details(`${email}/${i}`));
    const { calendarReads, gateway } = recordingGateway(
      (_e, meetings) => Promise.resolve(meetings.map((m) => details(m.cleanGlobalObjectId))),
      (email) => Promise.resolve(calendarOf(email)),
    );
    const lookup = createOrganizerBatcher(gateway, { collectMs: 1, wholeCalendarAfter: 1, maxCachedMeetings: 10 });
    const ask = (email: string): Promise<OrganizerDetails[] | null> => lookup(email, [ref(`${email}/0`)], window);

    await expect(ask('a@n.test')).resolves.toEqual([details('a@n.test/0')]);
    await ask('b@n.test');
    await ask('a@n.test'); // a is now used more recently than b
    expect(calendarReads).toEqual(['a@n.test', 'b@n.test']);
    await ask('c@n.test'); // 12 meetings held: b goes
    await ask('a@n.test');
    await ask('b@n.test');
    expect(calendarReads).toEqual(['a@n.test', 'b@n.test', 'c@n.test', 'b@n.test']);

    // Larger than the whole budget: it answers its rooms and is read again next time.
    await expect(ask('big@n.test')).resolves.toEqual([details('big@n.test/0')]);
    await ask('big@n.test');
    expect(calendarReads.filter((e) => e === 'big@n.test')).toHaveLength(2);
  });
});
