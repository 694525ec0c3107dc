import type { FindItemsRequest, Restriction, SortOrder } from '../model/api';
import { attrOf, elementChildren, mChild, tChild, type Element } from '../soap/dom';
import { el, NS } from '../soap/xml';
import type { OperationContext, UnaryOperation } from './context';
import { parseFolderRef, parseFolderRefs } from './parseIds';
import { findFieldTarget, parseFieldTarget } from './parseItem';
import { perEntry, ProtocolError, responseWithMessages, successMessage } from './responses';
import { parseItemShape } from './shape';
import { parseEwsDateTime } from './time';
import { calendarItemElement } from './writeItem';

/** FindItem with IndexedPageItemView or CalendarView, a Restriction and a SortOrder. */

const COMPARISONS = [
  'IsEqualTo',
  'IsNotEqualTo',
  'IsGreaterThan',
  'IsGreaterThanOrEqualTo',
  'IsLessThan',
  'IsLessThanOrEqualTo',
] as const;
type Comparison = (typeof COMPARISONS)[number];

function fieldOf(e: Element): ReturnType<typeof parseFieldTarget> {
  const uri = findFieldTarget(e);
  if (!uri) throw new ProtocolError('ErrorInvalidRestriction', `${e.localName ?? ''} needs a property.`);
  return parseFieldTarget(uri);
}

function constantOf(e: Element): string {
  const holder = tChild(e, 'FieldURIOrConstant') ?? e;
  const constant = tChild(holder, 'Constant');
  if (!constant) throw new ProtocolError('ErrorInvalidRestriction', 'Only constant comparisons are supported.');
  return attrOf(constant, 'Value') ?? '';
}

export function parseRestriction(e: Element): Restriction {
  const name = e.localName ?? '';
  const comparison = COMPARISONS.find((c): c is Comparison => c === name);
  if (comparison) return { kind: comparison, field: fieldOf(e), value: constantOf(e) };
  switch (name) {
    case 'Exists':
      return { kind: 'Exists', field: fieldOf(e) };
    case 'Contains': {
      const mode = attrOf(e, 'ContainmentMode') as Extract<Restriction, { kind: 'Contains' }>['containmentMode'];
      const cmp = attrOf(e, 'ContainmentComparison') as Extract<
        Restriction,
        { kind: 'Contains' }
      >['containmentComparison'];
      return {
        kind: 'Contains',
        field: fieldOf(e),
        value: constantOf(e),
        containmentMode: mode,
        containmentComparison: cmp,
      };
    }
    case 'And':
    case 'Or':
      return { kind: name, items: elementChildren(e, NS.t).map(parseRestriction) };
    case 'Not': {
      const inner = elementChildren(e, NS.t)[0];
      if (!inner) throw new ProtocolError('ErrorInvalidRestriction', 'Not needs one expression.');
      return { kind: 'Not', item: parseRestriction(inner) };
    }
    default:
      throw new ProtocolError('ErrorInvalidRestriction', `Restriction ${name} is not supported.`);
  }
}

function parseSortOrder(e: Element | undefined): SortOrder[] | undefined {
  if (!e) return undefined;
  return elementChildren(e, NS.t, 'FieldOrder').map((f) => ({
    field: fieldOf(f),
    order: attrOf(f, 'Order') === 'Descending' ? 'Descending' : 'Ascending',
  }));
}

function maxEntries(e: Element): number | undefined {
  const v = attrOf(e, 'MaxEntriesReturned');
  return v === undefined ? undefined : Number(v);
}

function findItem(ctx: OperationContext, request: Element): string {
  const shape = parseItemShape(mChild(request, 'ItemShape'));
  const traversal = (attrOf(request, 'Traversal') ?? 'Shallow') as FindItemsRequest['traversal'];
  const calendarView = mChild(request, 'CalendarView');
  const indexed = mChild(request, 'IndexedPageItemView');
  const restrictionRoot = elementChildren(mChild(request, 'Restriction') ?? request, NS.t)[0];
  const restriction = mChild(request, 'Restriction') && restrictionRoot ? parseRestriction(restrictionRoot) : undefined;
  const sortOrder = parseSortOrder(mChild(request, 'SortOrder'));
  const view: FindItemsRequest['view'] = calendarView
    ? {
        kind: 'calendar',
        start: parseEwsDateTime(attrOf(calendarView, 'StartDate') ?? '', ctx.timeZoneId),
        end: parseEwsDateTime(attrOf(calendarView, 'EndDate') ?? '', ctx.timeZoneId),
        maxEntriesReturned: maxEntries(calendarView),
      }
    : indexed
      ? {
          kind: 'indexed',
          offset: Number(attrOf(indexed, 'Offset') ?? '0'),
          basePoint: attrOf(indexed, 'BasePoint') === 'End' ? 'End' : 'Beginning',
          maxEntriesReturned: maxEntries(indexed),
        }
      : undefined;
  const parents = parseFolderRefs(mChild(request, 'ParentFolderIds'));
  const messages = perEntry(parents, 'FindItemResponseMessage', (idEl) => {
    if (view?.kind === 'calendar' && (restriction || sortOrder)) {
      throw new ProtocolError(
        'ErrorInvalidRestriction',
        'Restrictions and sort order may not be specified for a CalendarView.',
      );
    }
    const result = ctx.model.findItems(ctx.actor, {
      folder: parseFolderRef(idEl),
      traversal,
      view,
      restriction,
      sortOrder,
    });
    return successMessage(
      'FindItemResponseMessage',
      el(
        'm:RootFolder',
        {
          IndexedPagingOffset: view?.kind === 'calendar' ? undefined : result.indexedPagingOffset,
          TotalItemsInView: result.totalItemsInView,
          IncludesLastItemInRange: result.includesLastItemInRange,
        },
        el('t:Items', undefined, ...result.items.map((i) => calendarItemElement(i, shape, ctx.model))),
      ),
    );
  });
  return responseWithMessages('FindItem', messages);
}

export const findItemOperations: ReadonlyMap<string, UnaryOperation> = new Map<string, UnaryOperation>([
  ['FindItem', { kind: 'unary', handle: findItem }],
]);
