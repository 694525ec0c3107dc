import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../actor';
import { BUSY_SUBJECT, PRIVATE_SUBJECT, visibleDetails, type BookingDetails } from './bookingVisibility';

const actor = (role: Actor['role'], email: string): Actor => ({ userId: 'u', email, name: 'N', role, via: 'session' });
const booking = (isPrivate: boolean): BookingDetails => ({
  subject: 'Salary review',
  organizer: { name: 'Olga Organizer', email: 'Olga@Example.test' },
  attendees: [{ name: 'Ann', email: 'ann@example.test' }],
  isPrivate,
});
const hidden = { subject: PRIVATE_SUBJECT, organizer: null, attendees: [] };
const busy = { subject: BUSY_SUBJECT, organizer: null, attendees: [] };
const shown = {
  subject: 'Salary review',
  organizer: { name: 'Olga Organizer', email: 'Olga@Example.test' },
  attendees: [{ name: 'Ann', email: 'ann@example.test' }],
};

describe('visibleDetails', () => {
  it.each<[string, Actor, boolean, object]>([
    ['a public booking to anyone', actor('employee', 'x@example.test'), false, shown],
    ['a private booking to another employee', actor('employee', 'x@example.test'), true, hidden],
    ['a private booking to an attendee who is not the organizer', actor('employee', 'ann@example.test'), true, hidden],
    ['a private booking to facility staff', actor('facility', 'f@example.test'), true, hidden],
    ['a private booking to its organizer (email case ignored)', actor('employee', 'olga@example.test'), true, shown],
    ['a private booking to an admin', actor('admin', 'a@example.test'), true, shown],
    ['a public booking to an external user', actor('external', 'gina@guest.test'), false, busy],
    ['a public booking to an external attendee', actor('external', 'ann@example.test'), false, busy],
    ['a booking to the external user who organized it', actor('external', 'olga@example.test'), true, shown],
  ])('%s', (_label, reader, isPrivate, expected) => {
    expect(visibleDetails(reader, booking(isPrivate))).toEqual(expected);
  });

  it('does not treat an empty organizer email as matching a reader', () => {
    const noOrganizer = { ...booking(true), organizer: { name: '', email: '' } };
    expect(visibleDetails(actor('employee', ''), noOrganizer)).toEqual(hidden);
  });
});
