import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../../domain/errors';
import { GatewayError } from '../../../ports/calendarGateway';
import type { MeetingLookup, MeetingOfItem } from '../../../ports/meetingLookup';
import type { MeetingBooking, MeetingBookings, MeetingIdentity } from '../../../ports/orders';
import { bookingOfItem, meetingOfItem, targetOfItem } from './itemTarget';
import type { OrdersServiceDeps } from './types';

const ROOM_A = '00000000-0000-4000-8000-00000000000a';
const ROOM_B = '00000000-0000-4000-8000-00000000000b';

const single: MeetingOfItem = {
  cleanGlobalObjectId: 'BAAAAIIA4AB0xbcQGoLgCAAAAAA=',
  uid: 'uid-1',
  kind: 'single',
  start: new Date('2026-05-04T08:00:00Z'),
  end: new Date('2026-05-04T09:00:00Z'),
  originalStart: null,
  isCancelled: false,
  subject: 'Review',
  organizerEmail: 'emma@example.test',
  attendeeEmails: ['lukas@example.test', 'room.a@example.test'],
  requestWasSent: true,
};

function booking(roomId: string): MeetingBooking {
  return {
    id: `booking-${roomId}`,
    status: 'confirmed',
    start: single.start,
    end: single.end,
    roomId,
    buildingId: 'building',
    timeZone: 'Europe/Berlin',
    subject: 'Review',
    organizerEmail: 'emma@example.test',
    organizerName: 'Emma',
    attendeeCount: 3,
    cleanGlobalObjectId: single.cleanGlobalObjectId,
    uid: single.uid,
    originalStart: null,
    isOccurrence: false,
  };
}

/** Bookings that appear only after `syncedAfter` reads, as when the sync brings a new meeting in. */
function depsWith(options: {
  rooms?: string[];
  syncedAfter?: number;
  lookup?: MeetingLookup | null;
}): OrdersServiceDeps & { reads: MeetingIdentity[]; sleeps: number[] } {
  const reads: MeetingIdentity[] = [];
  const sleeps: number[] = [];
  const bookings: Pick<MeetingBookings, 'liveOfMeeting' | 'roomPlace'> = {
    liveOfMeeting(identity) {
      reads.push(identity);
      const synced = reads.length > (options.syncedAfter ?? 0);
      return Promise.resolve(synced ? (options.rooms ?? [ROOM_A]).map(booking) : []);
    },
    roomPlace(roomId) {
      return Promise.resolve(
        roomId === ROOM_A
          ? { roomId, buildingId: 'building', timeZone: 'Europe/Berlin', exchangeEmail: 'room.a@example.test' }
          : undefined,
      );
    },
  };
  return {
    reads,
    sleeps,
    bookings: bookings as MeetingBookings,
    orders: {} as OrdersServiceDeps['orders'],
    catalog: {} as OrdersServiceDeps['catalog'],
    people: { findByEmail: () => Promise.resolve(undefined) },
    clock: { now: () => new Date('2026-05-01T00:00:00Z') },
    meetingLookup: () => Promise.resolve(options.lookup === undefined ? null : options.lookup),
    syncWait: {
      attempts: 4,
      intervalMs: 250,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    },
  };
}

const lookupAnswering = (answer: MeetingLookup['identityOfItem']): MeetingLookup => ({
  identityOfItem: answer,
  close: () => undefined,
});

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'resolved';
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
}

describe('bookingOfItem', () => {
  it('finds the room’s booking by clean global object id and original start at once', async () => {
    const deps = depsWith({});
    await expect(bookingOfItem(deps, single, undefined)).resolves.toMatchObject({ roomId: ROOM_A });
    expect(deps.reads).toEqual([
      { cleanGlobalObjectId: single.cleanGlobalObjectId, uid: 'uid-1', originalStart: null },
    ]);
    expect(deps.sleeps).toEqual([]);
  });

  it('waits for the sync to bring a just-saved meeting in', async () => {
    const deps = depsWith({ syncedAfter: 2 });
    await expect(bookingOfItem(deps, single, ROOM_A)).resolves.toMatchObject({ roomId: ROOM_A });
    expect(deps.sleeps).toEqual([250, 250]);
  });

  it('gives up with meeting_not_synced after the last attempt', async () => {
    const deps = depsWith({ syncedAfter: 99 });
    expect(await codeOf(bookingOfItem(deps, single, undefined))).toBe('meeting_not_synced');
    expect(deps.reads).toHaveLength(4);
    expect(deps.sleeps).toHaveLength(3);
  });

  it('waits for the named room when only another room of the meeting is synced', async () => {
    const deps = depsWith({ rooms: [ROOM_B] });
    expect(await codeOf(bookingOfItem(deps, single, ROOM_A))).toBe('meeting_not_synced');
  });

  it('asks which room when the meeting has several and none is named', async () => {
    const deps = depsWith({ rooms: [ROOM_A, ROOM_B] });
    expect(await codeOf(bookingOfItem(deps, single, undefined))).toBe('unprocessable');
    await expect(bookingOfItem(deps, single, ROOM_B)).resolves.toMatchObject({ roomId: ROOM_B });
  });

  it.each([
    ['the whole series', { ...single, kind: 'series' as const }],
    ['a cancelled meeting', { ...single, isCancelled: true }],
  ])('refuses %s without reading bookings', async (_name, meeting) => {
    const deps = depsWith({});
    expect(await codeOf(bookingOfItem(deps, meeting, undefined))).toBe('unprocessable');
    expect(deps.reads).toEqual([]);
  });
});

