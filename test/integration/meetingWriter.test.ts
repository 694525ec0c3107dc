import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEwsMeetingWriter } from '../../server/adapters/ews/meetingWriter';
import type { MeetingWriter, NewMeeting } from '../../server/ports/meetingWriter';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';

/** The EWS MeetingWriter against the simulator, with every request checked against messages.xsd. */

const ROOM = 'room.harbour.0.elbe@northwind.test';
const EMMA = 'emma.schmidt@northwind.test';
let sim: RunningExchangeSim;
let writer: MeetingWriter;

const DAY = Math.floor(Date.now() / 86_400_000 + 10) * 86_400_000;
const hour = (h: number): Date => new Date(DAY + h * 3_600_000);

function meeting(overrides: Partial<NewMeeting> = {}): NewMeeting {
  return {
    bookingId: '11111111-1111-4111-8111-111111111111',
    uid: 'roomserve-11111111-1111-4111-8111-111111111111',
    organizer: { kind: 'mailbox', email: EMMA },
    room: { email: ROOM, name: 'Elbe' },
    start: hour(9),
    end: hour(10),
    timeZone: 'Europe/Berlin',
    subject: 'Budget <Q1> & plans',
    description: 'Bring numbers & <ideas>',
    attendees: ['lukas.meyer@northwind.test'],
    isPrivate: false,
    onlineMeetingUrl: null,
    booker: null,
    ...overrides,
  };
}

beforeAll(async () => {
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 20 });
  writer = createEwsMeetingWriter({
    url: sim.url,
    username: 'NORTHWIND\\svc-roomserve',
    password: 'Roomserve-demo-1',
    authMethod: 'basic',
    caBundlePem: sim.control.caCertPem ?? null,
    skipTlsVerification: false,
  });
}, 60_000);

afterAll(async () => {
  writer.close();
  await sim.close();
});

describe('EWS meeting writer', () => {
  it('creates a meeting request the room accepts, with our UID, marker and exact times', async () => {
    const created = await writer.createMeeting(meeting());
    expect(created.uid).toBe('roomserve-11111111-1111-4111-8111-111111111111');
    expect(created.cleanGlobalObjectId).not.toBe('');
    expect(created.start.toISOString()).toBe(hour(9).toISOString());
    expect(created.end.toISOString()).toBe(hour(10).toISOString());
    expect(created.organizerEmail).toBe(EMMA);
    await sim.control.model.whenIdle();
    const read = await writer.readMeeting({
      organizer: { kind: 'mailbox', email: EMMA },
      itemId: null,
      cleanGlobalObjectId: null,
      bookingId: '11111111-1111-4111-8111-111111111111',
    });
    expect(read?.roomAnswers.get(ROOM)?.answer).toBe('accepted');
    const organizerCopy = sim.control.model
      .readCalendar(EMMA)
      .find((i) => i.uid === 'roomserve-11111111-1111-4111-8111-111111111111');
    expect(organizerCopy?.subject).toBe('Budget <Q1> & plans');
    const busy = await writer.freeBusy(ROOM, { start: hour(0), end: hour(23) });
    expect(busy.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([
      [hour(9).toISOString(), hour(10).toISOString()],
    ]);
  });

  it('moves the meeting and the room answers again; cancelling frees the room', async () => {
    const ref = {
      organizer: { kind: 'mailbox', email: EMMA } as const,
      itemId: null,
      cleanGlobalObjectId: null,
      bookingId: '11111111-1111-4111-8111-111111111111',
    };
    const before = await writer.readMeeting(ref);
    const moved = await writer.updateMeeting(ref, { start: hour(11), end: hour(12) });
    expect(moved.item.start.toISOString()).toBe(hour(11).toISOString());
    expect(moved.writtenChangeKey).not.toBe(before?.changeKey);
    await sim.control.model.whenIdle();
    const after = await writer.readMeeting(ref);
    expect(after?.roomAnswers.get(ROOM)?.answer).toBe('accepted');
    expect(after?.roomAnswers.get(ROOM)?.answeredAt?.getTime()).not.toBe(
      before?.roomAnswers.get(ROOM)?.answeredAt?.getTime(),
    );
    await writer.cancelMeeting(ref, 'Not needed & <gone>');
    await sim.control.model.whenIdle();
    expect(await writer.freeBusy(ROOM, { start: hour(0), end: hour(23) })).toEqual([]);
  });

  it('books through the service account for someone without a mailbox', async () => {
    const created = await writer.createMeeting(
      meeting({
        bookingId: '22222222-2222-4222-8222-222222222222',
        uid: 'roomserve-22222222-2222-4222-8222-222222222222',
        organizer: { kind: 'service-account' },
        booker: { name: 'Eve External', email: 'eve@partner.example' },
        start: hour(14),
        end: hour(15),
      }),
    );
    expect(created.organizerEmail).toBe('svc-roomserve@northwind.test');
    await sim.control.model.whenIdle();
    const read = await writer.readMeeting({
      organizer: { kind: 'service-account' },
      itemId: created.itemId,
      cleanGlobalObjectId: null,
      bookingId: 'x',
    });
    expect(read?.roomAnswers.get(ROOM)?.answer).toBe('accepted');
  });
});
