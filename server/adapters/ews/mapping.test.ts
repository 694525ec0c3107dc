import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import {
  base64OfBinary,
  detached,
  escapeXmlText,
  toItemHeader,
  toOrganizerDetails,
  toRemoteOccurrence,
  type RawAppointment,
} from './mapping';

const raw = (overrides: Partial<RawAppointment> = {}): RawAppointment => ({
  itemId: 'AAMkRoomItem=',
  changeKey: 'DwAAAB',
  cleanGlobalObjectId: 'BAAAAIIA4AB0xbcQGoLgCAAAAAA=',
  uid: '040000008200E00074C5B7101A82E008',
  type: 'Single',
  start: new Date('2031-03-03T09:00:00Z'),
  end: new Date('2031-03-03T10:00:00Z'),
  originalStart: null,
  isCancelled: false,
  subject: 'Emma Schmidt',
  body: null,
  location: 'Elbe',
  sensitivity: 'Normal',
  organizer: { name: 'Emma Schmidt', address: 'Emma.Schmidt@northwind.test' },
  requiredAttendees: [{ name: 'Lukas Meyer', address: 'lukas.meyer@northwind.test', response: 'Accept' }],
  optionalAttendees: [{ name: null, address: 'ops@northwind.test', response: null }],
  resources: [
    { name: 'Elbe', address: 'room.harbour.0.elbe@northwind.test', response: 'Tentative' },
    { name: 'x', address: '  ', response: null },
  ],
  joinOnlineMeetingUrl: '  ',
  ...overrides,
});

