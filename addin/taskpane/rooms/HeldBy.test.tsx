import { describe, expect, it } from '@jest/globals';
import { holderLine } from './HeldBy';

const at = (h: number) => new Date(2026, 4, 4, h).toISOString();

describe('holderLine', () => {
  it('names the organizer, with the subject only when the API sent one', () => {
    expect(holderLine({ start: at(9), end: at(10), organizer: 'Megan Bowen', subject: 'Budget review' })).toBe(
      '09:00–10:00: Megan Bowen (Budget review)',
    );
    expect(holderLine({ start: at(9), end: at(10), organizer: 'Megan Bowen', subject: null })).toBe(
      '09:00–10:00: Megan Bowen',
    );
  });

  it('says only that the room is booked where the name is hidden', () => {
    expect(holderLine({ start: at(14), end: at(15), organizer: null, subject: null })).toBe('14:00–15:00: booked');
  });
});
