import { describe, expect, it } from '@jest/globals';
import { localDate } from '../../../ui/time';
import { addDays, weekDays, weekWindow } from './week';

describe('the room page week', () => {
  it('counts days across a month end', () => {
    expect(addDays('2026-11-30', 3)).toBe('2026-12-03');
    expect(addDays('2026-12-07', -7)).toBe('2026-11-30');
  });

  it('asks for seven whole days', () => {
    const { from, to } = weekWindow('2026-12-07');
    expect(from).toEqual(localDate('2026-12-07', '00:00'));
    expect(to).toEqual(localDate('2026-12-14', '00:00'));
  });

  it('puts each booking on its own day, within 07:00–20:00', () => {
    const days = weekDays('2026-12-07', [
      { start: localDate('2026-12-08', '09:00').toISOString(), end: localDate('2026-12-08', '10:00').toISOString() },
      { start: localDate('2026-12-10', '06:00').toISOString(), end: localDate('2026-12-10', '08:00').toISOString() },
    ]);
    expect(days.map((d) => d.date)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ]);
    expect(days.map((d) => d.busy.length)).toEqual([0, 1, 0, 1, 0, 0, 0]);
    const tuesday = days[1]?.busy[0];
    expect(tuesday?.left).toBeCloseTo((2 / 13) * 100);
    expect(tuesday?.width).toBeCloseTo((1 / 13) * 100);
    // Clipped to the drawn day: 07:00–08:00 of a 06:00–08:00 meeting.
    expect(days[3]?.busy[0]?.start).toEqual(localDate('2026-12-10', '07:00'));
  });
});