describe('targetOfItem', () => {
  const saved: MeetingOfItem = { ...single, requestWasSent: false };

  it('orders for a meeting that was saved but not sent, as the organizer saved it, without waiting', async () => {
    const deps = depsWith({ rooms: [] });
    const target = await targetOfItem(deps, saved, ROOM_A);
    expect(target.awaiting).toBe(true);
    expect(target.booking).toMatchObject({
      start: single.start,
      end: single.end,
      roomId: ROOM_A,
      buildingId: 'building',
      timeZone: 'Europe/Berlin',
      subject: 'Review',
      organizerEmail: 'emma@example.test',
      cleanGlobalObjectId: single.cleanGlobalObjectId,
      // Emma and Lukas: the room the add-in added as a required attendee does not eat.
      attendeeCount: 2,
    });
    expect(deps.reads).toHaveLength(1);
    expect(deps.sleeps).toEqual([]);
  });

  it('takes the room’s booking when it is already there', async () => {
    const target = await targetOfItem(depsWith({}), saved, ROOM_A);
    expect(target).toMatchObject({ awaiting: false, booking: { id: `booking-${ROOM_A}` } });
  });

  it('waits for the sync first when the meeting was sent, then orders as saved', async () => {
    const deps = depsWith({ syncedAfter: 99 });
    await expect(targetOfItem(deps, single, ROOM_A)).resolves.toMatchObject({ awaiting: true });
    expect(deps.sleeps).toHaveLength(3);
  });

  it('still answers meeting_not_synced without a room, and refuses an unknown room', async () => {
    expect(await codeOf(targetOfItem(depsWith({ syncedAfter: 99 }), saved, undefined))).toBe('meeting_not_synced');
    expect(await codeOf(targetOfItem(depsWith({ rooms: [] }), saved, ROOM_B))).toBe('not_found');
  });

  it.each([
    ['the whole series', { ...saved, kind: 'series' as const }],
    ['a cancelled meeting', { ...saved, isCancelled: true }],
  ])('refuses %s', async (_name, meeting) => {
    expect(await codeOf(targetOfItem(depsWith({ rooms: [] }), meeting, ROOM_A))).toBe('unprocessable');
  });
});

describe('meetingOfItem', () => {
  it.each([
    ['no Exchange connection', null, 'unavailable'],
    ['an item that is not in the mailbox', lookupAnswering(() => Promise.resolve(null)), 'not_found'],
    [
      'Exchange out of reach',
      lookupAnswering(() => Promise.reject(new GatewayError('transient', 'HTTP 503'))),
      'unavailable',
    ],
    [
      'an appointment without identity',
      lookupAnswering(() => Promise.resolve({ ...single, cleanGlobalObjectId: null, uid: null })),
      'unprocessable',
    ],
    ['a meeting', lookupAnswering(() => Promise.resolve(single)), 'resolved'],
  ])('%s', async (_name, lookup, expected) => {
    expect(await codeOf(meetingOfItem(depsWith({ lookup }), 'emma@example.test', 'AAMk='))).toBe(expected);
  });

  it('looks the item up in the mailbox it is given', async () => {
    const asked: string[] = [];
    const lookup = lookupAnswering((mailbox) => {
      asked.push(mailbox);
      return Promise.resolve(single);
    });
    await meetingOfItem(depsWith({ lookup }), 'lukas@example.test', 'AAMk=');
    expect(asked).toEqual(['lukas@example.test']);
  });
});
