/** @timezone-sensitive the room's wall clock must not follow the machine's zone. */
import { describe, expect, it } from '@jest/globals';
import { atMs, displayState, meeting } from '../testing/builders';
import { clockView, msToNextMinute } from './clockState';

const standup = meeting('09:00', '09:30', { title: 'Stand-up' });
const review = meeting('10:00', '11:00', { title: 'Review' });
const ghost = meeting('12:00', '13:00', { title: 'Ghost', released: true });
const late = meeting('16:00', '17:00', { title: 'Retro' });
const day = [standup, review, ghost, late];

describe('the display state on the device clock', () => {
  it.each([
    // now, check-in required, word, current title, minutes left, first next title
    ['08:00', false, 'free', null, 60, 'Stand-up'],
    ['08:45', false, 'starting-soon', null, 15, 'Stand-up'],
    ['08:44', false, 'free', null, 16, 'Stand-up'],
    ['08:52', true, 'awaiting-check-in', null, 8, 'Stand-up'],
    ['09:05', true, 'awaiting-check-in', 'Stand-up', 25, 'Review'],
    ['09:05', false, 'busy', 'Stand-up', 25, 'Review'],
    ['09:20', false, 'ending-soon', 'Stand-up', 10, 'Review'],
    ['09:19', false, 'busy', 'Stand-up', 11, 'Review'],
    // The released meeting no longer takes the room: free until the retro.
    ['12:10', false, 'free', null, 230, 'Retro'],
    ['17:30', false, 'free', null, null, undefined],
  ] as const)('at %s (check-in %s) reads %s', (now, checkInRequired, word, title, left, next) => {
    const state = displayState('08:00', day, { checkInRequired });
    const view = clockView(state, atMs(now));
    expect({
      word: view.state,
      current: view.current?.title ?? null,
      left: view.minutesLeft,
      next: view.next[0]?.title,
    }).toEqual({ word, current: title, left, next });
  });

  it('counts a checked-in meeting as busy, not awaiting check-in', () => {
    const state = displayState('08:00', [meeting('09:00', '10:00', { checkedIn: true })], { checkInRequired: true });
    expect(clockView(state, atMs('09:02')).state).toBe('busy');
  });

  it("follows the room's own check-in window, not the default", () => {
    const state = displayState('08:00', [meeting('09:00', '10:00')], {
      checkInRequired: true,
      checkInWindow: { beforeMinutes: 5, afterMinutes: 15 },
    });
    expect(clockView(state, atMs('08:52')).state).toBe('starting-soon');
    expect(clockView(state, atMs('08:55')).state).toBe('awaiting-check-in');
    expect(clockView(state, atMs('09:12')).state).toBe('awaiting-check-in');
    expect(clockView(state, atMs('09:15')).state).toBe('busy');
  });

  it('rounds a part minute up, as the server does', () => {
    const view = clockView(displayState('08:00', day), atMs('08:00') + 30_000);
    expect(view.minutesLeft).toBe(60);
  });

  it('keeps released meetings on today’s timeline and offers other rooms only while taken', () => {
    const state = displayState('08:00', day);
    expect(clockView(state, atMs('12:10')).today.map((m) => m.title)).toEqual(['Stand-up', 'Review', 'Ghost', 'Retro']);
    expect(clockView(state, atMs('12:10')).taken).toBe(false);
    expect(clockView(state, atMs('10:30')).taken).toBe(true);
    expect(clockView(state, atMs('08:50')).taken).toBe(false);
  });

  it('leaves tomorrow’s meetings out of next: free for the rest of the day', () => {
    const tomorrow = {
      ...meeting('09:00', '10:00'),
      start: '2026-12-08T08:00:00.000Z',
      end: '2026-12-08T09:00:00.000Z',
    };
    const view = clockView(displayState('17:30', [late, tomorrow]), atMs('17:30'));
    expect({ next: view.next, left: view.minutesLeft, word: view.state }).toEqual({
      next: [],
      left: null,
      word: 'free',
    });
  });

  it('drops yesterday’s meetings after the room’s midnight', () => {
    const state = displayState('08:00', day);
    expect(clockView(state, atMs('08:00') + 24 * 3_600_000).today).toEqual([]);
  });

  it('waits until the next minute boundary', () => {
    expect(msToNextMinute(atMs('08:00') + 59_000)).toBe(1_000);
    expect(msToNextMinute(atMs('08:00'))).toBe(60_000);
  });
});
