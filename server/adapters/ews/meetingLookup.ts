import * as ews from 'ews-javascript-api';
import { GatewayError } from '../../ports/calendarGateway';
import type { MeetingItemKind, MeetingLookup, MeetingOfItem } from '../../ports/meetingLookup';
import { openEwsAccess, type EwsAccess, type EwsConnectionSettings } from './connection';
import { CLEAN_GLOBAL_OBJECT_ID, extractAppointment } from './extract';
import { DEFAULT_POLICY, type ResilienceHooks, type ResiliencePolicy, type Runner } from './resilience';

/** The MeetingLookup on ews-javascript-api: one GetItem in the asker's own mailbox. Only server/compose/exchange.ts (and tests) build it, as a view of the one connection. */

export interface EwsMeetingLookupOptions {
  readonly policy?: Partial<ResiliencePolicy>;
  readonly hooks?: ResilienceHooks;
}

const IDENTITY_PROPERTIES = (): ews.PropertySet =>
  new ews.PropertySet(ews.BasePropertySet.IdOnly, [
    CLEAN_GLOBAL_OBJECT_ID,
    ews.AppointmentSchema.ICalUid,
    ews.AppointmentSchema.AppointmentType,
    ews.AppointmentSchema.Start,
    ews.AppointmentSchema.End,
    ews.AppointmentSchema.OriginalStart,
    ews.AppointmentSchema.IsCancelled,
    ews.AppointmentSchema.Subject,
    ews.AppointmentSchema.Organizer,
    ews.AppointmentSchema.RequiredAttendees,
    ews.AppointmentSchema.OptionalAttendees,
    ews.AppointmentSchema.MeetingRequestWasSent,
  ]);

const KINDS: Readonly<Record<string, MeetingItemKind>> = {
  Single: 'single',
  Occurrence: 'occurrence',
  Exception: 'exception',
  RecurringMaster: 'series',
};

/**
 * Exchange answers ErrorItemNotFound for an id of another mailbox (or one the asker may not read),
 * ErrorInvalidIdMalformed for an id that is no id at all, ErrorNonExistentMailbox when the asker
 * has no mailbox: all three mean "not an item of yours".
 */
const isNotTheirs = (err: unknown): boolean =>
  err instanceof GatewayError &&
  (err.kind === 'mailbox-not-found' ||
    err.serverCode === 'ErrorItemNotFound' ||
    err.serverCode === 'ErrorInvalidIdMalformed');

/** An item without the property (not a meeting, or an older server) counts as sent: wait for the sync as before. */
function requestWasSent(item: ews.Appointment): boolean {
  try {
    return item.MeetingRequestWasSent;
  } catch {
    return true;
  }
}

/** A MeetingLookup with a connection and a concurrency budget of its own (tests, tools). */
export function createEwsMeetingLookup(
  settings: EwsConnectionSettings,
  options: EwsMeetingLookupOptions = {},
): MeetingLookup {
  const access = openEwsAccess(settings, { ...DEFAULT_POLICY, ...options.policy }, options.hooks);
  return meetingLookupOn(access, () => access.connection.destroy());
}

/** The MeetingLookup as a view on a shared connection; `close` is what closing the view means. */
export function meetingLookupOn(access: EwsAccess, close: () => void): MeetingLookup {
  const { connection } = access;
  const run: Runner = access.throttle.run;

  return {
    close,

    async identityOfItem(mailbox: string, itemId: string): Promise<MeetingOfItem | null> {
      const service = connection.impersonating(mailbox);
      let item: ews.Appointment;
      try {
        item = await run(() => ews.Appointment.Bind(service, new ews.ItemId(itemId), IDENTITY_PROPERTIES()));
      } catch (err) {
        if (isNotTheirs(err)) return null;
        throw err;
      }
      const raw = extractAppointment(item);
      return {
        cleanGlobalObjectId: raw.cleanGlobalObjectId,
        uid: raw.uid,
        kind: KINDS[raw.type] ?? 'single',
        start: raw.start,
        end: raw.end,
        originalStart: raw.type === 'Occurrence' || raw.type === 'Exception' ? raw.originalStart : null,
        isCancelled: raw.isCancelled,
        subject: raw.subject ?? '',
        organizerEmail: raw.organizer?.address ?? null,
        attendeeEmails: [...raw.requiredAttendees, ...raw.optionalAttendees]
          .map((a) => a.address)
          .filter((a): a is string => a !== null && a !== ''),
        requestWasSent: requestWasSent(item),
      };
    },
  };
}
