import type {
  AvailabilityRequest,
  BusyType,
  CalendarEvent,
  FreeBusyViewType,
  Mailbox,
  MailboxAvailability,
} from './api';
import { instancesOf, type Instance } from './busy';
import type { Directory } from './directory';
import { EwsError } from './errors';
import type { Store } from './store';

/** GetUserAvailability: calendar events and merged free/busy, filtered by calendar permission. */

const MERGED_DIGIT: Record<BusyType, number> = {
  Free: 0,
  WorkingElsewhere: 0,
  Tentative: 1,
  Busy: 2,
  OOF: 3,
  NoData: 4,
};
/** Merged intervals combine by severity: OOF over Busy over Tentative over Free. */
const SEVERITY: Record<number, number> = { 0: 0, 1: 1, 2: 2, 3: 3, 4: -1 };

type Access = 'owner' | Mailbox['calendarDefaultPermission'];

function downgrade(view: FreeBusyViewType, access: Access): FreeBusyViewType {
  if (access !== 'AvailabilityOnly') return view;
  if (view === 'Detailed') return 'FreeBusy';
  if (view === 'DetailedMerged') return 'FreeBusyMerged';
  return view;
}

function eventOf(inst: Instance, view: FreeBusyViewType, access: Access): CalendarEvent {
  const busyType: BusyType = inst.freeBusy;
  const base = { start: inst.start, end: inst.end, busyType };
  if (view !== 'Detailed' && view !== 'DetailedMerged') return base;
  const r = inst.record;
  const isPrivate = r.sensitivity === 'Private';
  const hide = isPrivate && access !== 'owner';
  const isMeeting = r.requiredAttendees.length + r.optionalAttendees.length + r.resources.length > 0;
  const details = {
    isMeeting,
    isRecurring: r.recurrence !== undefined,
    isException: inst.originalStart !== undefined && r.exceptions.has(inst.originalStart),
    isReminderSet: false,
    isPrivate,
    ...(hide ? {} : { subject: r.subject, location: r.location }),
    ...(!hide && (access === 'owner' || access === 'Reviewer')
      ? { id: Buffer.from(r.id, 'base64').toString('hex').toUpperCase() }
      : {}),
  };
  return { ...base, details };
}

function merged(events: readonly CalendarEvent[], start: number, end: number, intervalMinutes: number): string {
  const step = intervalMinutes * 60_000;
  let out = '';
  for (let t = start; t < end; t += step) {
    let digit = 0;
    for (const e of events) {
      if (e.start < t + step && e.end > t) {
        const d = MERGED_DIGIT[e.busyType];
        if ((SEVERITY[d] ?? 0) > (SEVERITY[digit] ?? 0)) digit = d;
      }
    }
    out += String(digit);
  }
  return out;
}

export function getAvailability(
  store: Store,
  directory: Directory,
  request: AvailabilityRequest,
): MailboxAvailability[] {
  if (request.end <= request.start)
    throw new EwsError('ErrorInvalidArgument', 'The availability window must end after it starts.');
  const interval = request.mergedFreeBusyIntervalMinutes ?? 30;
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440)
    throw new EwsError('ErrorInvalidArgument', 'MergedFreeBusyIntervalInMinutes must be within 5..1440.');
  return request.mailboxes.map(({ email }) => {
    const mailbox = directory.find(email);
    if (!mailbox) {
      return {
        email,
        view: 'None',
        calendarEvents: [],
        error: {
          responseCode: 'ErrorMailRecipientNotFound',
          messageText: 'Unable to resolve e-mail address to an Active Directory object.',
        },
      };
    }
    const access: Access =
      mailbox.smtp === request.requester.toLowerCase() ? 'owner' : mailbox.calendarDefaultPermission;
    if (access === 'None') {
      return {
        email,
        view: 'None',
        calendarEvents: [],
        error: {
          responseCode: 'ErrorNoFreeBusyAccess',
          messageText: 'The requester has no free/busy access to this mailbox.',
        },
      };
    }
    const view = downgrade(request.view, access);
    const instances: Instance[] = [];
    for (const record of store.folder(mailbox, 'calendar').items.values()) {
      if (record.isCancelled) continue;
      for (const inst of instancesOf(record, request.start, request.end))
        if (inst.freeBusy !== 'Free') instances.push(inst);
    }
    instances.sort((a, b) => a.start - b.start);
    const events = instances.map((i) => eventOf(i, view, access));
    const wantsMerged = view === 'MergedOnly' || view === 'FreeBusyMerged' || view === 'DetailedMerged';
    return {
      email: mailbox.smtp,
      view,
      calendarEvents: view === 'MergedOnly' ? [] : events,
      ...(wantsMerged ? { mergedFreeBusy: merged(events, request.start, request.end, interval) } : {}),
    };
  });
}
