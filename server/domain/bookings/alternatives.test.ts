import { describe, expect, it } from '@jest/globals';
import { nearestFreeSlot, suggestAlternatives, type CandidateRoom, type Interval } from './alternatives';

const t = (hhmm: string): Date => new Date(`2026-11-24T${hhmm}:00Z`);
const slot = (from: string, to: string): Interval => ({ start: t(from), end: t(to) });
const always = (): boolean => true;

function room(id: string, overrides: Partial<CandidateRoom> = {}): CandidateRoom {
  return { id, name: id, capacity: 6, buildingId: 'b1', busy: [], allows: always, ...overrides };
}

const wanted = slot('10:00', '11:00');

describe('suggestAlternatives', () => {
  const requested = room('asked', { busy: [slot('10:00', '11:00')] });

  const cases: Array<{ name: string; others: CandidateRoom[]; needed?: number; expected: string[] }> = [
    { name: 'nothing else: only the same room later', others: [], expected: ['other-time:asked@11:00'] },
    {
      name: 'same building first, then the closest capacity',
      others: [
        room('far', { buildingId: 'b2', capacity: 6 }),
        room('big', { capacity: 20 }),
        room('near', { capacity: 8 }),
      ],
      expected: ['other-room:near@10:00', 'other-room:big@10:00', 'other-time:asked@11:00'],
    },
    {
      name: 'too small rooms are left out',
      others: [room('tiny', { capacity: 2 })],
      expected: ['other-time:asked@11:00'],
    },
    {
      name: 'busy rooms and rooms whose rules refuse are left out',
      others: [room('busy', { busy: [slot('10:30', '12:00')] }), room('closed', { allows: () => false })],
      expected: ['other-time:asked@11:00'],
    },
    {
      name: 'the request’s attendee count decides the size',
      others: [room('four', { capacity: 4 })],
      needed: 3,
      expected: ['other-room:four@10:00', 'other-time:asked@11:00'],
    },
    {
      name: 'at most three',
      others: ['a', 'b', 'c', 'd'].map((id) => room(id)),
      expected: ['other-room:a@10:00', 'other-room:b@10:00', 'other-time:asked@11:00'],
    },
  ];

  it.each(cases)('$name', ({ others, needed, expected }) => {
    const found = suggestAlternatives(
      wanted,
      { room: requested, neededCapacity: needed ?? requested.capacity },
      others,
    );
    expect(found.map((a) => `${a.kind}:${a.roomId}@${a.start.toISOString().slice(11, 16)}`)).toEqual(expected);
  });
});

describe('nearestFreeSlot', () => {
  it('prefers the nearer side and skips slots the rules refuse', () => {
    const busy = [slot('09:30', '12:00')];
    expect(nearestFreeSlot(wanted, { busy, allows: always }, 86_400_000)).toEqual(slot('08:30', '09:30'));
    const noEarly = (s: Interval): boolean => s.start >= t('09:00');
    expect(nearestFreeSlot(wanted, { busy, allows: noEarly }, 86_400_000)).toEqual(slot('12:00', '13:00'));
  });

  it('gives up beyond the search range', () => {
    expect(nearestFreeSlot(wanted, { busy: [slot('00:00', '23:59')], allows: always }, 3_600_000)).toBeNull();
  });
});
