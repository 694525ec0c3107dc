import { afterEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ExchangeModel } from './index';
import { T, meeting, newModel } from './testSeed';

let model: ExchangeModel | undefined;
afterEach(() => model?.dispose());
const calendar = { kind: 'distinguished', name: 'calendar' } as const;

type Op =
  | { kind: 'create' }
  | { kind: 'update'; pick: number }
  | { kind: 'delete'; pick: number; move: boolean }
  | { kind: 'sync'; max: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'create' } as const),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), move: fc.boolean() }),
  fc.record({ kind: fc.constant('sync' as const), max: fc.integer({ min: 1, max: 6 }) }),
);

describe('SyncFolderItems replay (property)', () => {
  it('a client that applies every page ends with exactly the folder content and change keys', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        model?.dispose();
        const m = newModel();
        model = m;
        const client = new Map<string, string>();
        let state: string | undefined;
        const syncOnce = (max: number): boolean => {
          const page = m.syncFolderItems(T.alice, {
            folder: calendar,
            maxChangesReturned: max,
            ...(state ? { syncState: state } : {}),
          });
          state = page.syncState;
          for (const c of page.changes) {
            if (c.kind === 'Create') {
              expect(client.has(c.item.itemId.id)).toBe(false);
              client.set(c.item.itemId.id, c.item.itemId.changeKey);
            } else if (c.kind === 'Update') {
              expect(client.has(c.item.itemId.id)).toBe(true);
              client.set(c.item.itemId.id, c.item.itemId.changeKey);
            } else if (c.kind === 'Delete') {
              expect(client.delete(c.itemId)).toBe(true);
            }
          }
          return page.includesLastItemInRange;
        };
        for (const o of ops) {
          const ids = m.readCalendar(T.alice).map((i) => i.itemId.id);
          if (o.kind === 'create')
            m.createCalendarItem(T.alice, calendar, meeting('2026-06-10T09:00:00Z', 1), 'SendToNone');
          if (o.kind === 'update' && ids.length > 0) {
            const id = ids[o.pick % ids.length] ?? '';
            m.updateItem(
              T.alice,
              { kind: 'item', id },
              [{ op: 'set', target: { fieldUri: 'item:Subject' }, value: { subject: `s${o.pick}` } }],
              { conflictResolution: 'AlwaysOverwrite', sendMode: 'SendToNone' },
            );
          }
          if (o.kind === 'delete' && ids.length > 0) {
            const id = ids[o.pick % ids.length] ?? '';
            m.deleteItem(
              T.alice,
              { kind: 'item', id },
              { deleteType: o.move ? 'MoveToDeletedItems' : 'HardDelete', sendMeetingCancellations: 'SendToNone' },
            );
          }
          if (o.kind === 'sync') syncOnce(o.max);
        }
        while (!syncOnce(5)) {
          // page until the last item
        }
        const actual = new Map(m.readCalendar(T.alice).map((i) => [i.itemId.id, i.itemId.changeKey] as const));
        expect(client).toEqual(actual);
      }),
      { numRuns: 150 },
    );
  });
});
