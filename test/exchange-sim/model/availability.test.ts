import { afterEach, describe, expect, it } from '@jest/globals';
import type { ExchangeModel } from './index';
import { T, at, meeting, newModel } from './testSeed';

let model: ExchangeModel;
afterEach(() => model.dispose());
const calendar = { kind: 'distinguished', name: 'calendar' } as const;

function setup(): void {
  model = newModel();
  model.createCalendarItem(
    T.room1,
    calendar,
    meeting('2026-06-10T09:00:00Z', 1, { subject: 'Board', location: 'R1' }),
    'SendToNone',
  );
  model.createCalendarItem(
    T.room1,
    calendar,
    meeting('2026-06-10T09:30:00Z', 1, {
      subject: 'Secret',
      sensitivity: 'Private',
      legacyFreeBusyStatus: 'Tentative',
    }),
    'SendToNone',
  );
  model.createCalendarItem(T.bob, calendar, meeting('2026-06-10T11:00:00Z', 1, { subject: 'Bob stuff' }), 'SendToNone');
  model.createCalendarItem(
    T.bob,
    calendar,
    meeting('2026-06-10T12:00:00Z', 1, { subject: 'Lunch', legacyFreeBusyStatus: 'Free' }),
    'SendToNone',
  );
}

describe('GetUserAvailability', () => {
  it.each([
    {
      name: 'room, Detailed, as the service account',
      requester: T.svc,
      email: T.room1,
      view: 'Detailed',
      expectView: 'Detailed',
      subjects: ['Board', undefined],
      privateFlags: [false, true],
    },
    {
      name: 'user, Detailed, as someone else (AvailabilityOnly)',
      requester: T.alice,
      email: T.bob,
      view: 'Detailed',
      expectView: 'FreeBusy',
      subjects: [undefined],
      privateFlags: [undefined],
    },
    {
      name: 'user, Detailed, as themself',
      requester: T.bob,
      email: T.bob,
      view: 'Detailed',
      expectView: 'Detailed',
      subjects: ['Bob stuff'],
      privateFlags: [false],
    },
  ] as const)('$name', ({ requester, email, view, expectView, subjects, privateFlags }) => {
    setup();
    const [result] = model.getUserAvailability({
      requester,
      mailboxes: [{ email }],
      start: at('2026-06-10T00:00:00Z'),
      end: at('2026-06-11T00:00:00Z'),
      view,
    });
    expect(result?.view).toBe(expectView);
    expect(result?.calendarEvents.map((e) => e.details?.subject)).toEqual(subjects);
    expect(result?.calendarEvents.map((e) => e.details?.isPrivate)).toEqual(privateFlags);
  });

  it('merges free/busy per interval with Busy over Tentative', () => {
    setup();
    const [result] = model.getUserAvailability({
      requester: T.svc,
      mailboxes: [{ email: T.room1 }],
      start: at('2026-06-10T08:00:00Z'),
      end: at('2026-06-10T12:00:00Z'),
      view: 'FreeBusyMerged',
      mergedFreeBusyIntervalMinutes: 30,
    });
    expect(result?.mergedFreeBusy).toBe('00221000');
    expect(result?.calendarEvents.map((e) => e.busyType)).toEqual(['Busy', 'Tentative']);
  });

  it('reports unknown mailboxes per mailbox', () => {
    setup();
    const [result] = model.getUserAvailability({
      requester: T.svc,
      mailboxes: [{ email: 'ghost@contoso.test' }],
      start: at('2026-06-10T00:00:00Z'),
      end: at('2026-06-11T00:00:00Z'),
      view: 'FreeBusy',
    });
    expect(result?.error?.responseCode).toBe('ErrorMailRecipientNotFound');
  });
});
