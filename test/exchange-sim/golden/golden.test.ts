import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CLEAN_GLOBAL_OBJECT_ID_KEY } from '../model/api';
import { parseXml, type Element } from '../soap/dom';
import { NS } from '../soap/xml';
import { all, envelope, RawClient, text, type Credentials } from '../testkit/client';
import { describeWithSchemas, invalidDocuments } from '../testkit/schemas';
import { EMMA, LUKAS, startTestSim, type TestSim } from '../testkit/sim';

/** Replays request/response pairs shaped like Microsoft's EWS examples and compares structure. */

const ORGANIZER = 'emma.schmidt@northwind.test';
const ATTENDEE = 'lukas.meyer@northwind.test';
const ROOM = 'room.harbour.0.elbe@northwind.test';
const CECP = {
  distinguishedPropertySetId: 'PublicStrings',
  propertyName: 'cecp-7a774f0c-7a6f-11e0-85ad-07fb4824019b',
  propertyType: 'String',
} as const;

const PREFIX: Record<string, string> = { [NS.m]: 'm', [NS.t]: 't', [NS.soap]: 's' };
const COMPARED_VALUES = new Set(['ResponseCode', 'ConnectionStatus', 'FreeBusyViewType']);
const COMPARED_ATTRIBUTES = new Set(['ResponseClass', 'Format']);

/** Element paths with attribute names, plus the values that are protocol, not data. */
function shape(root: Element): Set<string> {
  const out = new Set<string>();
  const walk = (e: Element, parent: string): void => {
    const name = `${PREFIX[e.namespaceURI ?? ''] ?? e.namespaceURI ?? ''}:${e.localName ?? ''}`;
    const here = parent ? `${parent}/${name}` : name;
    out.add(here);
    for (const a of Array.from(e.attributes)) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      out.add(COMPARED_ATTRIBUTES.has(a.localName ?? a.name) ? `${here}@${a.name}=${a.value}` : `${here}@${a.name}`);
    }
    if (COMPARED_VALUES.has(e.localName ?? '')) out.add(`${here}=${(e.textContent ?? '').trim()}`);
    for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) walk(n as Element, here);
  };
  walk(root, '');
  return out;
}

function golden(name: string, kind: 'request' | 'response'): string {
  return readFileSync(path.join(__dirname, `${name}.${kind}.xml`), 'utf8');
}

function fill(template: string, values: Map<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    const v = values.get(key);
    if (v === undefined) throw new Error(`golden placeholder ${key} has no value yet`);
    return v;
  });
}

function compare(actual: Element, expected: Element, mayOmit: readonly string[]): void {
  const got = shape(actual);
  const want = shape(expected);
  const invented = [...got].filter((p) => !want.has(p));
  const missing = [...want].filter((p) => !got.has(p) && !mayOmit.some((o) => p.includes(o)));
  expect({ invented, missing }).toEqual({ invented: [], missing: [] });
}

