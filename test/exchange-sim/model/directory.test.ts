import { afterEach, describe, expect, it } from '@jest/globals';
import type { ExchangeModel } from './index';
import { createExchangeModel } from './index';
import { loadSeedFile, parseSeed } from './seed';
import { T, errorCode, newModel } from './testSeed';

let model: ExchangeModel | undefined;
afterEach(() => model?.dispose());

describe('directory and logons', () => {
  it.each([
    { login: 'CONTOSO\\alice', password: 'pw-alice', expected: T.alice },
    { login: 'contoso\\ALICE', password: 'pw-alice', expected: T.alice },
    { login: 'alice@contoso.test', password: 'pw-alice', expected: T.alice },
    { login: 'alice', password: 'pw-alice', expected: T.alice },
    { login: 'OTHER\\alice', password: 'pw-alice', expected: undefined },
    { login: 'CONTOSO\\alice', password: 'wrong', expected: undefined },
    { login: 'nobody', password: 'pw', expected: undefined },
  ])('authenticates $login / $password -> $expected', ({ login, password, expected }) => {
    model = newModel();
    expect(model.authenticate(login, password)?.smtp).toBe(expected);
  });

  it('gives stable SIDs and GUIDs per mailbox, impersonation only where granted', () => {
    model = newModel();
    const svc = model.findMailbox(T.svc);
    expect(svc?.impersonationGranted).toBe(true);
    expect(model.findMailbox(T.alice)?.impersonationGranted).toBe(false);
    expect(model.findMailboxBySid(svc?.sid ?? '')?.smtp).toBe(T.svc);
    expect(svc?.sid).toMatch(/^S-1-5-21-\d+-\d+-\d+-\d+$/);
    expect(newModel().findMailbox(T.svc)?.mailboxGuid).toBe(svc?.mailboxGuid);
  });

  it.each([
    { entry: 'ali', expected: [T.alice] },
    { entry: 'Brown', expected: [T.bob] },
    { entry: 'SMTP:room2@contoso.test', expected: [T.room2] },
    { entry: 'room', expected: [T.room1, T.room3, T.room2] },
  ])('ResolveNames $entry', ({ entry, expected }) => {
    model = newModel();
    expect(model.resolveNames(entry).map((r) => r.mailbox.smtp)).toEqual(expected);
  });

  it('room lists, rooms, and the errors for unknown ones', () => {
    model = newModel();
    expect(model.roomLists().map((l) => l.email)).toEqual(['building-a@contoso.test']);
    expect(model.rooms('building-a@contoso.test').map((r) => r.name)).toEqual(['Room One', 'Room Two', 'Room Three']);
    expect(errorCode(() => model?.rooms('nope@contoso.test'))).toBe('ErrorNameResolutionNoResults');
    expect(errorCode(() => model?.resolveNames('zzz'))).toBe('ErrorNameResolutionNoResults');
  });

  it('applies Set-CalendarProcessing defaults and seed overrides', () => {
    model = newModel({ attendant: { [T.room2]: { automateProcessing: 'AutoUpdate', bookingWindowInDays: 30 } } });
    expect(model.calendarProcessing(T.room1)).toMatchObject({
      automateProcessing: 'AutoAccept',
      bookingWindowInDays: 180,
      maximumDurationInMinutes: 1440,
      deleteSubject: true,
      addOrganizerToSubject: true,
      allowConflicts: false,
    });
    expect(model.calendarProcessing(T.room2)).toMatchObject({
      automateProcessing: 'AutoUpdate',
      bookingWindowInDays: 30,
      deleteComments: true,
    });
  });
});

describe('seeds', () => {
  it.each([
    {
      name: 'unknown room in a list',
      seed: { accounts: [], roomLists: [{ name: 'x', email: 'x@y.z', rooms: ['r@y.z'] }] },
    },
    {
      name: 'user listed as a room',
      seed: {
        accounts: [{ email: 'u@y.z', username: 'u', password: 'p', displayName: 'U', kind: 'user' }],
        roomLists: [{ name: 'x', email: 'x@y.z', rooms: ['u@y.z'] }],
      },
    },
    {
      name: 'unknown setting',
      seed: {
        accounts: [{ email: 'r@y.z', username: 'r', password: 'p', displayName: 'R', kind: 'room' }],
        attendant: { 'r@y.z': { autoAccept: true } },
      },
    },
    { name: 'missing accounts', seed: {} },
    {
      name: 'a start without a zone (would depend on the process TZ)',
      seed: {
        accounts: [{ email: 'u@y.z', username: 'u', password: 'p', displayName: 'U', kind: 'user' }],
        items: [{ mailbox: 'u@y.z', start: '2026-06-10T09:00:00', end: '2026-06-10T10:00:00Z' }],
      },
    },
  ])('rejects a seed with $name', ({ seed }) => {
    expect(() => parseSeed(seed)).toThrow(/invalid seed/);
  });

  it('the demo seed has the 40 demo rooms, 20 people and the impersonating service account', () => {
    const seed = loadSeedFile('demo');
    model = createExchangeModel(seed);
    const rooms = model.mailboxes().filter((m) => m.kind === 'room');
    expect(rooms).toHaveLength(40);
    expect(model.mailboxes().filter((m) => m.kind === 'user')).toHaveLength(20);
    expect(model.authenticate('NORTHWIND\\svc-roomserve', 'Roomserve-demo-1')?.impersonationGranted).toBe(true);
    expect(model.roomLists().map((l) => [l.email, l.rooms.length])).toEqual([
      ['harbour-house@northwind.test', 24],
      ['riverside-tower@northwind.test', 16],
    ]);
    expect(model.findMailbox('room.harbour.0.elbe@northwind.test')?.displayName).toBe('Elbe');
  });

  it('seeds meetings as answered: organizer copy, accepted stripped room copy, tentative attendee copy', () => {
    model = newModel({
      meetings: [
        {
          organizer: T.alice,
          requiredAttendees: [T.bob],
          rooms: [T.room1],
          subject: 'Seeded',
          start: '2026-06-10T09:00:00Z',
          end: '2026-06-10T10:00:00Z',
          timeZone: 'W. Europe Standard Time',
        },
      ],
      items: [{ mailbox: T.room2, subject: 'Blocked', start: '2026-06-10T09:00:00Z', end: '2026-06-10T10:00:00Z' }],
    });
    const [org] = model.readCalendar(T.alice);
    expect(org?.resources[0]?.responseType).toBe('Accept');
    expect(model.readCalendar(T.room1)[0]).toMatchObject({
      subject: 'Alice Adams',
      uid: org?.uid,
      myResponseType: 'Accept',
    });
    expect(model.readCalendar(T.bob)[0]).toMatchObject({ subject: 'Seeded', myResponseType: 'NoResponseReceived' });
    expect(model.readCalendar(T.room2)[0]?.subject).toBe('Blocked');
  });
});
