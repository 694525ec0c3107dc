import { DateTime } from 'luxon';
import type {
  CalendarItem,
  CalendarViewSpec,
  ExtendedProperty,
  ExtendedPropertyKey,
  FieldRef,
  FindItemsResult,
  IndexedPageView,
  Restriction,
  SortOrder,
} from './api';
import { CLEAN_GLOBAL_OBJECT_ID_KEY } from './api';
import { instancesOf } from './busy';
import { EwsError } from './errors';
import { extendedKeyString } from './extended';
import type { FolderRecord, ItemRecord } from './records';
import { snapshotItem, snapshotOccurrence } from './snapshot';

/** FindItem: restrictions, sorting, IndexedPageItemView and CalendarView expansion. */

/** EWSFindCountLimit of Exchange 2013+. */
export const FIND_COUNT_LIMIT = 1000;

export function extendedPropertyValue(item: CalendarItem, key: ExtendedPropertyKey): ExtendedProperty | undefined {
  const wanted = extendedKeyString(key);
  return item.extendedProperties.find((p) => extendedKeyString(p.key) === wanted);
}

type Comparable =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'binary'; value: Buffer }
  | { kind: 'boolean'; value: boolean };

function fieldValue(item: CalendarItem, field: FieldRef): Comparable | undefined {
  if ('extended' in field) {
    const prop = extendedPropertyValue(item, field.extended);
    if (prop?.value === undefined) return undefined;
    switch (field.extended.propertyType) {
      case 'Binary':
        return { kind: 'binary', value: Buffer.from(prop.value, 'base64') };
      case 'Integer':
      case 'Long':
      case 'Short':
      case 'Double':
      case 'Float':
      case 'Currency':
        return { kind: 'number', value: Number(prop.value) };
      case 'SystemTime':
        return { kind: 'number', value: Date.parse(prop.value) };
      case 'Boolean':
        return { kind: 'boolean', value: prop.value.toLowerCase() === 'true' };
      default:
        return { kind: 'string', value: prop.value };
    }
  }
  switch (field.fieldUri) {
    case 'item:Subject':
      return { kind: 'string', value: item.subject };
    case 'item:Body':
      return { kind: 'string', value: item.body.value };
    case 'item:Sensitivity':
      return { kind: 'string', value: item.sensitivity };
    case 'item:Importance':
      return { kind: 'string', value: item.importance };
    case 'item:ItemClass':
      return { kind: 'string', value: item.itemClass };
    case 'item:DateTimeCreated':
      return { kind: 'number', value: item.dateTimeCreated };
    case 'item:LastModifiedTime':
      return { kind: 'number', value: item.lastModifiedTime };
    case 'calendar:Start':
      return { kind: 'number', value: item.start };
    case 'calendar:End':
      return { kind: 'number', value: item.end };
    case 'calendar:Location':
      return { kind: 'string', value: item.location };
    case 'calendar:UID':
      return { kind: 'string', value: item.uid };
    case 'calendar:IsAllDayEvent':
      return { kind: 'boolean', value: item.isAllDay };
    case 'calendar:IsCancelled':
      return { kind: 'boolean', value: item.isCancelled };
    case 'calendar:CalendarItemType':
      return { kind: 'string', value: item.calendarItemType };
    case 'calendar:LegacyFreeBusyStatus':
      return { kind: 'string', value: item.legacyFreeBusyStatus };
    case 'calendar:Organizer':
      return { kind: 'string', value: item.organizer.emailAddress };
    default:
      throw new EwsError('ErrorInvalidRestriction', `Restrictions on ${field.fieldUri} are not supported.`);
  }
}

function constantFor(sample: Comparable, text: string): Comparable {
  switch (sample.kind) {
    case 'number': {
      const n = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : DateTime.fromISO(text, { zone: 'utc' }).toMillis();
      if (Number.isNaN(n))
        throw new EwsError('ErrorInvalidRestriction', `'${text}' is not a valid constant for this property.`);
      return { kind: 'number', value: n };
    }
    case 'binary':
      return { kind: 'binary', value: Buffer.from(text, 'base64') };
    case 'boolean':
      return { kind: 'boolean', value: text.toLowerCase() === 'true' };
    default:
      return { kind: 'string', value: text };
  }
}

