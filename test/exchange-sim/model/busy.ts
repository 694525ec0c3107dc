import type { EpochMs, LegacyFreeBusyStatus } from './api';
import type { ItemRecord } from './records';
import { expandSeries, occurrenceByOriginalStart, occurrencesBetween, type Occurrence } from './recurrence';
import { occurrenceTimes, seriesTiming } from './snapshot';

/** One occupied span of a calendar (a single item, or one occurrence of a series). */
export interface Instance {
  readonly record: ItemRecord;
  /** Original start for occurrences; undefined for single items. */
  readonly originalStart?: EpochMs;
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly freeBusy: LegacyFreeBusyStatus;
  /** The occurrence, for instances of a series. */
  readonly occ?: Occurrence;
}

/** Expanded, live instances of one item that overlap [from, to). */
export function instancesOf(record: ItemRecord, from: EpochMs, to: EpochMs): Instance[] {
  if (!record.recurrence) {
    return record.start < to && record.end > from
      ? [{ record, start: record.start, end: record.end, freeBusy: record.legacyFreeBusyStatus }]
      : [];
  }
  const out: Instance[] = [];
  const timing = seriesTiming(record);
  // Exceptions stay between their neighbours' days; scanning a week either side finds most moved
  // ones, and the exceptions list covers any that moved further.
  const scanFrom = from - 7 * 86_400_000;
  const scanTo = to + 7 * 86_400_000;
  for (const [originalStart, ex] of record.exceptions) {
    if (originalStart >= scanFrom && originalStart < scanTo) continue;
    if (record.deletedOccurrences.has(originalStart)) continue;
    const start = ex.overrides.start ?? originalStart;
    const end = ex.overrides.end ?? originalStart + (record.end - record.start);
    if (!(start < to && end > from)) continue;
    const occ = occurrenceByOriginalStart(record.recurrence, timing, originalStart);
    if (occ)
      out.push({
        record,
        originalStart,
        start,
        end,
        freeBusy: ex.overrides.legacyFreeBusyStatus ?? record.legacyFreeBusyStatus,
        occ,
      });
  }
  for (const occ of occurrencesBetween(record.recurrence, timing, scanFrom, scanTo)) {
    if (record.deletedOccurrences.has(occ.originalStart)) continue;
    const ex = record.exceptions.get(occ.originalStart);
    const times = occurrenceTimes(occ, ex);
    if (times.start < to && times.end > from) {
      out.push({
        record,
        originalStart: occ.originalStart,
        ...times,
        freeBusy: ex?.overrides.legacyFreeBusyStatus ?? record.legacyFreeBusyStatus,
        occ,
      });
    }
  }
  return out;
}

/** Every live instance of an item up to `until` (the whole series when bounded and until is Infinity). */
export function allInstances(record: ItemRecord, until: EpochMs): Instance[] {
  if (!record.recurrence)
    return [{ record, start: record.start, end: record.end, freeBusy: record.legacyFreeBusyStatus }];
  const out: Instance[] = [];
  for (const occ of expandSeries(record.recurrence, seriesTiming(record))) {
    if (occ.originalStart > until) break;
    if (record.deletedOccurrences.has(occ.originalStart)) continue;
    const ex = record.exceptions.get(occ.originalStart);
    out.push({
      record,
      originalStart: occ.originalStart,
      ...occurrenceTimes(occ, ex),
      freeBusy: ex?.overrides.legacyFreeBusyStatus ?? record.legacyFreeBusyStatus,
    });
  }
  return out;
}

export function overlaps(a: { start: EpochMs; end: EpochMs }, b: { start: EpochMs; end: EpochMs }): boolean {
  return a.start < b.end && b.start < a.end;
}
