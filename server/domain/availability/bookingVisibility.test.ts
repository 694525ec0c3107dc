import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../actor';
import {
  BOOKED_SUBJECT,
  BUSY_SUBJECT,
  PRIVATE_SUBJECT,
  holderOf,
  visibleDetails,
  type BookingDetails,
  type BookingPrivacy,
} from './bookingVisibility';

const actor = (role: Actor['role'], email: string): Actor => ({ userId: 'u', email, name: 'N', role, via: 'session' });
const booking = (isPrivate: boolean): BookingDetails => ({
  subject: 'Salary review',
  organizer: { name: 'Olga Organizer', email: 'Olga@Example.test' },
  attendees: [{ name: 'Ann', email: 'ann@example.test' }],
  isPrivate,
});
const olga = { name: 'Olga Organizer', email: 'Olga@Example.test' };
const ann = [{ name: 'Ann', email: 'ann@example.test' }];
const privateWithName = { subject: PRIVATE_SUBJECT, subjectShown: false, organizer: olga, attendees: [] };
const hidden = { subject: PRIVATE_SUBJECT, subjectShown: false, organizer: null, attendees: [] };
const busy = { subject: BUSY_SUBJECT, subjectShown: false, organizer: null, attendees: [] };
const shown = { subject: 'Salary review', subjectShown: true, organizer: olga, attendees: ann };

describe('visibleDetails with the default privacy (names to everyone signed in, subjects of non-private meetings)', () => {
  it.each<[string, Actor, boolean, object]>([
    ['a public booking to anyone', actor('employee', 'x@example.test'), false, shown],
    [
      'a private booking to another employee: the name, not the subject',
      actor('employee', 'x@example.test'),
      true,
      privateWithName,
    ],
    [
      'a private booking to an attendee who is not the organizer',
      actor('employee', 'ann@example.test'),
      true,
      privateWithName,
    ],
    ['a private booking to facility staff', actor('facility', 'f@example.test'), true, privateWithName],
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
    expect(visibleDetails(actor('employee', ''), noOrganizer).subject).toBe(PRIVATE_SUBJECT);
  });
});

describe('visibleDetails under each privacy setting', () => {
  const privacy = (organizerNames: BookingPrivacy['organizerNames'], subjects: BookingPrivacy['subjects']) => ({
    organizerNames,
    subjects,
  });
  const nameOnly = { subject: BOOKED_SUBJECT, subjectShown: false, organizer: olga, attendees: ann };
  const subjectOnly = { subject: 'Salary review', subjectShown: true, organizer: null, attendees: [] };
  const nothing = { subject: BOOKED_SUBJECT, subjectShown: false, organizer: null, attendees: [] };

  it.each<[string, Actor['role'], boolean, BookingPrivacy, object]>([
    [
      'names to employees only: an employee sees the name',
      'employee',
      false,
      privacy('employees', 'non-private'),
      shown,
    ],
    [
      'names to employees only: facility staff do not',
      'facility',
      false,
      privacy('employees', 'non-private'),
      subjectOnly,
    ],
    [
      'names to nobody: an employee sees the subject only',
      'employee',
      false,
      privacy('nobody', 'non-private'),
      subjectOnly,
    ],
    ['names to nobody, private meeting: nothing', 'employee', true, privacy('nobody', 'non-private'), hidden],
    ['subjects never: the name only', 'employee', false, privacy('signed-in', 'never'), nameOnly],
    ['subjects never and names to nobody: nothing', 'facility', false, privacy('nobody', 'never'), nothing],
    ['externals see nothing even with everything shown', 'external', false, privacy('signed-in', 'non-private'), busy],
    ['admins are not bound by the settings', 'admin', true, privacy('nobody', 'never'), shown],
  ])('%s', (_label, role, isPrivate, settings, expected) => {
    expect(visibleDetails(actor(role, `${role}@example.test`), booking(isPrivate), settings)).toEqual(expected);
  });

  it('lets the organizer read their own private meeting whatever is set', () => {
    expect(visibleDetails(actor('facility', 'olga@example.test'), booking(true), privacy('nobody', 'never'))).toEqual(
      shown,
    );
  });
});

describe('holderOf: who holds a room (busy rooms, conflict answers)', () => {
  const employee = actor('employee', 'emma@example.test');
  it('gives the name and, for a meeting not private, the subject', () => {
    expect(holderOf(employee, booking(false))).toEqual({ organizer: 'Olga Organizer', subject: 'Salary review' });
    expect(holderOf(employee, booking(true))).toEqual({ organizer: 'Olga Organizer', subject: null });
  });
  it('gives nothing to an external user, nor where the settings hide names and subjects', () => {
    expect(holderOf(actor('external', 'gina@guest.test'), booking(false))).toEqual({ organizer: null, subject: null });
    expect(holderOf(employee, booking(false), { organizerNames: 'nobody', subjects: 'never' })).toEqual({
      organizer: null,
      subject: null,
    });
  });
});
