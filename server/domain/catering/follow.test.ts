import { describe, expect, it } from '@jest/globals';
import type { AttentionReason, OrderStatus } from '../../../shared/schemas/orders';
import { attendeeCount, decideFollow, type EventNow, type FollowedOrder, type FollowRules } from './follow';

// Monday 2026-05-04, 10:00–11:00 in Berlin (08:00–09:00 UTC); the order delivers 15 min before.
const at = (iso: string): Date => new Date(iso);
const ORDER: FollowedOrder = {
  status: 'requested',
  attention: [],
  delivery: { kind: 'before-start', minutes: 15 },
  deliveryAt: at('2026-05-04T07:45:00Z'),
  eventStart: at('2026-05-04T08:00:00Z'),
  eventEnd: at('2026-05-04T09:00:00Z'),
  roomId: 'room-a',
  buildingId: 'b-served',
  headcount: 6,
  followAttendees: true,
};
const EVENT: Extract<EventNow, { kind: 'live' }> = {
  kind: 'live',
  start: at('2026-05-04T08:00:00Z'),
  end: at('2026-05-04T09:00:00Z'),
  roomId: 'room-a',
  buildingId: 'b-served',
  timeZone: 'Europe/Berlin',
  attendeeCount: 6,
};
const WEEKDAY_HOURS = [{ open: '07:00', close: '18:00' }];
const RULES: FollowRules = {
  now: at('2026-05-01T08:00:00Z'),
  provider: {
    buildingIds: ['b-served', 'b-other-served'],
    workingHours: {
      mon: WEEKDAY_HOURS,
      tue: WEEKDAY_HOURS,
      wed: WEEKDAY_HOURS,
      thu: WEEKDAY_HOURS,
      fri: WEEKDAY_HOURS,
    },
  },
  items: [
    { itemId: 'coffee', leadTimeHours: 2, changeCutoffHours: 24, availability: null },
    {
      itemId: 'lunch',
      leadTimeHours: 24,
      changeCutoffHours: 48,
      availability: { mon: [{ from: '07:00', to: '14:00' }] },
    },
  ],
};

interface Case {
  readonly name: string;
  readonly order?: Partial<FollowedOrder>;
  readonly event?: Partial<typeof EVENT> | 'gone';
  readonly now?: string;
  readonly expected:
    | 'nothing'
    | 'track'
    | 'resolved'
    | 'cancel-by-event'
    | { follow: { deliveryAt?: string; roomId?: string; headcount?: number; moved: boolean; roomChanged: boolean } }
    | { flag: AttentionReason[] };
}