function compare(a: Comparable, b: Comparable): number {
  if (a.kind === 'binary' && b.kind === 'binary') return Buffer.compare(a.value, b.value);
  if (a.kind === 'string' && b.kind === 'string') return a.value.toLowerCase().localeCompare(b.value.toLowerCase());
  if ((a.kind === 'number' && b.kind === 'number') || (a.kind === 'boolean' && b.kind === 'boolean'))
    return Number(a.value) - Number(b.value);
  return Number.NaN;
}

export function matches(item: CalendarItem, r: Restriction): boolean {
  switch (r.kind) {
    case 'And':
      return r.items.every((x) => matches(item, x));
    case 'Or':
      return r.items.some((x) => matches(item, x));
    case 'Not':
      return !matches(item, r.item);
    case 'Exists':
      return fieldValue(item, r.field) !== undefined;
    case 'Contains': {
      const v = fieldValue(item, r.field);
      if (!v) return false;
      const ignoreCase = (r.containmentComparison ?? 'Exact') !== 'Exact';
      const text = v.kind === 'string' ? v.value : String(v.value);
      const hay = ignoreCase ? text.toLowerCase() : text;
      const needle = ignoreCase ? r.value.toLowerCase() : r.value;
      switch (r.containmentMode ?? 'FullString') {
        case 'FullString':
          return hay === needle;
        case 'Prefixed':
          return hay.startsWith(needle);
        case 'PrefixOnWords':
          return hay.split(/\s+/).some((w) => w.startsWith(needle));
        default:
          return hay.includes(needle);
      }
    }
    default: {
      const v = fieldValue(item, r.field);
      if (!v) return r.kind === 'IsNotEqualTo';
      const c = compare(v, constantFor(v, r.value));
      switch (r.kind) {
        case 'IsEqualTo':
          return c === 0;
        case 'IsNotEqualTo':
          return c !== 0;
        case 'IsGreaterThan':
          return c > 0;
        case 'IsGreaterThanOrEqualTo':
          return c >= 0;
        case 'IsLessThan':
          return c < 0;
        case 'IsLessThanOrEqualTo':
          return c <= 0;
      }
    }
  }
}

function sortItems(items: CalendarItem[], order: readonly SortOrder[] | undefined): CalendarItem[] {
  if (!order || order.length === 0) return items.sort((a, b) => b.dateTimeCreated - a.dateTimeCreated);
  return items.sort((a, b) => {
    for (const o of order) {
      const va = fieldValue(a, o.field);
      const vb = fieldValue(b, o.field);
      const c = va && vb ? compare(va, vb) : va ? 1 : vb ? -1 : 0;
      if (c !== 0 && !Number.isNaN(c)) return o.order === 'Ascending' ? c : -c;
    }
    return 0;
  });
}

const CLEAN_GOID = extendedKeyString(CLEAN_GLOBAL_OBJECT_ID_KEY);

/**
 * The CleanGlobalObjectIds (hex) an item must carry to match, where the restriction pins them: an
 * equality, or an Or of equalities, as clients send to find meetings. Undefined where it does not.
 */
function pinnedCleanGoids(r: Restriction): Set<string> | undefined {
  switch (r.kind) {
    case 'IsEqualTo':
      return 'extended' in r.field && extendedKeyString(r.field.extended) === CLEAN_GOID
        ? new Set([Buffer.from(r.value, 'base64').toString('hex')])
        : undefined;
    case 'Or': {
      const all = new Set<string>();
      for (const item of r.items) {
        const pinned = pinnedCleanGoids(item);
        if (!pinned) return undefined;
        for (const goid of pinned) all.add(goid);
      }
      return all;
    }
    case 'And':
      return r.items.map(pinnedCleanGoids).find((pinned) => pinned !== undefined);
    default:
      return undefined;
  }
}