describe('EWS item mapping', () => {
  it('maps a single meeting in a room calendar into a remote occurrence', () => {
    expect(toRemoteOccurrence(raw(), 'ignored-for-singles')).toEqual({
      cleanGlobalObjectId: 'BAAAAIIA4AB0xbcQGoLgCAAAAAA=',
      uid: '040000008200E00074C5B7101A82E008',
      originalStart: null,
      start: new Date('2031-03-03T09:00:00Z'),
      end: new Date('2031-03-03T10:00:00Z'),
      itemId: 'AAMkRoomItem=',
      changeKey: 'DwAAAB',
      recurringMasterId: null,
      isCancelled: false,
      subject: 'Emma Schmidt',
      description: '',
      location: 'Elbe',
      isPrivate: false,
      organizer: { name: 'Emma Schmidt', email: 'emma.schmidt@northwind.test' },
      attendees: [
        { name: 'Lukas Meyer', email: 'lukas.meyer@northwind.test', kind: 'required', response: 'accept' },
        { name: 'ops@northwind.test', email: 'ops@northwind.test', kind: 'optional', response: 'unknown' },
        { name: 'Elbe', email: 'room.harbour.0.elbe@northwind.test', kind: 'resource', response: 'tentative' },
      ],
      joinOnlineMeetingUrl: null,
      detailSource: 'room',
    });
  });

  it('keys occurrences and exceptions by their original start and links their master', () => {
    const moved = toRemoteOccurrence(
      raw({
        type: 'Exception',
        start: new Date('2031-03-05T09:00:00Z'),
        end: new Date('2031-03-05T10:00:00Z'),
        originalStart: new Date('2031-03-04T09:00:00Z'),
      }),
      'MASTER',
    );
    expect(moved).toMatchObject({ originalStart: new Date('2031-03-04T09:00:00Z'), recurringMasterId: 'MASTER' });
    const plain = toRemoteOccurrence(raw({ type: 'Occurrence', originalStart: null }), 'MASTER');
    expect(plain.originalStart).toEqual(new Date('2031-03-03T09:00:00Z'));
  });

  it('treats Private and Confidential as private, and falls back to the UID without a global object id', () => {
    expect(toRemoteOccurrence(raw({ sensitivity: 'Private' }), null).isPrivate).toBe(true);
    expect(toRemoteOccurrence(raw({ sensitivity: 'Confidential' }), null).isPrivate).toBe(true);
    expect(toRemoteOccurrence(raw({ sensitivity: 'Personal' }), null).isPrivate).toBe(false);
    expect(toItemHeader(raw({ cleanGlobalObjectId: null })).cleanGlobalObjectId).toBe(
      'uid:040000008200E00074C5B7101A82E008',
    );
  });

  it('gives headers for singles and masters', () => {
    expect(toItemHeader(raw({ type: 'RecurringMaster', isCancelled: true }))).toEqual({
      itemId: 'AAMkRoomItem=',
      changeKey: 'DwAAAB',
      cleanGlobalObjectId: 'BAAAAIIA4AB0xbcQGoLgCAAAAAA=',
      uid: '040000008200E00074C5B7101A82E008',
      kind: 'recurring-master',
      start: new Date('2031-03-03T09:00:00Z'),
      end: new Date('2031-03-03T10:00:00Z'),
      organizer: { name: 'Emma Schmidt', email: 'emma.schmidt@northwind.test' },
      isCancelled: true,
      subject: 'Emma Schmidt',
      location: 'Elbe',
    });
  });

  it("reads the organizer's copy: series-wide for singles and masters, per exception, nothing for occurrences", () => {
    const details = toOrganizerDetails(
      raw({
        subject: 'Budget',
        body: 'Agenda',
        sensitivity: 'Private',
        joinOnlineMeetingUrl: 'https://teams.microsoft.com/l/x',
      }),
    );
    expect(details).toMatchObject({
      originalStart: null,
      subject: 'Budget',
      description: 'Agenda',
      isPrivate: true,
      joinOnlineMeetingUrl: 'https://teams.microsoft.com/l/x',
    });
    expect(
      toOrganizerDetails(raw({ type: 'Exception', originalStart: new Date('2031-03-04T09:00:00Z') }))?.originalStart,
    ).toEqual(new Date('2031-03-04T09:00:00Z'));
    expect(toOrganizerDetails(raw({ type: 'Occurrence' }))).toBeNull();
  });

  it('turns binary MAPI values into base64 and escapes XML text', () => {
    expect(base64OfBinary(new Uint8Array([1, 2, 3]))).toBe('AQID');
    expect(base64OfBinary([1, 2, 3])).toBe('AQID');
    expect(base64OfBinary('AQID')).toBe('AQID');
    expect(base64OfBinary(undefined)).toBeNull();
    expect(escapeXmlText('R&D <team> meeting')).toBe('R&amp;D &lt;team&gt; meeting');
  });

  describe('detached', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;

    /** Full collections until the heap is settled (one can leave garbage a later one frees). */
    function settledHeap(): number {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    }

    /**
     * Heap kept by 32 values cut out of 1 MB responses, each response dropped afterwards: the heap
     * while they are held less the heap once they are let go, both settled, so garbage left from
     * before the values were cut does not count either way.
     */
    function heapKeptBy(cut: (value: string) => string): number {
      const kept = Array.from({ length: 32 }, (_v, i) => {
        const response = `<t:Subject>Quarterly review ${i}</t:Subject>`.padEnd(1_000_000, '<t:Body/>');
        return cut(response.slice(11, 40));
      });
      const holding = settledHeap();
      expect(kept[3]).toBe('Quarterly review 3</t:Subject');
      kept.length = 0;
      return holding - settledHeap();
    }

    it('keeps a value read off a response without keeping the whole response alive', () => {
      // The premise: a plain substring holds on to the text it was cut from.
      expect(heapKeptBy((value) => value)).toBeGreaterThan(16_000_000);
      expect(heapKeptBy(detached)).toBeLessThan(4_000_000);
    });

    it('copies the text exactly, lone surrogates and null included', () => {
      expect(detached('Café \ud800 "quoted" \\ line\nbreak')).toBe('Café \ud800 "quoted" \\ line\nbreak');
      expect(detached(null)).toBeNull();
    });
  });
});
