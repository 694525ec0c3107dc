import { describe, expect, it } from '@jest/globals';
import { availabilityIn, type AvailabilityState } from './availability';
import { interval, type Interval } from './interval';

const H = 60 * 60 * 1000;
const span = (fromHour: number, toHour: number): Interval => interval(fromHour * H, toHour * H);
const window = span(9, 12);

describe('availabilityIn a 09:00-12:00 window', () => {
  it.each<[string, Interval[], AvailabilityState, Interval[]]>([
    ['no bookings', [], 'free', []],
    ['bookings only outside the window', [span(7, 9), span(12, 13)], 'free', []],
    ['one booking inside', [span(10, 11)], 'partial', [span(10, 11)]],
    ['a booking overlapping the start, clipped', [span(8, 10)], 'partial', [span(9, 10)]],
    ['a booking covering the window', [span(8, 13)], 'busy', [span(9, 12)]],
    ['a booking exactly the window', [span(9, 12)], 'busy', [span(9, 12)]],
    ['touching bookings covering the window', [span(10, 12), span(9, 10)], 'busy', [span(9, 12)]],
    ['bookings with a gap', [span(9, 10), span(11, 12)], 'partial', [span(9, 10), span(11, 12)]],
    ['overlapping bookings, merged', [span(9, 11), span(10, 11.5)], 'partial', [span(9, 11.5)]],
    ['a booking ending one millisecond early', [interval(9 * H, 12 * H - 1)], 'partial', [interval(9 * H, 12 * H - 1)]],
  ])('%s', (_label, occupied, state, busy) => {
    expect(availabilityIn(window, occupied)).toEqual({ state, busy, closed: [] });
  });

  it('is closed when the building closes inside the window, whatever the bookings', () => {
    expect(availabilityIn(window, [], [span(11, 20)])).toEqual({ state: 'closed', busy: [], closed: [span(11, 12)] });
    expect(availabilityIn(window, [span(9, 10)], [span(0, 24)])).toEqual({
      state: 'closed',
      busy: [span(9, 10)],
      closed: [span(9, 12)],
    });
  });

  it('ignores closed stretches outside the window', () => {
    expect(availabilityIn(window, [], [span(0, 9), span(12, 24)])).toEqual({ state: 'free', busy: [], closed: [] });
  });
});
