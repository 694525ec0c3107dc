import type { AttendantAnswer, CalendarProcessingSettings, EpochMs, Mailbox } from './api';
import { allInstances, instancesOf, overlaps, type Instance } from './busy';
import { createCopy, occurrenceAsSingle, refreshCopy, trackResponse } from './copies';
import type { Directory } from './directory';
import type { ItemRecord } from './records';
import { allAttendees, ownDeletedOccurrences } from './records';
import type { Store } from './store';

/**
 * The Resource Booking Attendant of room mailboxes: answers meeting requests and cancellations
 * after a delay, following the room's Set-CalendarProcessing settings.
 */

export type AttendantJob =
  | {
      readonly kind: 'request';
      readonly room: string;
      readonly organizer: string;
      readonly uid: string;
      readonly occurrence?: EpochMs;
    }
  | { readonly kind: 'cancel'; readonly room: string; readonly uid: string; readonly occurrence?: EpochMs };

const DAY_MS = 86_400_000;

export interface Decision {
  readonly accept: boolean;
  readonly reason?: string;
  /** Occurrences (original starts) declined inside an accepted series. */
  readonly declined: ReadonlySet<EpochMs>;
}

function busyInstances(store: Store, room: Mailbox, uid: string, from: EpochMs, to: EpochMs): Instance[] {
  const out: Instance[] = [];
  for (const item of store.folder(room, 'calendar').items.values()) {
    if (item.uid === uid || item.isCancelled || item.legacyFreeBusyStatus === 'Free') continue;
    for (const inst of instancesOf(item, from, to)) if (inst.freeBusy !== 'Free') out.push(inst);
  }
  return out;
}

/** The attendant's verdict on a request, from the organizer's item as it now stands. */
export function decide(
  store: Store,
  room: Mailbox,
  org: ItemRecord,
  s: CalendarProcessingSettings,
  now: EpochMs,
  occurrence?: EpochMs,
): Decision {
  const none = new Set<EpochMs>();
  const decline = (reason: string): Decision => ({ accept: false, reason, declined: none });
  const windowEnd = now + s.bookingWindowInDays * DAY_MS;
  if (org.recurrence && !s.allowRecurringMeetings) return decline('recurring meetings are not allowed');
  if (org.recurrence && occurrence === undefined && s.enforceSchedulingHorizon) {
    if (org.recurrence.range.kind === 'NoEnd') return decline('the series has no end and runs past the booking window');
  }
  const unbounded = org.recurrence?.range.kind === 'NoEnd';
  const until =
    occurrence ?? (org.recurrence && (!s.enforceSchedulingHorizon || unbounded) ? windowEnd : Number.POSITIVE_INFINITY);
  let instances = allInstances(org, until);
  if (occurrence !== undefined) instances = instances.filter((i) => i.originalStart === occurrence);
  if (instances.length === 0) return { accept: true, declined: none };
  const last = instances[instances.length - 1];
  if (last && last.start > windowEnd) return decline('the meeting is outside the booking window');
  const maxMs = s.maximumDurationInMinutes * 60_000;
  if (s.maximumDurationInMinutes > 0 && instances.some((i) => i.end - i.start > maxMs))
    return decline('the meeting is too long');
  if (s.allowConflicts) return { accept: true, declined: none };
  const from = Math.min(...instances.map((i) => i.start));
  const to = Math.max(...instances.map((i) => i.end));
  const busy = busyInstances(store, room, org.uid, from, to);
  const conflicting = instances.filter((i) => busy.some((b) => overlaps(i, b)));
  if (conflicting.length === 0) return { accept: true, declined: none };
  if (!org.recurrence || occurrence !== undefined) return decline('the room is already booked');
  const percent = (conflicting.length * 100) / instances.length;
  if (conflicting.length > s.maximumConflictInstances || percent > s.conflictPercentageAllowed) {
    return decline('too many occurrences conflict');
  }
  return { accept: true, declined: new Set(conflicting.map((i) => i.originalStart ?? i.start)) };
}

export class Attendant {
  private pending = 0;
  private waiters: (() => void)[] = [];
  private timers = new Set<NodeJS.Timeout>();
  /** Answers given, newest last (for tests and the control API). */
  readonly log: AttendantAnswer[] = [];

  constructor(
    private readonly store: Store,
    private readonly directory: Directory,
    private readonly now: () => EpochMs,
    public delayMs: number,
  ) {}

