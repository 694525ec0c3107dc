import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../api/client';
import { bookingFailure } from './bookingErrors';
import { attendeeList, validateDraft, type BookingDraft } from './bookingDraft';
import { movePatch } from './MoveDialog';
import { bookingStrings as s } from './strings';

const draft = (overrides: Partial<BookingDraft> = {}): BookingDraft => ({
  subject: ' Review ',
  date: '2026-12-07',
  start: '09:00',
  end: '10:00',
  attendees: '',
  description: '',
  private: false,
  onlineMeetingUrl: '',
  ...overrides,
});

describe('the booking form', () => {
  it('turns the draft into the API body, trimmed, with the browser offset', () => {
    const result = validateDraft(
      draft({ attendees: 'a@x.test;b@x.test  c@x.test', onlineMeetingUrl: ' https://m.test/1 ' }),
    );
    expect(result.ok && result.input).toEqual({
      start: expect.stringMatching(/^2026-12-07T09:00:00[+-]\d\d:\d\d$/),
      end: expect.stringMatching(/^2026-12-07T10:00:00[+-]\d\d:\d\d$/),
      subject: 'Review',
      attendees: ['a@x.test', 'b@x.test', 'c@x.test'],
      description: '',
      private: false,
      onlineMeetingUrl: 'https://m.test/1',
    });
  });

  it('names every problem at its field', () => {
    const result = validateDraft(
      draft({ subject: '  ', end: '08:00', attendees: 'ann@x.test, bob', onlineMeetingUrl: 'http://m.test' }),
    );
    expect(result.ok ? {} : result.problems).toEqual({
      subject: s.subjectRequired,
      time: s.endBeforeStart,
      attendees: s.badAttendees('bob'),
      onlineMeetingUrl: s.badOnlineMeetingUrl,
    });
  });

  it('reads attendees separated by commas, semicolons or spaces', () => {
    expect(attendeeList(' , ')).toEqual([]);
    expect(attendeeList('a@x.test,\nb@x.test')).toEqual(['a@x.test', 'b@x.test']);
  });
});

describe('a move', () => {
  const booking = { roomId: 'r1', start: '2026-12-07T08:00:00.000Z', end: '2026-12-07T09:00:00.000Z' };

  it('sends only what changed', () => {
    expect(
      movePatch(booking, { start: '2026-12-07T09:00:00+01:00', end: '2026-12-07T10:00:00+01:00', roomId: 'r1' }),
    ).toBe(undefined);
    expect(movePatch(booking, { ...booking, roomId: 'r2' })).toEqual({ roomId: 'r2' });
    expect(movePatch(booking, { ...booking, end: '2026-12-07T09:30:00.000Z' })).toEqual({
      start: booking.start,
      end: '2026-12-07T09:30:00.000Z',
    });
  });
});

describe('failed booking calls', () => {
  it('tells a taken slot, a declined move and a refusal apart', () => {
    const taken = { conflicts: [], alternatives: [] };
    expect(bookingFailure(new ApiError('conflict', 'taken', 409, taken))).toEqual({ kind: 'taken', conflict: taken });
    expect(bookingFailure(new ApiError('conflict', 'Declined; kept.', 409, { outcome: 'declined' }))).toEqual({
      kind: 'move-declined',
      message: 'Declined; kept.',
    });
    expect(bookingFailure(new ApiError('forbidden', 'This room is for internal use only.', 403))).toEqual({
      kind: 'refused',
      message: 'This room is for internal use only.',
    });
    expect(bookingFailure(new ApiError('network_error', 'x', 0)).kind).toBe('refused');
  });
});
