import { LruMap } from '../domain/lruMap';
import type { CalendarGateway, MeetingRef, OrganizerDetails, TimeWindow } from '../ports/calendarGateway';

export type OrganizerLookup = (
  organizerEmail: string,
  meetings: readonly MeetingRef[],
  window: TimeWindow,
) => Promise<OrganizerDetails[] | null>;

interface Waiter {
  readonly ids: ReadonlySet<string>;
  resolve(details: OrganizerDetails[] | null): void;
  reject(err: unknown): void;
}

interface Pending {
  readonly email: string;
  readonly window: TimeWindow;
  readonly meetings: Map<string, MeetingRef>;
  readonly waiters: Waiter[];
  timer: NodeJS.Timeout | null;
}

export interface OrganizerBatcherOptions {
  readonly collectMs?: number;
  readonly maxMeetings?: number;
  /** Asked for this often within `demandWindowMs`, an organizer's whole calendar is read once instead. */
  readonly wholeCalendarAfter?: number;
  readonly demandWindowMs?: number;
  /** How long a whole calendar read serves later lookups. */
  readonly calendarCacheMs?: number;
  /**
   * Organizers whose whole calendar is kept at once (least recently used dropped first), and
   * organizers whose recent demand is counted: at 5,000 rooms there are tens of thousands of
   * organizers, and a calendar of details is the largest thing the sync holds.
   */
  readonly maxCalendars?: number;
  /**
   * Meetings held in all cached calendars together. The count of calendars alone does not bound
   * memory: one organizer may have thousands of meetings. Past this, the least recently used
   * calendars are dropped; a calendar larger than this answers the rooms waiting for it and is not kept.
   */
  readonly maxCachedMeetings?: number;
  readonly maxDemandKeys?: number;
  readonly now?: () => number;
}

type DetailsByMeeting = Map<string, OrganizerDetails[]>;

interface CachedCalendar {
  readonly at: number;
  readonly details: Promise<DetailsByMeeting | null>;
}

function byMeeting(details: readonly OrganizerDetails[]): DetailsByMeeting {
  const map: DetailsByMeeting = new Map();
  for (const d of details) map.set(d.cleanGlobalObjectId, [...(map.get(d.cleanGlobalObjectId) ?? []), d]);
  return map;
}

/**
 * Full syncs of many rooms at once (the first sync, "sync all", resyncs) ask the same organizers
 * for their copies again and again: one organizer's meetings are spread over many rooms.
 * - Lookups of one organizer that arrive within `collectMs` of each other go to Exchange as one
 *   (up to `maxMeetings` meetings), and each caller gets its own meetings' details back.
 * - An organizer asked for by several rooms in a short time has their whole calendar of the window
 *   read once (a calendar view and batched GetItem), which then answers every room for a while:
 *   500 rooms with the same 50 organizers cost 50 calendar reads, not 25,000 lookups.
 * Only full passes use it; incremental syncs call the gateway directly and never see a cached copy.
 */
export function createOrganizerBatcher(
  gateway: Pick<CalendarGateway, 'organizerDetails' | 'organizerCalendar'>,
  options: OrganizerBatcherOptions = {},
): OrganizerLookup {
  const collectMs = options.collectMs ?? 25;
  const maxMeetings = options.maxMeetings ?? 200;
  const wholeCalendarAfter = options.wholeCalendarAfter ?? 3;
  const demandWindowMs = options.demandWindowMs ?? 60_000;
  const calendarCacheMs = options.calendarCacheMs ?? 120_000;
  const now = options.now ?? Date.now;
  const pending = new Map<string, Pending>();
  const demand = new LruMap<string, number[]>(options.maxDemandKeys ?? 20_000);
  const maxCachedMeetings = options.maxCachedMeetings ?? 50_000;
  const calendars = new LruMap<string, CachedCalendar>(options.maxCalendars ?? 200);
  /** Meetings of the calendars that have arrived, by key (in-flight reads weigh nothing yet). */
  const weights = new Map<string, number>();
  let cachedMeetings = 0;

  function drop(key: string): void {
    calendars.delete(key);
    cachedMeetings -= weights.get(key) ?? 0;
    weights.delete(key);
  }

  /** Counts an arrived calendar and drops the least recently used ones past the budget. */
  function weigh(key: string, entry: CachedCalendar, meetings: number): void {
    if (calendars.peek(key) !== entry) return;
    if (meetings > maxCachedMeetings) return drop(key);
    weights.set(key, meetings);
    cachedMeetings += meetings;
    for (const oldest of calendars.keys()) {
      if (cachedMeetings <= maxCachedMeetings) break;
      if (weights.has(oldest)) drop(oldest);
    }
  }

  function wholeCalendar(key: string, email: string, window: TimeWindow): Promise<DetailsByMeeting | null> | null {
    const cached = calendars.get(key);
    if (cached && now() - cached.at < calendarCacheMs) return cached.details;
    if (cached) drop(key);
    const recent = [...(demand.get(key) ?? []).filter((t) => now() - t < demandWindowMs), now()];
    demand.set(key, recent);
    if (recent.length < wholeCalendarAfter) return null;
    demand.delete(key);
    const details = gateway.organizerCalendar(email, window).then((d) => (d === null ? null : byMeeting(d)));
    const entry: CachedCalendar = { at: now(), details };
    calendars.set(key, entry);
    // The map's own cap may just have dropped the oldest calendar: stop counting its meetings.
    for (const [held, meetings] of weights)
      if (!calendars.peek(held)) {
        weights.delete(held);
        cachedMeetings -= meetings;
      }
    details.then(
      (found) => weigh(key, entry, found?.size ?? 0),
      // A failed read is not kept: the next room asks again.
      () => {
        if (calendars.peek(key) === entry) drop(key);
      },
    );
    const expiry = setTimeout(() => {
      if (calendars.peek(key) === entry) drop(key);
    }, calendarCacheMs);
    expiry.unref();
    return details;
  }

  function flush(key: string): void {
    const batch = pending.get(key);
    if (!batch) return;
    pending.delete(key);
    if (batch.timer) clearTimeout(batch.timer);
    gateway.organizerDetails(batch.email, [...batch.meetings.values()], batch.window).then(
      (details) => {
        for (const w of batch.waiters)
          w.resolve(details === null ? null : details.filter((d) => w.ids.has(d.cleanGlobalObjectId)));
      },
      (err: unknown) => {
        for (const w of batch.waiters) w.reject(err);
      },
    );
  }

  return async (organizerEmail, meetings, window) => {
    const email = organizerEmail.trim().toLowerCase();
    const key = `${email}|${window.start.toISOString()}|${window.end.toISOString()}`;
    const calendar = wholeCalendar(key, email, window);
    if (calendar) {
      const found = await calendar;
      return found === null ? null : meetings.flatMap((m) => found.get(m.cleanGlobalObjectId) ?? []);
    }
    let batch = pending.get(key);
    if (!batch) {
      batch = { email, window, meetings: new Map(), waiters: [], timer: null };
      pending.set(key, batch);
      batch.timer = setTimeout(() => flush(key), collectMs);
    }
    for (const m of meetings) {
      const known = batch.meetings.get(m.cleanGlobalObjectId);
      batch.meetings.set(m.cleanGlobalObjectId, { ...m, recurring: m.recurring || (known?.recurring ?? false) });
    }
    const result = new Promise<OrganizerDetails[] | null>((resolve, reject) => {
      batch.waiters.push({ ids: new Set(meetings.map((m) => m.cleanGlobalObjectId)), resolve, reject });
    });
    if (batch.meetings.size >= maxMeetings) flush(key);
    return result;
  };
}
