// @timezone-sensitive: closing time and the day's end are the building's wall clock (Europe/Berlin).
import { bookNowOptionsNow, bookNowSlot, nextFreeAt } from './bookNow';

const at = (iso: string): number => Date.parse(iso);
const ZONE = 'Europe/Berlin';
const WEEKDAY = [{ open: '08:00', close: '18:00' }];
const HOURS = { mon: WEEKDAY, tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY };
const ALL = [15, 30, 60, 'until-next'] as const;
// Monday 4 May 2026, 10:00:30 in Berlin (CEST).
const NOW = at('2026-05-04T08:00:30Z');
const ctx = (busy: { start: number; end: number }[], now = NOW) => ({ now, timeZone: ZONE, openingHours: HOURS, busy });

describe('book now', () => {
  it('starts at the minute and offers every choice in a free morning', () => {
    expect(bookNowSlot(30, ctx([]))).toEqual({ start: at('2026-05-04T08:00:00Z'), end: at('2026-05-04T08:30:00Z') });
    expect(bookNowOptionsNow(ALL, ctx([]))).toEqual([...ALL]);
    // Until closing time (18:00 Berlin).
    expect(bookNowSlot('until-next', ctx([]))?.end).toBe(at('2026-05-04T16:00:00Z'));
  });

  it('offers only what ends before the next meeting', () => {
    const next = [{ start: at('2026-05-04T08:40:00Z'), end: at('2026-05-04T09:00:00Z') }];
    expect(bookNowOptionsNow(ALL, ctx(next))).toEqual([15, 30, 'until-next']);
    expect(bookNowSlot('until-next', ctx(next))?.end).toBe(next[0]?.start);
  });

  it('offers nothing while the room is taken or closed', () => {
    const now = [{ start: at('2026-05-04T07:30:00Z'), end: at('2026-05-04T08:30:00Z') }];
    expect(bookNowOptionsNow(ALL, ctx(now))).toEqual([]);
    expect(bookNowOptionsNow(ALL, ctx([], at('2026-05-04T17:00:00Z')))).toEqual([]);
  });

  it('stops at closing time: 17:40 Berlin leaves 15 minutes and until-next', () => {
    expect(bookNowOptionsNow(ALL, ctx([], at('2026-05-04T15:40:00Z')))).toEqual([15, 'until-next']);
  });

  it('keeps the settings order and subset', () => {
    expect(bookNowOptionsNow([60, 15], ctx([]))).toEqual([60, 15]);
  });

  it('the next free time chains meetings back to back', () => {
    const busy = [
      { start: at('2026-05-04T09:00:00Z'), end: at('2026-05-04T09:30:00Z') },
      { start: at('2026-05-04T07:30:00Z'), end: at('2026-05-04T09:00:00Z') },
    ];
    expect(nextFreeAt(NOW, busy)).toBe(at('2026-05-04T09:30:00Z'));
  });
});

describe('book now near midnight in an always-open building', () => {
  it('books across midnight, but "until next" stops at the end of the day', () => {
    const late = { now: at('2026-05-04T21:50:00Z'), timeZone: ZONE, openingHours: {}, busy: [] };
    expect(bookNowOptionsNow(ALL, late)).toEqual([15, 30, 60, 'until-next']);
    expect(bookNowSlot('until-next', late)?.end).toBe(at('2026-05-04T22:00:00Z'));
    expect(bookNowSlot(60, { ...late, now: at('2026-05-04T21:57:00Z') })?.end).toBe(at('2026-05-04T22:57:00Z'));
    expect(bookNowOptionsNow(ALL, { ...late, now: at('2026-05-04T21:57:00Z') })).toEqual([15, 30, 60]);
  });
});

describe("book now within the room's rules", () => {
  it('offers only the choices the rules allow', () => {
    const upTo30 = (slot: { start: number; end: number }): boolean => slot.end - slot.start <= 30 * 60_000;
    expect(bookNowOptionsNow(ALL, ctx([]), upTo30)).toEqual([15, 30]);
    expect(bookNowOptionsNow(ALL, ctx([]), () => false)).toEqual([]);
  });
});