  enqueue(job: AttendantJob): void {
    this.pending += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        this.process(job);
      } finally {
        this.pending -= 1;
        if (this.pending === 0) for (const w of this.waiters.splice(0)) w();
      }
    }, this.delayMs);
    this.timers.add(timer);
  }

  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  cancelAll(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pending = 0;
    for (const w of this.waiters.splice(0)) w();
  }

  private process(job: AttendantJob): void {
    const room = this.directory.find(job.room);
    if (!room) return;
    if (job.kind === 'cancel') this.processCancel(room, job.uid, job.occurrence);
    else this.processRequest(room, job);
  }

  private processCancel(room: Mailbox, uid: string, occurrence: EpochMs | undefined): void {
    if (this.directory.calendarProcessing(room.smtp).automateProcessing === 'None') return;
    if (occurrence === undefined) {
      const copies = [this.store.byUid(room, uid), ...this.store.singleOccurrenceCopies(room, uid)];
      const held = copies.filter((c): c is ItemRecord => c !== undefined);
      if (held.length === 0) return;
      for (const copy of held) this.store.remove(copy);
    } else {
      const copy = this.store.byUid(room, uid, occurrence) ?? this.store.byUid(room, uid);
      if (!copy) return;
      if (copy.recurrence) {
        ownDeletedOccurrences(copy).add(occurrence);
        copy.exceptions.delete(occurrence);
        this.store.touch(copy, ['calendar:DeletedOccurrences'], true);
      } else this.store.remove(copy);
    }
    this.log.push({ room: room.smtp, uid, answer: 'Cancelled' });
  }

  private processRequest(room: Mailbox, job: Extract<AttendantJob, { kind: 'request' }>): void {
    const organizer = this.directory.find(job.organizer);
    const org = organizer ? this.store.byUid(organizer, job.uid) : undefined;
    const single = org && job.occurrence !== undefined ? occurrenceAsSingle(org, job.occurrence) : undefined;
    const audience = job.occurrence !== undefined ? single : org;
    if (
      !org ||
      !org.isOrganizer ||
      org.isCancelled ||
      !audience ||
      !allAttendees(audience).some((a) => a.email === room.smtp)
    ) {
      this.log.push({ room: room.smtp, uid: job.uid, answer: 'Ignored' });
      return;
    }
    const settings = this.directory.calendarProcessing(room.smtp);
    const now = this.now();
    if (settings.automateProcessing === 'None') {
      this.log.push({ room: room.smtp, uid: job.uid, answer: 'Ignored', reason: 'AutomateProcessing None' });
      return;
    }
    const series = this.store.byUid(room, org.uid);
    if (settings.automateProcessing === 'AutoUpdate') {
      const opts = { myResponseType: 'NoResponseReceived', freeBusy: 'Tentative', now } as const;
      const held =
        series ?? (job.occurrence !== undefined ? this.store.byUid(room, org.uid, job.occurrence) : undefined);
      const source = series || !single ? org : single;
      if (held) refreshCopy(this.store, held, source, opts);
      else createCopy(this.store, room, source, opts);
      this.log.push({ room: room.smtp, uid: org.uid, answer: 'Tentative' });
      return;
    }
    const decision = decide(this.store, room, org, settings, now, job.occurrence);
    if (job.occurrence === undefined) this.answerSeries(room, org, series, decision, settings, now);
    else if (series) this.answerOccurrence(room, org, series, decision, job.occurrence, now);
    else if (single) this.answerSingleOccurrence(room, org, single, decision, settings, now);
  }

  private answerSeries(
    room: Mailbox,
    org: ItemRecord,
    existing: ItemRecord | undefined,
    decision: Decision,
    settings: CalendarProcessingSettings,
    now: EpochMs,
  ): void {
    if (!decision.accept) {
      if (existing) this.store.remove(existing);
      trackResponse(this.store, org, room.smtp, 'Decline', now);
      this.log.push({
        room: room.smtp,
        uid: org.uid,
        answer: 'Decline',
        ...(decision.reason ? { reason: decision.reason } : {}),
      });
      return;
    }
    const opts = {
      myResponseType: 'Accept',
      freeBusy: 'Busy',
      strip: settings,
      declined: decision.declined,
      now,
    } as const;
    if (existing) refreshCopy(this.store, existing, org, opts);
    else createCopy(this.store, room, org, opts);
    trackResponse(this.store, org, room.smtp, 'Accept', now);
    for (const occurrence of decision.declined) trackResponse(this.store, org, room.smtp, 'Decline', now, occurrence);
    this.log.push({ room: room.smtp, uid: org.uid, answer: 'Accept' });
  }

  /** A request for one occurrence of a series the room is not on: a single item, or a decline. */
  private answerSingleOccurrence(
    room: Mailbox,
    org: ItemRecord,
    single: ItemRecord,
    decision: Decision,
    settings: CalendarProcessingSettings,
    now: EpochMs,
  ): void {
    const occurrence = single.singleOccurrence?.originalStart;
    if (occurrence === undefined) return;
    const held = this.store.byUid(room, org.uid, occurrence);
    if (decision.accept) {
      const opts = { myResponseType: 'Accept', freeBusy: 'Busy', strip: settings, now } as const;
      if (held) refreshCopy(this.store, held, single, opts);
      else createCopy(this.store, room, single, opts);
    } else if (held) this.store.remove(held);
    trackResponse(this.store, org, room.smtp, decision.accept ? 'Accept' : 'Decline', now, occurrence);
    this.log.push({
      room: room.smtp,
      uid: org.uid,
      answer: decision.accept ? 'Accept' : 'Decline',
      ...(decision.reason ? { reason: decision.reason } : {}),
    });
  }

  private answerOccurrence(
    room: Mailbox,
    org: ItemRecord,
    copy: ItemRecord,
    decision: Decision,
    occurrence: EpochMs,
    now: EpochMs,
  ): void {
    const settings = this.directory.calendarProcessing(room.smtp);
    if (decision.accept) {
      const stillDeclined = new Set(
        [...copy.deletedOccurrences].filter((s) => s !== occurrence && !org.deletedOccurrences.has(s)),
      );
      refreshCopy(this.store, copy, org, {
        myResponseType: 'Accept',
        freeBusy: 'Busy',
        strip: settings,
        declined: stillDeclined,
        now,
      });
    } else {
      ownDeletedOccurrences(copy).add(occurrence);
      copy.exceptions.delete(occurrence);
      this.store.touch(copy, ['calendar:DeletedOccurrences'], true);
    }
    trackResponse(this.store, org, room.smtp, decision.accept ? 'Accept' : 'Decline', now, occurrence);
    this.log.push({
      room: room.smtp,
      uid: org.uid,
      answer: decision.accept ? 'Accept' : 'Decline',
      ...(decision.reason ? { reason: decision.reason } : {}),
    });
  }
}
