import { afterEach, describe, expect, it } from '@jest/globals';
import { isOfficeHostError } from './officeHost';
import { OfficeJsHost } from './officeJsHost';

/**
 * A hand-written stand-in for the parts of Office.js the host uses, with Outlook's callback
 * conventions (AsyncResult with status, value and error), so the promisified host can be checked
 * without Outlook.
 */
type Callback<T> = (result: { status: string; value: T; error: { message: string } }) => void;
const succeed =
  <T>(value: T) =>
  (...args: unknown[]) => {
    const callback = args.find((a): a is Callback<T> => typeof a === 'function');
    callback?.({ status: 'succeeded', value, error: { message: '' } });
  };
const fail = (message: string) => (callback: Callback<undefined>) =>
  callback({ status: 'failed', value: undefined, error: { message } });

function installOffice(item: unknown, supported = '1.4') {
  const calls: unknown[][] = [];
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      requirements: { isSetSupported: (_name: string, version: string) => version <= supported },
      mailbox: {
        item,
        userProfile: { displayName: 'Eve Employee', emailAddress: 'eve@northwind.test' },
        getUserIdentityTokenAsync: succeed('identity-token'),
      },
      ui: { closeContainer: () => calls.push(['closeContainer']) },
    },
  };
  Object.assign(globalThis, { Office: office });
  return calls;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'Office');
});

function composeItem(stored: Record<string, unknown> = {}) {
  const log: unknown[][] = [];
  const properties = {
    get: (name: string) => stored[name],
    set: (name: string, value: unknown) => {
      stored[name] = value;
    },
    saveAsync: succeed(undefined),
  };
  const item = {
    start: { getAsync: succeed(new Date('2026-05-04T08:00:00Z')) },
    end: { getAsync: succeed(new Date('2026-05-04T09:00:00Z')) },
    requiredAttendees: {
      getAsync: succeed([{ displayName: 'Lee Gu', emailAddress: 'lee@northwind.test' }]),
      addAsync: (people: unknown, callback: Callback<undefined>) => {
        log.push(['addAsync', people]);
        succeed(undefined)(callback);
      },
    },
    optionalAttendees: { getAsync: succeed([]) },
    location: {
      getAsync: succeed('Old place'),
      setAsync: (text: string, callback: Callback<undefined>) => {
        log.push(['setAsync', text]);
        succeed(undefined)(callback);
      },
    },
    saveAsync: succeed('AAMkADsaved='),
    loadCustomPropertiesAsync: succeed(properties),
  };
  return { item, log, stored };
}

describe('OfficeJsHost', () => {
  it('reads a compose-mode appointment, with the signed-in user as organizer', async () => {
    installOffice(composeItem().item);
    const host = new OfficeJsHost();

    const appointment = await host.readAppointment();

    expect(appointment).toEqual({
      start: new Date('2026-05-04T08:00:00Z'),
      end: new Date('2026-05-04T09:00:00Z'),
      requiredAttendees: [{ name: 'Lee Gu', email: 'lee@northwind.test' }],
      optionalAttendees: [],
      location: 'Old place',
      organizer: { name: 'Eve Employee', email: 'eve@northwind.test' },
      itemId: undefined,
      mode: 'organizer',
    });
    expect(host.features).toEqual({ save: true, dialog: true, closePane: false });
  });

  it('adds the room as a required attendee, sets the location and saves to learn the item id', async () => {
    const { item, log } = composeItem();
    installOffice(item);
    const host = new OfficeJsHost();

    await host.addRequiredAttendee({ name: 'Anchor', email: 'anchor@northwind.test' });
    await host.setLocation('Anchor, Harbour House');
    expect(await host.save()).toBe('AAMkADsaved=');

    expect(log).toEqual([
      ['addAsync', [{ displayName: 'Anchor', emailAddress: 'anchor@northwind.test' }]],
      ['setAsync', 'Anchor, Harbour House'],
    ]);
    expect((await host.readAppointment()).itemId).toBe('AAMkADsaved=');
    expect(await host.identityToken()).toBe('identity-token');
  });

  it('turns a failed Office callback into an OfficeHostError', async () => {
    const { item } = composeItem();
    installOffice({ ...item, saveAsync: fail('The item could not be saved') });

    const error: unknown = await new OfficeJsHost().save().catch((e: unknown) => e);

    expect(isOfficeHostError(error) && error.message).toBe('The item could not be saved');
  });

  it('keeps its properties as JSON in one custom property and ignores what it cannot read', async () => {
    const { item, stored } = composeItem({ roomserve: '{"orderIds": 7}' });
    installOffice(item);
    const host = new OfficeJsHost();
    expect(await host.loadProperties()).toEqual({});

    await host.saveProperties({ orderIds: ['a'] });

    expect(JSON.parse(String(stored.roomserve))).toEqual({ orderIds: ['a'] });
    expect(await host.loadProperties()).toEqual({ orderIds: ['a'] });
  });

  it('reads a read-mode item as the attendee view and refuses to change it', async () => {
    installOffice({
      start: new Date('2026-05-04T08:00:00Z'),
      end: new Date('2026-05-04T09:00:00Z'),
      requiredAttendees: [{ displayName: 'Anchor', emailAddress: 'anchor@northwind.test' }],
      optionalAttendees: [],
      location: 'Anchor, Harbour House',
      organizer: { displayName: 'Olga Organizer', emailAddress: 'olga@northwind.test' },
      itemId: 'AAMkADread=',
    });
    const host = new OfficeJsHost();

    const appointment = await host.readAppointment();
    const refused: unknown = await host.setLocation('elsewhere').catch((e: unknown) => e);

    expect(appointment).toMatchObject({
      mode: 'attendee',
      itemId: 'AAMkADread=',
      organizer: { name: 'Olga Organizer' },
    });
    expect(isOfficeHostError(refused) && refused.code).toBe('unsupported');
  });
});
