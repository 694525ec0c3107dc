import type {
  Body,
  CalendarItem,
  CalendarItemInput,
  ConflictResolution,
  DeleteType,
  EpochMs,
  FieldChange,
  FolderRef,
  ItemRef,
  Mailbox,
  MeetingResponse,
  SendCancellationsMode,
  SendInvitationsMode,
  SendInvitationsOrCancellationsMode,
} from './api';
import { buildRecord } from './build';
import { trackResponse } from './copies';
import type { Directory } from './directory';
import { EwsError } from './errors';
import { extendedKeyString } from './extended';
import { decodeId, masterIdOf, newChangeKey } from './ids';
import type { Meetings } from './meetings';
import type { ExceptionRecord, ItemRecord } from './records';
import { ATTENDEE_KINDS, allAttendees, isMeetingRecord, ownDeletedOccurrences, ownExceptions } from './records';
import {
  civilDate,
  dayNumber,
  expandSeries,
  occurrenceByIndex,
  occurrenceByOriginalStart,
  type Occurrence,
} from './recurrence';
import { occurrenceRecord, seriesTiming, snapshotItem, snapshotOccurrence } from './snapshot';
import type { Store } from './store';
import { toLocal } from './timezones';
import { applyToOccurrence as applyOccurrenceWith, applyToRecord as applyToRecordWith } from './updates';

export type Target =
  | { readonly kind: 'item'; readonly record: ItemRecord }
  | { readonly kind: 'occurrence'; readonly master: ItemRecord; readonly occ: Occurrence };

function notFound(): EwsError {
  return new EwsError('ErrorItemNotFound', 'The specified object was not found in the store.');
}

function emails(record: ItemRecord): Set<string> {
  return new Set(allAttendees(record).map((a) => a.email));
}

/** Attendees of the series and of any of its exceptions: a series cancellation reaches them all. */
function everyoneInvited(record: ItemRecord): Set<string> {
  const all = emails(record);
  for (const ex of record.exceptions.values())
    for (const kind of ATTENDEE_KINDS) for (const a of ex.overrides[kind] ?? []) all.add(a.email);
  return all;
}

/** Calendar item operations of one model (CreateItem, GetItem, UpdateItem, DeleteItem, responses). */
export class Calendar {
  constructor(
    private readonly store: Store,
    private readonly directory: Directory,
    private readonly now: () => EpochMs,
    private readonly meetings: Meetings,
  ) {}

  resolve(actor: Mailbox, ref: ItemRef): Target {
    const target = this.resolveAny(ref);
    const owner = target.kind === 'item' ? target.record.mailbox : target.master.mailbox;
    if (owner.smtp !== actor.smtp) throw notFound();
    return target;
  }

  private recordById(id: string): ItemRecord {
    const decoded = decodeId(id);
    if (!decoded) throw new EwsError('ErrorInvalidIdMalformed', 'Id is malformed.');
    if (decoded.kind !== 'item') throw notFound();
    const record = this.store.item(id);
    if (!record) throw notFound();
    return record;
  }

  private resolveAny(ref: ItemRef): Target {
    if (ref.kind === 'item') {
      const decoded = decodeId(ref.id);
      if (!decoded) throw new EwsError('ErrorInvalidIdMalformed', 'Id is malformed.');
      if (decoded.kind !== 'occurrence') return { kind: 'item', record: this.recordById(ref.id) };
      const master = this.recordById(masterIdOf(ref.id) ?? '');
      const occ =
        master.recurrence &&
        occurrenceByOriginalStart(master.recurrence, seriesTiming(master), decoded.originalStart ?? Number.NaN);
      if (!occ || master.deletedOccurrences.has(occ.originalStart)) throw notFound();
      return { kind: 'occurrence', master, occ };
    }
    if (ref.kind === 'occurrence') {
      const master = this.recordById(ref.recurringMasterId);
      if (!master.recurrence) throw notFound();
      const occ = occurrenceByIndex(master.recurrence, seriesTiming(master), ref.instanceIndex);
      if (!occ)
        throw new EwsError(
          'ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange',
          'The occurrence index is out of the recurrence range.',
        );
      if (master.deletedOccurrences.has(occ.originalStart)) {
        throw new EwsError(
          'ErrorCalendarOccurrenceIsDeletedFromRecurrence',
          'The occurrence was deleted from the recurrence.',
        );
      }
      return { kind: 'occurrence', master, occ };
    }
    const decoded = decodeId(ref.occurrenceId);
    if (!decoded) throw new EwsError('ErrorInvalidIdMalformed', 'Id is malformed.');
    const master = this.recordById(
      decoded.kind === 'occurrence' ? (masterIdOf(ref.occurrenceId) ?? '') : ref.occurrenceId,
    );
    if (!master.recurrence) throw notFound();
    return { kind: 'item', record: master };
  }

