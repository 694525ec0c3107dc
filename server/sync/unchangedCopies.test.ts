import { describe, expect, it } from '@jest/globals';
import { fieldsOf, type StoredBooking } from '../domain/sync/reconcile';
import type { RemoteOccurrence } from '../domain/sync/remoteCalendar';
import { keepOrganizerDetails, reuseUnchangedDetails } from './unchangedCopies';

const roomCopy = (overrides: Partial<RemoteOccurrence> = {}): RemoteOccurrence => ({
  cleanGlobalObjectId: 'M1',
  uid: 'U1',
  originalStart: null,
  start: new Date('2031-03-03T09:00:00Z'),
  end: new Date('2031-03-03T10:00:00Z'),
  itemId: 'ROOM-ITEM',
  changeKey: 'CK1',
  recurringMasterId: null,
  isCancelled: false,
  subject: 'Emma Schmidt',
  description: '',
  location: 'Elbe',
  isPrivate: false,
  organizer: { name: 'Emma Schmidt', email: 'emma@northwind.test' },
  attendees: [],
  joinOnlineMeetingUrl: null,
  detailSource: 'room',
  ...overrides,
});

const stored = (o: RemoteOccurrence, status: StoredBooking['status'] = 'confirmed'): StoredBooking => ({
  ...fieldsOf(o),
  id: 'B1',
  status,
  source: 'exchange',
  meetingCancelled: false,
});

const fromOrganizer = roomCopy({
  subject: 'Budget',
  description: 'Agenda',
  isPrivate: true,
  detailSource: 'organizer',
});

describe('reusing the details of unchanged room copies', () => {
  it.each([
    ['same item and change key, organizer details stored', roomCopy(), stored(fromOrganizer), 'reused'],
    ['a new change key', roomCopy({ changeKey: 'CK2' }), stored(fromOrganizer), 'fresh'],
    ['another item id', roomCopy({ itemId: 'OTHER' }), stored(fromOrganizer), 'fresh'],
    ['details stored from the room copy', roomCopy(), stored(roomCopy()), 'fresh'],
    ['a cancelled booking', roomCopy(), stored(fromOrganizer, 'cancelled'), 'fresh'],
    ['a cancelled occurrence', roomCopy({ isCancelled: true }), stored(fromOrganizer), 'fresh'],
  ] as const)('%s → %s', (_case, remote, booking, expected) => {
    const { reused, fresh } = reuseUnchangedDetails([remote], [booking]);
    expect(expected === 'reused' ? reused : fresh).toHaveLength(1);
    if (expected === 'reused')
      expect(reused[0]).toMatchObject({
        subject: 'Budget',
        description: 'Agenda',
        isPrivate: true,
        detailSource: 'organizer',
      });
  });
});

describe("keeping the organizer's details when the organizer cannot be read", () => {
  it("keeps stored organizer details over the room's stripped copy, with the room's times", () => {
    const moved = roomCopy({ start: new Date('2031-03-03T11:00:00Z'), end: new Date('2031-03-03T12:00:00Z') });
    const [kept] = keepOrganizerDetails([moved], [stored(fromOrganizer)]);
    expect(kept).toMatchObject({ subject: 'Budget', detailSource: 'organizer', start: moved.start });
  });

  it('leaves fresh organizer details and other organizers alone', () => {
    const fresh = roomCopy({ subject: 'New', detailSource: 'organizer' });
    expect(keepOrganizerDetails([fresh], [stored(fromOrganizer)])).toEqual([fresh]);
    const otherOrganizer = roomCopy({ organizer: { name: 'Lukas', email: 'lukas@northwind.test' } });
    expect(keepOrganizerDetails([otherOrganizer], [stored(fromOrganizer)])).toEqual([otherOrganizer]);
  });
});