/** The item's CleanGlobalObjectId as a restriction reads it: a stored value before the computed one. */
function cleanGoidHex(record: ItemRecord): string {
  const stored = record.extended.get(CLEAN_GOID)?.value;
  return stored !== undefined ? Buffer.from(stored, 'base64').toString('hex') : record.cleanGoid.toString('hex');
}

/**
 * The records a restriction can match. Snapshotting every item of a large calendar to find a few
 * meetings by id cost the simulator most of its time; the full restriction still runs on these.
 */
function candidates(folder: FolderRecord, restriction: Restriction | undefined): ItemRecord[] {
  const records = [...folder.items.values()];
  const pinned = restriction ? pinnedCleanGoids(restriction) : undefined;
  return pinned ? records.filter((record) => pinned.has(cleanGoidHex(record))) : records;
}

/** FindItem without CalendarView: singles and masters of the folder, never expanded. */
export function findInFolder(
  folder: FolderRecord,
  restriction: Restriction | undefined,
  sortOrder: readonly SortOrder[] | undefined,
  view: IndexedPageView | undefined,
): FindItemsResult {
  let items = candidates(folder, restriction).map(snapshotItem);
  if (restriction) items = items.filter((i) => matches(i, restriction));
  items = sortItems(items, sortOrder);
  const total = items.length;
  const offset = view?.offset ?? 0;
  if (offset < 0) throw new EwsError('ErrorInvalidOffset', 'The offset is invalid.');
  const max = Math.min(view?.maxEntriesReturned ?? FIND_COUNT_LIMIT, FIND_COUNT_LIMIT);
  if (max < 1) throw new EwsError('ErrorInvalidPagingMaxRows', 'MaxEntriesReturned must be positive.');
  const from = view?.basePoint === 'End' ? Math.max(0, total - offset - max) : offset;
  const to = view?.basePoint === 'End' ? Math.max(0, total - offset) : Math.min(total, offset + max);
  const page = from < to ? items.slice(from, to) : [];
  const nextOffset = offset + page.length;
  return {
    items: page,
    totalItemsInView: total,
    includesLastItemInRange: nextOffset >= total,
    indexedPagingOffset: nextOffset,
  };
}

/** Exchange refuses CalendarView windows longer than two years. */
export function checkCalendarViewRange(view: CalendarViewSpec): void {
  if (view.end < view.start)
    throw new EwsError('ErrorCalendarEndDateIsEarlierThanStartDate', 'EndDate is earlier than StartDate');
  const limit = DateTime.fromMillis(view.start, { zone: 'utc' }).plus({ years: 2 }).toMillis();
  if (view.end > limit)
    throw new EwsError('ErrorCalendarViewRangeTooBig', 'The time period specified in the calendar view is too large.');
}

/** FindItem with CalendarView: singles plus expanded occurrences and exceptions overlapping the window. */
export function calendarView(folder: FolderRecord, view: CalendarViewSpec): FindItemsResult {
  checkCalendarViewRange(view);
  const max = view.maxEntriesReturned ?? FIND_COUNT_LIMIT;
  if (max < 1) throw new EwsError('ErrorInvalidPagingMaxRows', 'MaxEntriesReturned must be positive.');
  const found: CalendarItem[] = [];
  for (const record of folder.items.values()) {
    if (!record.recurrence) {
      const zeroLength = record.start === record.end && record.start >= view.start && record.start < view.end;
      if ((record.start < view.end && record.end > view.start) || zeroLength) found.push(snapshotItem(record));
      continue;
    }
    for (const inst of instancesOf(record, view.start, view.end)) {
      if (inst.occ) found.push(snapshotOccurrence(record, inst.occ));
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const limit = Math.min(max, FIND_COUNT_LIMIT);
  return {
    items: found.slice(0, limit),
    totalItemsInView: found.length,
    includesLastItemInRange: found.length <= limit,
  };
}