  snapshot(target: Target): CalendarItem {
    return target.kind === 'item' ? snapshotItem(target.record) : snapshotOccurrence(target.master, target.occ);
  }

  getItem(actor: Mailbox, ref: ItemRef): CalendarItem {
    return this.snapshot(this.resolve(actor, ref));
  }

  create(
    actor: Mailbox,
    folderRef: FolderRef | undefined,
    input: CalendarItemInput,
    mode: SendInvitationsMode,
  ): CalendarItem {
    const folder = folderRef ? this.store.resolveFolder(actor, folderRef) : this.store.folder(actor, 'calendar');
    if (folder.mailbox.smtp !== actor.smtp)
      throw new EwsError('ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    const record = buildRecord(
      {
        directory: this.directory,
        mailbox: actor,
        folder,
        id: this.store.newItemId(actor),
        now: this.now(),
        organizer: this.directory.emailAddressOf(actor.smtp),
      },
      input,
    );
    const send = mode !== 'SendToNone' && isMeetingRecord(record);
    record.meetingRequestWasSent = send;
    this.store.insert(record);
    if (send) this.meetings.send(record, { resetResponses: true });
    return snapshotItem(record);
  }

  private checkChangeKey(
    target: Target,
    given: string | undefined,
    fields: readonly string[],
    resolution: ConflictResolution,
  ): void {
    const record = target.kind === 'item' ? target.record : target.master;
    const current =
      target.kind === 'item'
        ? record.changeKey
        : (record.exceptions.get(target.occ.originalStart)?.changeKey ?? record.changeKey);
    if (given === undefined || given === current || resolution === 'AlwaysOverwrite') return;
    const conflict = new EwsError(
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
    if (resolution === 'NeverOverwrite' || target.kind === 'occurrence') throw conflict;
    const at = record.history.findIndex((h) => h.changeKey === given);
    if (at < 0) throw conflict;
    const changedSince = new Set(record.history.slice(at + 1).flatMap((h) => h.fields));
    if (fields.some((f) => changedSince.has(f))) throw conflict;
  }

  update(
    actor: Mailbox,
    ref: ItemRef,
    changes: readonly FieldChange[],
    options: { readonly conflictResolution: ConflictResolution; readonly sendMode: SendInvitationsOrCancellationsMode },
  ): CalendarItem {
    const target = this.resolve(actor, ref);
    const fieldNames = changes.map((c) =>
      'fieldUri' in c.target ? c.target.fieldUri : extendedKeyString(c.target.extended),
    );
    this.checkChangeKey(target, ref.changeKey, fieldNames, options.conflictResolution);
    if (target.kind === 'occurrence')
      return this.updateOccurrence(target.master, target.occ, changes, options.sendMode);
    const record = target.record;
    const before = emails(record);
    const wasMeeting = isMeetingRecord(record);
    const result = applyToRecordWith(this.directory, record, changes);
    const freeBusy =
      result.timesChanged || result.recurrenceChanged || result.fields.includes('calendar:LegacyFreeBusyStatus');
    // A meeting the organizer only saved (CreateItem SendToNone, as Outlook's saveAsync does) is sent
    // by the first update that asks to send, whatever it changes, and then to everyone it lists.
    const neverSent = !record.meetingRequestWasSent;
    const propagate =
      record.isOrganizer &&
      (wasMeeting || isMeetingRecord(record)) &&
      options.sendMode !== 'SendToNone' &&
      (result.meetingRelevant || neverSent) &&
      record.folder.name === 'calendar';
    if (propagate && (result.timesChanged || result.recurrenceChanged || result.fields.includes('calendar:Location')))
      record.sequence += 1;
    this.store.touch(record, result.fields, freeBusy);
    if (propagate) {
      const after = emails(record);
      const removed = [...before].filter((e) => !after.has(e));
      const added = new Set([...after].filter((e) => !before.has(e)));
      this.meetings.cancel(record, removed);
      const onlyChanged =
        !neverSent && (options.sendMode === 'SendOnlyToChanged' || options.sendMode === 'SendToChangedAndSaveCopy');
      this.meetings.send(record, {
        ...(onlyChanged ? { recipients: added } : {}),
        resetResponses: result.timesChanged || result.recurrenceChanged,
      });
      record.meetingRequestWasSent = true;
    }
    return snapshotItem(record);
  }

  private updateOccurrence(
    master: ItemRecord,
    occ: Occurrence,
    changes: readonly FieldChange[],
    sendMode: SendInvitationsOrCancellationsMode,
  ): CalendarItem {
    const existing = master.exceptions.get(occ.originalStart);
    const current = occurrenceRecord(master, occ);
    const { overrides, result } = applyOccurrenceWith(this.directory, current, existing?.overrides ?? {}, changes);
    if (result.timesChanged) this.checkCrossing(master, occ, overrides.start ?? occ.originalStart);
    const now = this.now();
    const exception: ExceptionRecord = {
      originalStart: occ.originalStart,
      changeKey: newChangeKey(),
      overrides,
      created: existing?.created ?? now,
      modified: now,
    };
    ownExceptions(master).set(occ.originalStart, exception);
    this.store.touch(master, result.fields, result.timesChanged);
    if (master.isOrganizer && isMeetingRecord(master) && sendMode !== 'SendToNone' && result.meetingRelevant) {
      const before = emails(current);
      const after = emails(occurrenceRecord(master, occ));
      this.meetings.cancel(
        master,
        [...before].filter((e) => !after.has(e)),
        occ.originalStart,
      );
      this.meetings.send(master, { occurrence: occ.originalStart, resetResponses: result.timesChanged });
    }
    return snapshotOccurrence(master, occ);
  }

  /** Exchange keeps an exception between the days of its neighbouring occurrences. */
  private checkCrossing(master: ItemRecord, occ: Occurrence, newStart: EpochMs): void {
    if (!master.recurrence) return;
    const timing = seriesTiming(master);
    let previous: Occurrence | undefined;
    let next: Occurrence | undefined;
    for (const o of expandSeries(master.recurrence, timing)) {
      if (o.index === occ.index - 1) previous = o;
      if (o.index === occ.index + 1) {
        next = o;
        break;
      }
    }
    const local = toLocal(newStart, timing.ianaZone);
    const day = dayNumber(local);
    const prevDay = previous ? dayNumber(previous.date) : Number.NEGATIVE_INFINITY;
    const nextDay = next ? dayNumber(next.date) : Number.POSITIVE_INFINITY;
    if (day <= prevDay || day >= nextDay) {
      throw new EwsError(
        'ErrorOccurrenceCrossingBoundary',
        `An occurrence cannot be moved to ${JSON.stringify(civilDate(day))}, on or past an adjacent occurrence.`,
      );
    }
  }

  delete(
    actor: Mailbox,
    ref: ItemRef,
    options: { readonly deleteType: DeleteType; readonly sendMeetingCancellations: SendCancellationsMode },
  ): void {
    const target = this.resolve(actor, ref);
    const notify = options.sendMeetingCancellations !== 'SendToNone';
    if (target.kind === 'occurrence') {
      this.deleteOccurrence(target.master, target.occ, notify);
      return;
    }
    const record = target.record;
    if (notify && record.isOrganizer && record.meetingRequestWasSent && record.folder.name === 'calendar') {
      this.meetings.cancel(record, everyoneInvited(record));
    }
    this.discard(record, options.deleteType);
  }

  private deleteOccurrence(master: ItemRecord, occ: Occurrence, notify: boolean): void {
    const attendees = emails(occurrenceRecord(master, occ));
    ownDeletedOccurrences(master).add(occ.originalStart);
    master.exceptions.delete(occ.originalStart);
    this.store.touch(master, ['calendar:DeletedOccurrences'], true);
    if (notify && master.isOrganizer && master.meetingRequestWasSent)
      this.meetings.cancel(master, attendees, occ.originalStart);
  }

  private discard(record: ItemRecord, deleteType: DeleteType): void {
    if (deleteType === 'MoveToDeletedItems' && record.folder.name !== 'deleteditems') {
      this.store.move(record, this.store.folder(record.mailbox, 'deleteditems'));
    } else {
      this.store.remove(record);
    }
  }

  cancel(actor: Mailbox, ref: ItemRef, options: { readonly body?: Body; readonly mode: SendInvitationsMode }): void {
    const target = this.resolve(actor, ref);
    const record = target.kind === 'item' ? target.record : target.master;
    if (!record.isOrganizer)
      throw new EwsError('ErrorCalendarIsNotOrganizer', 'Only the organizer can cancel the meeting.');
    const notify = options.mode !== 'SendToNone' && isMeetingRecord(record);
    if (target.kind === 'occurrence') {
      this.deleteOccurrence(target.master, target.occ, notify);
      return;
    }
    if (notify) this.meetings.cancel(record, everyoneInvited(record));
    record.isCancelled = true;
    this.discard(record, 'MoveToDeletedItems');
  }

  respond(
    actor: Mailbox,
    ref: ItemRef,
    response: MeetingResponse,
    options: { readonly body?: Body; readonly mode: SendInvitationsMode },
  ): void {
    const target = this.resolve(actor, ref);
    const record = target.kind === 'item' ? target.record : target.master;
    if (record.isOrganizer) {
      const code =
        response === 'Accept'
          ? 'ErrorCalendarIsOrganizerForAccept'
          : response === 'Decline'
            ? 'ErrorCalendarIsOrganizerForDecline'
            : 'ErrorCalendarIsOrganizerForTentative';
      throw new EwsError(code, 'The organizer cannot respond to their own meeting.');
    }
    if (record.isCancelled) throw new EwsError('ErrorInvalidOperation', 'The meeting has been cancelled.');
    const responseType = response === 'Tentative' ? 'Tentative' : response;
    const occurrence = target.kind === 'occurrence' ? target.occ.originalStart : undefined;
    if (target.kind === 'occurrence') this.respondToOccurrence(target.master, target.occ, response);
    else if (response === 'Decline') {
      record.myResponseType = 'Decline';
      this.store.touch(record, ['calendar:MyResponseType'], true);
      this.discard(record, 'MoveToDeletedItems');
    } else {
      record.myResponseType = responseType;
      record.legacyFreeBusyStatus = response === 'Accept' ? 'Busy' : 'Tentative';
      this.store.touch(record, ['calendar:MyResponseType'], true);
    }
    if (options.mode === 'SendToNone') return;
    const organizer = this.directory.find(record.organizer.emailAddress);
    const org = organizer ? this.store.byUid(organizer, record.uid) : undefined;
    if (org?.isOrganizer) trackResponse(this.store, org, actor.smtp, responseType, this.now(), occurrence);
  }

  private respondToOccurrence(master: ItemRecord, occ: Occurrence, response: MeetingResponse): void {
    if (response === 'Decline') {
      ownDeletedOccurrences(master).add(occ.originalStart);
      master.exceptions.delete(occ.originalStart);
    } else {
      const now = this.now();
      const existing = master.exceptions.get(occ.originalStart);
      ownExceptions(master).set(occ.originalStart, {
        originalStart: occ.originalStart,
        changeKey: newChangeKey(),
        overrides: {
          ...existing?.overrides,
          myResponseType: response,
          legacyFreeBusyStatus: response === 'Accept' ? 'Busy' : 'Tentative',
        },
        created: existing?.created ?? now,
        modified: now,
      });
    }
    this.store.touch(master, ['calendar:MyResponseType'], true);
  }

  readCalendar(mailbox: Mailbox): readonly CalendarItem[] {
    return [...this.store.folder(mailbox, 'calendar').items.values()]
      .sort((a, b) => a.start - b.start)
      .map(snapshotItem);
  }
}