const CASES: readonly Case[] = [
  { name: 'unchanged event', expected: 'nothing' },
  {
    name: 'moved one hour later: delivery keeps its 15 min offset',
    event: { start: at('2026-05-04T09:00:00Z'), end: at('2026-05-04T10:00:00Z') },
    expected: { follow: { deliveryAt: '2026-05-04T08:45:00.000Z', moved: true, roomChanged: false } },
  },
  {
    name: 'moved to the next Monday inside provider hours and item availability',
    event: { start: at('2026-05-11T10:00:00Z'), end: at('2026-05-11T11:00:00Z') },
    expected: { follow: { deliveryAt: '2026-05-11T09:45:00.000Z', moved: true, roomChanged: false } },
  },
  {
    name: 'moved to a Tuesday: the lunch is only served on Mondays',
    event: { start: at('2026-05-05T10:00:00Z'), end: at('2026-05-05T11:00:00Z') },
    expected: { flag: ['item-unavailable'] },
  },
  {
    name: 'only the end moved for an at-start delivery: tracked, not told',
    order: { delivery: { kind: 'at-start' }, deliveryAt: at('2026-05-04T08:00:00Z') },
    event: { end: at('2026-05-04T09:30:00Z') },
    expected: 'track',
  },
  {
    name: 'the end moved for a clean-up delivery at the end',
    order: { delivery: { kind: 'at-end' }, deliveryAt: at('2026-05-04T09:00:00Z') },
    event: { end: at('2026-05-04T09:30:00Z') },
    expected: { follow: { deliveryAt: '2026-05-04T09:30:00.000Z', moved: true, roomChanged: false } },
  },
  {
    name: 'after-start delivery follows the start',
    order: { delivery: { kind: 'after-start', minutes: 30 }, deliveryAt: at('2026-05-04T08:30:00Z') },
    event: { start: at('2026-05-04T10:00:00Z'), end: at('2026-05-04T11:00:00Z') },
    expected: { follow: { deliveryAt: '2026-05-04T10:30:00.000Z', moved: true, roomChanged: false } },
  },
  {
    name: 'room change in the same building',
    event: { roomId: 'room-b' },
    expected: { follow: { roomId: 'room-b', moved: false, roomChanged: true } },
  },
  {
    name: 'room change to another served building',
    event: { roomId: 'room-c', buildingId: 'b-other-served' },
    expected: { follow: { roomId: 'room-c', moved: false, roomChanged: true } },
  },
  {
    name: 'room change to a building the provider does not serve',
    event: { roomId: 'room-x', buildingId: 'b-unserved' },
    expected: { flag: ['building-not-served'] },
  },
  {
    name: 'moved inside the lead time of an item',
    event: { start: at('2026-05-01T20:00:00Z'), end: at('2026-05-01T21:00:00Z') },
    now: '2026-05-01T08:00:00Z',
    expected: { flag: ['inside-lead-time', 'outside-provider-hours', 'item-unavailable'] },
  },
  {
    name: 'moved to a Friday morning less than 24 h ahead',
    event: { start: at('2026-05-01T10:00:00Z'), end: at('2026-05-01T11:00:00Z') },
    expected: { flag: ['inside-lead-time', 'item-unavailable'] },
  },
  {
    name: 'moved outside the provider hours (21:00 Berlin)',
    event: { start: at('2026-05-04T19:15:00Z'), end: at('2026-05-04T20:00:00Z') },
    expected: { flag: ['outside-provider-hours', 'item-unavailable'] },
  },
  {
    name: 'moved to a Sunday',
    event: { start: at('2026-05-10T08:00:00Z'), end: at('2026-05-10T09:00:00Z') },
    expected: { flag: ['outside-provider-hours', 'item-unavailable'] },
  },
  {
    name: 'moved outside an item availability but inside provider hours (15:00 Berlin)',
    event: { start: at('2026-05-04T13:15:00Z'), end: at('2026-05-04T14:00:00Z') },
    expected: { flag: ['item-unavailable'] },
  },
  {
    name: 'a move and an unserved building together',
    event: { start: at('2026-05-04T09:00:00Z'), end: at('2026-05-04T10:00:00Z'), buildingId: 'b-unserved' },
    expected: { flag: ['building-not-served'] },
  },
  {
    name: 'attendees grow before the cut-off: headcount follows',
    event: { attendeeCount: 9 },
    expected: { follow: { headcount: 9, moved: false, roomChanged: false } },
  },
  {
    name: 'attendees grow after the cut-off: flagged',
    event: { attendeeCount: 9 },
    now: '2026-05-03T08:00:00Z',
    expected: { flag: ['headcount-after-cutoff'] },
  },
  {
    name: 'attendees change but the headcount does not follow them',
    order: { followAttendees: false },
    event: { attendeeCount: 9 },
    expected: 'nothing',
  },
  {
    name: 'event cancelled',
    event: 'gone',
    expected: 'cancel-by-event',
  },
  {
    name: 'event cancelled after the order was accepted',
    order: { status: 'accepted' },
    event: 'gone',
    expected: 'cancel-by-event',
  },
  ...(['delivered', 'declined', 'cancelled', 'cancelled-by-event'] as OrderStatus[]).flatMap((status): Case[] => [
    { name: `a ${status} order ignores a move`, order: { status }, event: { roomId: 'room-b' }, expected: 'nothing' },
    { name: `a ${status} order ignores a cancellation`, order: { status }, event: 'gone', expected: 'nothing' },
  ]),
  {
    name: 'a flagged order is not moved by a later, harmless move',
    order: { attention: ['building-not-served'] },
    event: { start: at('2026-05-04T09:00:00Z'), end: at('2026-05-04T10:00:00Z') },
    expected: 'nothing',
  },
  {
    name: 'a flagged order gets fresh reasons for a new problem',
    order: { attention: ['building-not-served'] },
    event: { start: at('2026-05-04T19:15:00Z'), end: at('2026-05-04T20:00:00Z') },
    expected: { flag: ['outside-provider-hours', 'item-unavailable'] },
  },
  {
    name: 'a flagged order whose event came back is resolved',
    order: { attention: ['outside-provider-hours'] },
    expected: 'resolved',
  },
  {
    name: 'a flagged order is still cancelled with its event',
    order: { attention: ['outside-provider-hours'] },
    event: 'gone',
    expected: 'cancel-by-event',
  },
];

describe('decideFollow', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const order = { ...ORDER, ...c.order };
    const event: EventNow = c.event === 'gone' ? { kind: 'gone' } : { ...EVENT, ...c.event };
    const rules = c.now ? { ...RULES, now: at(c.now) } : RULES;
    const decision = decideFollow(order, event, rules);
    if (typeof c.expected === 'string') {
      expect(decision.kind).toBe(c.expected);
    } else if ('flag' in c.expected) {
      expect(decision).toEqual({ kind: 'flag', reasons: c.expected.flag });
    } else {
      const { deliveryAt, roomId, headcount, moved, roomChanged } = c.expected.follow;
      expect(decision.kind).toBe('follow');
      if (decision.kind !== 'follow') return;
      expect({ moved: decision.moved, roomChanged: decision.roomChanged }).toEqual({ moved, roomChanged });
      if (deliveryAt) expect(decision.changes.deliveryAt.toISOString()).toBe(deliveryAt);
      if (roomId) expect(decision.changes.roomId).toBe(roomId);
      if (headcount) expect(decision.changes.headcount).toBe(headcount);
    }
  });

  it('a track decision carries the new event times', () => {
    const order = { ...ORDER, delivery: { kind: 'at-start' as const }, deliveryAt: EVENT.start };
    const decision = decideFollow(order, { ...EVENT, end: at('2026-05-04T09:30:00Z') }, RULES);
    expect(decision).toMatchObject({ kind: 'track', changes: { eventEnd: at('2026-05-04T09:30:00Z') } });
  });
});

describe('attendeeCount', () => {
  it.each([
    ['organizer only', [], 'o@x.test', 1],
    ['organizer listed again, case differs', [{ email: 'O@x.test', kind: 'required' }], 'o@x.test', 1],
    [
      'rooms are not people',
      [
        { email: 'a@x.test', kind: 'required' },
        { email: 'room@x.test', kind: 'resource' },
        { email: 'b@x.test', kind: 'optional' },
      ],
      'o@x.test',
      3,
    ],
    ['no organizer known', [], '', 1],
  ] as const)('%s', (_name, attendees, organizer, expected) => {
    expect(attendeeCount(attendees, organizer)).toBe(expected);
  });
});
