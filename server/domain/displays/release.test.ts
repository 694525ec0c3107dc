// @timezone-sensitive: meeting times are instants; the rule must not depend on the process's zone.
import { dueForRelease, releaseVerdict, strikeFor, type ReleaseCandidate } from './release';

const at = (iso: string): number => Date.parse(iso);
const RULES = { checkInRequired: true, releaseAfterMinutes: 10 };

function meeting(overrides: Partial<ReleaseCandidate> = {}): ReleaseCandidate {
  return {
    id: 'm1',
    span: { start: at('2026-05-04T08:00:00Z'), end: at('2026-05-04T09:00:00Z') },
    bookedAt: at('2026-05-01T12:00:00Z'),
    source: 'exchange',
    status: 'confirmed',
    checkedIn: false,
    released: false,
    ...overrides,
  };
}

describe('releaseVerdict', () => {
  it.each([
    ['a second before the delay has passed', '2026-05-04T08:09:59Z', { due: false, why: 'not-yet' }],
    ['exactly at start + delay', '2026-05-04T08:10:00Z', { due: true }],
    ['late in the meeting', '2026-05-04T08:59:00Z', { due: true }],
    ['after the end', '2026-05-04T09:00:00Z', { due: false, why: 'over' }],
  ])('%s', (_label, now, expected) => {
    expect(releaseVerdict(meeting(), at(now), RULES)).toEqual(expected);
  });

  const now = at('2026-05-04T08:15:00Z');
  it.each<[string, Partial<ReleaseCandidate>, string]>([
    ['a checked-in meeting stays', { checkedIn: true }, 'checked-in'],
    ['a released meeting is not released twice', { released: true }, 'released'],
    ['a pending booking waits for the attendant', { status: 'pending' }, 'pending'],
    [
      'a meeting of exactly 8 hours is exempt',
      { span: { start: at('2026-05-04T08:00:00Z'), end: at('2026-05-04T16:00:00Z') } },
      'long',
    ],
    ['a booking made after its start is a walk-in', { bookedAt: at('2026-05-04T08:01:00Z') }, 'walk-in'],
    ['book now at a display is a walk-in', { source: 'display', bookedAt: at('2026-05-04T07:00:00Z') }, 'walk-in'],
  ])('%s', (_label, overrides, why) => {
    expect(releaseVerdict(meeting(overrides), now, RULES)).toEqual({ due: false, why });
  });

  it('a meeting of 7 h 59 is released', () => {
    const span = { start: at('2026-05-04T08:00:00Z'), end: at('2026-05-04T15:59:00Z') };
    expect(releaseVerdict(meeting({ span }), now, RULES)).toEqual({ due: true });
  });

  it('rooms without check-in release nothing', () => {
    expect(releaseVerdict(meeting(), now, { ...RULES, checkInRequired: false })).toEqual({
      due: false,
      why: 'no-check-in-needed',
    });
  });

  it('a longer delay is honoured', () => {
    expect(releaseVerdict(meeting(), now, { ...RULES, releaseAfterMinutes: 20 }).due).toBe(false);
  });

  it('dueForRelease keeps only the due ones', () => {
    const due = dueForRelease([meeting(), meeting({ id: 'm2', checkedIn: true })], now, RULES);
    expect(due.map((m) => m.id)).toEqual(['m1']);
  });
});

describe('strikeFor', () => {
  const day = (n: number): number => at(`2026-05-0${n}T08:00:00Z`);
  it.each<[string, { start: number; outcome: 'released' | 'attended' }[], number, boolean, boolean]>([
    ['a first release is strike 1', [], 1, false, false],
    ['the second in a row warns', [{ start: day(1), outcome: 'released' }], 2, true, false],
    [
      'the third in a row declines the series',
      [
        { start: day(1), outcome: 'released' },
        { start: day(2), outcome: 'released' },
      ],
      3,
      false,
      true,
    ],
    [
      'an attended occurrence resets the count',
      [
        { start: day(1), outcome: 'released' },
        { start: day(2), outcome: 'attended' },
        { start: day(3), outcome: 'released' },
      ],
      2,
      true,
      false,
    ],
    ['later occurrences do not count', [{ start: day(8), outcome: 'released' }], 1, false, false],
  ])('%s', (_label, history, count, warn, declineSeries) => {
    expect(strikeFor(history, day(5))).toEqual({ count, warn, declineSeries });
  });
});
