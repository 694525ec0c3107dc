import type { EpochMs } from './api';
import type { Attendant } from './attendant';
import { createCopy, occurrenceAsSingle, refreshCopy } from './copies';
import type { Directory } from './directory';
import type { ItemRecord } from './records';
import { allAttendees, ownDeletedOccurrences } from './records';
import type { Store } from './store';

/**
 * Meeting propagation from the organizer's item: people's mailboxes get (tentative) copies at
 * once, rooms go through their booking attendant asynchronously. Unknown (external) addresses
 * receive nothing here.
 */
export class Meetings {
  constructor(
    private readonly store: Store,
    private readonly directory: Directory,
    private readonly now: () => EpochMs,
    private readonly attendant: Attendant,
  ) {}

  /**
   * A request or update to `recipients` (default: every attendee). For one occurrence, the
   * attendees are the occurrence's own: one who is not on the series gets that occurrence only.
   */
  send(
    org: ItemRecord,
    options: { recipients?: ReadonlySet<string>; occurrence?: EpochMs; resetResponses: boolean },
  ): void {
    const single = options.occurrence === undefined ? undefined : occurrenceAsSingle(org, options.occurrence);
    for (const attendee of allAttendees(single ?? org)) {
      if (options.recipients && !options.recipients.has(attendee.email)) continue;
      const mailbox = this.directory.find(attendee.email);
      if (!mailbox || mailbox.smtp === org.mailbox.smtp) continue;
      if (mailbox.kind === 'room') {
        this.attendant.enqueue({
          kind: 'request',
          room: mailbox.smtp,
          organizer: org.mailbox.smtp,
          uid: org.uid,
          ...(options.occurrence !== undefined ? { occurrence: options.occurrence } : {}),
        });
        continue;
      }
      const series = this.store.byUid(mailbox, org.uid);
      if (series?.isOrganizer) continue;
      const source = series || !single ? org : single;
      const existing = series ?? (single ? this.store.byUid(mailbox, org.uid, options.occurrence) : undefined);
      const keep = existing && !existing.isCancelled && !options.resetResponses;
      const opts = {
        myResponseType: keep ? existing.myResponseType : 'NoResponseReceived',
        freeBusy: keep ? existing.legacyFreeBusyStatus : 'Tentative',
        now: this.now(),
      } as const;
      if (existing) refreshCopy(this.store, existing, source, opts);
      else createCopy(this.store, mailbox, source, opts);
    }
  }

  /** Cancellations to the given addresses, for the series or one occurrence. */
  cancel(org: ItemRecord, emails: Iterable<string>, occurrence?: EpochMs): void {
    for (const email of emails) {
      const mailbox = this.directory.find(email);
      if (!mailbox || mailbox.smtp === org.mailbox.smtp) continue;
      if (mailbox.kind === 'room') {
        this.attendant.enqueue({
          kind: 'cancel',
          room: mailbox.smtp,
          uid: org.uid,
          ...(occurrence !== undefined ? { occurrence } : {}),
        });
        continue;
      }
      if (occurrence === undefined) {
        const copies = [this.store.byUid(mailbox, org.uid), ...this.store.singleOccurrenceCopies(mailbox, org.uid)];
        for (const copy of copies) if (copy && !copy.isOrganizer) this.markCancelled(copy);
        continue;
      }
      const copy = this.store.byUid(mailbox, org.uid, occurrence) ?? this.store.byUid(mailbox, org.uid);
      if (!copy || copy.isOrganizer) continue;
      if (copy.recurrence) {
        ownDeletedOccurrences(copy).add(occurrence);
        copy.exceptions.delete(occurrence);
        this.store.touch(copy, ['calendar:DeletedOccurrences'], true);
        continue;
      }
      this.markCancelled(copy);
    }
  }

  private markCancelled(copy: ItemRecord): void {
    copy.isCancelled = true;
    if (!copy.subject.startsWith('Canceled: ')) copy.subject = `Canceled: ${copy.subject}`;
    copy.legacyFreeBusyStatus = 'Free';
    this.store.touch(copy, ['calendar:IsCancelled', 'item:Subject'], true);
  }
}
