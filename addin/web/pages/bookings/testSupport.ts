/**
 * Builders and fake answers for the booking tests (not shipped: only *.test.tsx import it).
 */
import type { Booking } from '../../../../shared/schemas/bookings';
import { uuid } from '../../../ui/testing/builders';
export { heldReply, inTurn } from '../../../ui/testing/fakeApi';

export function buildBooking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: uuid(),
    roomId: uuid(),
    roomName: 'Lighthouse',
    // The test's own zone: the building's clocks read like the browser's unless a test says otherwise.
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    start: new Date(2026, 11, 7, 9, 0).toISOString(),
    end: new Date(2026, 11, 7, 10, 0).toISOString(),
    subject: 'Team sync',
    description: '',
    attendees: [],
    private: false,
    onlineMeetingUrl: null,
    status: 'confirmed',
    declinedReason: null,
    organizerEmail: 'eve.employee@northwind.test',
    booker: null,
    createdAt: '2026-11-23T08:00:00.000Z',
    ...overrides,
  };
}

/** Local wall time on the test day (7 December 2026), as the instant the API sees. */
export const onTestDay = (hour: number, minute = 0): number => new Date(2026, 11, 7, hour, minute).getTime();