describeWithSchemas('golden EWS exchanges (Microsoft example shapes)', () => {
  let sim: TestSim;
  let client: RawClient;
  const values = new Map<string, string>([
    ['ROOM', ROOM],
    ['ATTENDEE', ATTENDEE],
  ]);

  const run = async (name: string, creds: Credentials = EMMA, mayOmit: readonly string[] = []): Promise<Element> => {
    const res = await client.soap(creds, fill(golden(name, 'request'), values));
    expect(res.status).toBe(200);
    const actual = res.body;
    if (!actual) throw new Error(`no SOAP body for ${name}: ${res.text.slice(0, 300)}`);
    compare(actual, parseXml(golden(name, 'response')).documentElement as Element, mayOmit);
    return actual;
  };
  const itemState = (smtp: string, id: string): { changeKey: string; cleanGoid: string } => {
    const item = sim.control.model.getItem(smtp, { kind: 'item', id });
    return { changeKey: item.itemId.changeKey, cleanGoid: item.cleanGlobalObjectId };
  };

  beforeAll(async () => {
    sim = await startTestSim();
    client = new RawClient(sim.url);
    sim.control.model.clock.freeze(Date.parse('2031-08-01T00:00:00Z'));
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('GetFolder (Default shape, inbox)', async () => {
    await run('01-GetFolder');
  });

  it('FindFolder (msgfolderroot)', async () => {
    await run('02-FindFolder');
  });

  it('CreateItem (meeting with an attendee and a room)', async () => {
    const body = await run('03-CreateItem');
    const id = all(body, 'ItemId')[0]?.getAttribute('Id');
    expect(id).toBeTruthy();
    values.set('ITEM_ID', id ?? '');
    await sim.control.model.whenIdle();
  });

  it('GetItem (Default shape)', async () => {
    await run('04-GetItem');
  });

  it('GetItem (IdOnly + UID, attendees, clean global object id, add-in property)', async () => {
    const id = values.get('ITEM_ID') ?? '';
    sim.control.model.updateItem(
      ORGANIZER,
      { kind: 'item', id },
      [
        {
          op: 'set',
          target: { extended: CECP },
          value: { extendedProperties: [{ key: CECP, value: '{"catering":"coffee"}' }] },
        },
      ],
      { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToNone' },
    );
    const body = await run('05-GetItem-extended');
    expect(text(body, 'ResponseType')).toBeDefined();
    expect(all(body, 'Value').map((v) => v.textContent)).toContain('{"catering":"coffee"}');
  });

  it('FindItem with a CalendarView', async () => {
    await run('06-FindItem-CalendarView');
  });

  it('FindItem with a restriction on the clean global object id', async () => {
    values.set('CLEAN_GOID', itemState(ORGANIZER, values.get('ITEM_ID') ?? '').cleanGoid);
    expect(
      sim.control.model.extendedPropertyValue(
        sim.control.model.getItem(ORGANIZER, { kind: 'item', id: values.get('ITEM_ID') ?? '' }),
        CLEAN_GLOBAL_OBJECT_ID_KEY,
      ),
    ).toBeDefined();
    await run('07-FindItem-Restriction');
  });

  it('UpdateItem (move and relocate, with updates sent)', async () => {
    values.set('CHANGE_KEY', itemState(ORGANIZER, values.get('ITEM_ID') ?? '').changeKey);
    await run('08-UpdateItem');
    await sim.control.model.whenIdle();
  });

  it('SyncFolderItems (first page)', async () => {
    await run('09-SyncFolderItems');
  });

  it('SyncFolderItems with an invalid state', async () => {
    await run('10-SyncFolderItems-invalid-state');
  });

  it('Subscribe (pull) and GetEvents', async () => {
    const body = await run('11-Subscribe-pull');
    values.set('SUBSCRIPTION_ID', text(body, 'SubscriptionId') ?? '');
    values.set('WATERMARK', text(body, 'Watermark') ?? '');
    sim.control.model.createCalendarItem(
      ORGANIZER,
      undefined,
      { subject: 'Event source', start: Date.parse('2031-10-01T09:00:00Z'), end: Date.parse('2031-10-01T10:00:00Z') },
      'SendToNone',
    );
    await run('12-GetEvents');
  });

  it('Unsubscribe', async () => {
    await run('14-Unsubscribe');
  });

  it('Subscribe (streaming) and the first GetStreamingEvents envelope', async () => {
    const body = await run('13-Subscribe-streaming');
    values.set('SUBSCRIPTION_ID', text(body, 'SubscriptionId') ?? '');
    const first = await new Promise<string>((resolve, reject) => {
      const req = http.request(sim.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/xml',
          Authorization: `Basic ${Buffer.from(`${EMMA.user}:${EMMA.password}`).toString('base64')}`,
        },
      });
      req.on('response', (res) => {
        expect(res.headers['transfer-encoding']).toBe('chunked');
        let buffered = '';
        res.on('data', (c: Buffer) => {
          buffered += c.toString('utf8');
          const end = buffered.indexOf('</Envelope>');
          if (end >= 0) {
            resolve(buffered.slice(0, end + '</Envelope>'.length));
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end(envelope(fill(golden('24-GetStreamingEvents', 'request'), values)));
    });
    expect(first.startsWith('<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/">')).toBe(true);
    compare(
      parseXml(first).documentElement as Element,
      parseXml(golden('24-GetStreamingEvents', 'response')).documentElement as Element,
      [],
    );
  });

  it('ResolveNames', async () => {
    await run('15-ResolveNames', EMMA, ['t:GivenName', 't:Surname']);
  });

  it('GetRoomLists and GetRooms', async () => {
    await run('16-GetRoomLists');
    await run('17-GetRooms');
  });

  it('GetUserAvailability (Detailed, bias time zone)', async () => {
    const body = await run('18-GetUserAvailability', EMMA, ['WorkingHours', 'CalendarEventDetails/t:ID']);
    // 18:00Z is 20:00 in Berlin summer time: times are local to the requested zone.
    expect(text(body, 'StartTime')).toBe('2031-09-21T20:00:00');
  });

  it('ConvertId (EwsId to HexEntryId)', async () => {
    const body = await run('19-ConvertId');
    expect(all(body, 'AlternateId')[0]?.getAttribute('Id')).toMatch(/^[0-9A-F]+$/);
  });

  it('AcceptItem by the attendee', async () => {
    const copy = sim.control.model.readCalendar(ATTENDEE).find((i) => i.subject === 'Team building exercise');
    expect(copy).toBeDefined();
    values.set('ATTENDEE_ITEM_ID', copy?.itemId.id ?? '');
    values.set('ATTENDEE_CHANGE_KEY', copy?.itemId.changeKey ?? '');
    await run('20-AcceptItem', LUKAS);
  });

  it('CancelCalendarItem removes the organizer copy; DeleteItem; then ErrorItemNotFound', async () => {
    await run('21-CancelCalendarItem');
    const other = sim.control.model.createCalendarItem(
      ORGANIZER,
      undefined,
      { subject: 'To delete', start: Date.parse('2031-10-02T09:00:00Z'), end: Date.parse('2031-10-02T10:00:00Z') },
      'SendToNone',
    );
    values.set('ITEM_ID', other.itemId.id);
    await run('22-DeleteItem');
    await run('23-GetItem-not-found');
  });

  it('gave only schema-valid responses', async () => {
    expect(sim.responses.length).toBeGreaterThanOrEqual(20);
    expect(await invalidDocuments(sim.responses)).toEqual([]);
  });
});

describeWithSchemas('golden files', () => {
  it('every golden request and response body validates against messages.xsd', async () => {
    const files = readdirSync(__dirname).filter(
      (f) => /^\d{2}-.*\.(request|response)\.xml$/.test(f) && !f.startsWith('24-'),
    );
    expect(files.length).toBeGreaterThanOrEqual(44);
    // Placeholders stand for ids and tokens: any opaque string is schema-valid there.
    const docs = files.map((f) => ({
      operation: f,
      xml: readFileSync(path.join(__dirname, f), 'utf8').replace(/\{\{\w+\}\}/g, 'AAMkADplaceholder='),
    }));
    expect(await invalidDocuments(docs)).toEqual([]);
  });
});
