import type { CalendarItemInput, ExchangeModelApi } from './api';
import { createExchangeModel, type ExchangeModel } from './index';
import { parseSeed } from './seed';

/** A small organisation for the model's unit tests (not a test file itself). */
export const T = {
  svc: 'svc@contoso.test',
  alice: 'alice@contoso.test',
  bob: 'bob@contoso.test',
  room1: 'room1@contoso.test',
  room2: 'room2@contoso.test',
  room3: 'room3@contoso.test',
  now: Date.parse('2026-06-01T08:00:00Z'),
} as const;

export function testSeed(extra: Record<string, unknown> = {}): ReturnType<typeof parseSeed> {
  return parseSeed({
    accounts: [
      {
        email: T.svc,
        username: 'CONTOSO\\svc',
        password: 'pw-svc',
        displayName: 'Service',
        kind: 'service',
        impersonation: true,
      },
      { email: T.alice, username: 'CONTOSO\\alice', password: 'pw-alice', displayName: 'Alice Adams', kind: 'user' },
      { email: T.bob, username: 'CONTOSO\\bob', password: 'pw-bob', displayName: 'Bob Brown', kind: 'user' },
      { email: T.room1, username: 'CONTOSO\\room1', password: 'pw', displayName: 'Room One', kind: 'room' },
      { email: T.room2, username: 'CONTOSO\\room2', password: 'pw', displayName: 'Room Two', kind: 'room' },
      { email: T.room3, username: 'CONTOSO\\room3', password: 'pw', displayName: 'Room Three', kind: 'room' },
    ],
    roomLists: [{ name: 'Building A', email: 'building-a@contoso.test', rooms: [T.room1, T.room2, T.room3] }],
    ...extra,
  });
}

export function newModel(extra: Record<string, unknown> = {}): ExchangeModel {
  const model = createExchangeModel(testSeed(extra), { attendantDelayMs: 1 });
  model.clock.freeze(T.now);
  return model;
}

export const hour = 3_600_000;
export const at = (iso: string): number => Date.parse(iso);

export function meeting(start: string, hours: number, extra: Partial<CalendarItemInput> = {}): CalendarItemInput {
  const s = at(start);
  return {
    subject: 'Planning',
    start: s,
    end: s + hours * hour,
    startTimeZone: 'W. Europe Standard Time',
    body: { type: 'Text', value: 'Agenda' },
    ...extra,
  };
}

export function calendarOf(model: ExchangeModelApi, smtp: string): ReturnType<ExchangeModelApi['readCalendar']> {
  return model.readCalendar(smtp);
}

export function responseOf(
  item: {
    requiredAttendees: readonly { mailbox: { emailAddress: string }; responseType: string }[];
    optionalAttendees: readonly { mailbox: { emailAddress: string }; responseType: string }[];
    resources: readonly { mailbox: { emailAddress: string }; responseType: string }[];
  },
  email: string,
): string | undefined {
  return [...item.requiredAttendees, ...item.optionalAttendees, ...item.resources].find(
    (a) => a.mailbox.emailAddress === email,
  )?.responseType;
}

export function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    const code = (e as { responseCode?: unknown }).responseCode;
    return typeof code === 'string' ? code : 'not-an-EwsError';
  }
  return undefined;
}
