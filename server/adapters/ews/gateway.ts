import * as ews from 'ews-javascript-api';
import {
  GatewayError,
  type CalendarChangePage,
  type OrganizerDetails,
  type RemoteItemHeader,
  type RoomMailbox,
  type RoomMailboxCheck,
  type TimeWindow,
} from '../../ports/calendarGateway';
import type { RemoteOccurrence } from '../../domain/sync/remoteCalendar';
import type { ConnectionProbe, ExchangeGateway } from '../../ports/exchangeSettings';
import { openEwsAccess, type EwsAccess, type EwsConnectionSettings } from './connection';
import { describeFailure, failureInWords, toGatewayError, type EwsFailure } from './errors';
import { CLEAN_GLOBAL_OBJECT_ID, extractAppointment } from './extract';
import { escapeXmlText, toItemHeader, toOrganizerDetails, toRemoteOccurrence, type RawAppointment } from './mapping';
import { DEFAULT_POLICY, type ResilienceHooks, type ResiliencePolicy, type Runner } from './resilience';
import { openPullStream } from './pullStream';
import { openCalendarStream } from './stream';
import { chunk } from '../../domain/chunk';

/** The CalendarGateway on ews-javascript-api. Only server/compose/exchange.ts (and tests) construct it, as a view of the one connection. */

export interface EwsGatewayOptions {
  readonly policy?: Partial<ResiliencePolicy>;
  readonly hooks?: ResilienceHooks;
  /** How long the room-list directory is reused by mailbox checks. */
  readonly roomListCacheMs?: number;
  readonly now?: () => number;
}

export type EwsCalendarGateway = ExchangeGateway;

const GET_ITEM_BATCH = 100;
const FILTER_BATCH = 50;
const VIEW_PAGE = 1000;
/** CalendarView refuses ranges over two years (ErrorCalendarViewRangeTooBig). */
const MAX_VIEW_SPAN_MS = 700 * 24 * 3600 * 1000;

const at = (date: Date | number): ews.DateTime => new ews.DateTime(typeof date === 'number' ? date : date.getTime());

const HEADER_PROPERTIES = (): ews.PropertySet =>
  new ews.PropertySet(ews.BasePropertySet.IdOnly, [
    CLEAN_GLOBAL_OBJECT_ID,
    ews.AppointmentSchema.ICalUid,
    ews.AppointmentSchema.AppointmentType,
    ews.AppointmentSchema.Start,
    ews.AppointmentSchema.End,
    ews.AppointmentSchema.Organizer,
    ews.AppointmentSchema.IsCancelled,
    ews.AppointmentSchema.Subject,
    ews.AppointmentSchema.Location,
  ]);

/** JoinOnlineMeetingUrl came with Exchange 2013: asked for only when the request speaks 2013. */
const DETAIL_PROPERTIES = (service: ews.ExchangeService): ews.PropertySet => {
  const set = new ews.PropertySet(ews.BasePropertySet.IdOnly, [
    CLEAN_GLOBAL_OBJECT_ID,
    ews.AppointmentSchema.ICalUid,
    ews.AppointmentSchema.AppointmentType,
    ews.AppointmentSchema.Start,
    ews.AppointmentSchema.End,
    ews.AppointmentSchema.OriginalStart,
    ews.AppointmentSchema.Organizer,
    ews.AppointmentSchema.IsCancelled,
    ews.AppointmentSchema.Subject,
    ews.AppointmentSchema.Body,
    ews.AppointmentSchema.Location,
    ews.AppointmentSchema.Sensitivity,
    ews.AppointmentSchema.RequiredAttendees,
    ews.AppointmentSchema.OptionalAttendees,
    ews.AppointmentSchema.Resources,
  ]);
  if (service.RequestedServerVersion >= ews.ExchangeVersion.Exchange2013)
    set.Add(ews.AppointmentSchema.JoinOnlineMeetingUrl);
  set.RequestedBodyType = ews.BodyType.Text;
  return set;
};

const VIEW_PROPERTIES = (): ews.PropertySet =>
  new ews.PropertySet(ews.BasePropertySet.IdOnly, [
    CLEAN_GLOBAL_OBJECT_ID,
    ews.AppointmentSchema.AppointmentType,
    ews.AppointmentSchema.Start,
  ]);

function goidFilter(goids: readonly string[]): ews.SearchFilter {
  const filters = goids.map((g) => new ews.SearchFilter.IsEqualTo(CLEAN_GLOBAL_OBJECT_ID, escapeXmlText(g)));
  return new ews.SearchFilter.SearchFilterCollection(ews.LogicalOperator.Or, filters);
}

function splitWindow(window: TimeWindow): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let from = window.start.getTime(); from < window.end.getTime(); from += MAX_VIEW_SPAN_MS) {
    spans.push([from, Math.min(window.end.getTime(), from + MAX_VIEW_SPAN_MS)]);
  }
  return spans;
}

/**
 * The connection test's one answer for everything that is not EWS: a closed port, another service
 * and a web server look the same, and nothing the remote end said is repeated (issue #20: the
 * test must not work as a port scanner for whoever holds the admin role).
 */
export const NOT_EWS_WORDS =
  'No Exchange Web Services answered at this EWS URL: it is not an Exchange server, it cannot be reached, or the URL is not its EWS URL (which usually ends in /EWS/Exchange.asmx).';

/** TLS failures about the certificate (an admin can fix those); anything else TLS says is "not EWS". */
const CERTIFICATE_PROBLEM = /certificate|self[- ]signed|altnames|CERT_/i;

/** Exchange said something of its own: a SOAP fault with an EWS code, or its 401 to our credentials. */
function ewsAnswered(failure: EwsFailure): boolean {
  if (failure.network !== undefined) return false;
  if (failure.httpStatus === 401) return true;
  // ews-javascript-api labels every transport failure ErrorInternalServerError: that proves nothing.
  return failure.serverCode !== undefined && failure.serverCode !== 'ErrorInternalServerError';
}

function probeVerdict(failure: EwsFailure, url: string): Extract<ConnectionProbe, { ok: false }> {
  if (failure.network === 'dns') return { ok: false, failure: 'dns', message: failureInWords(failure, url) };
  if (failure.network === 'tls' && CERTIFICATE_PROBLEM.test(failure.message))
    return { ok: false, failure: 'tls', message: failureInWords(failure, url) };
  if (!ewsAnswered(failure)) return { ok: false, failure: 'ews-url', message: NOT_EWS_WORDS };
  if (failure.httpStatus === 401) return { ok: false, failure: 'auth', message: failureInWords(failure, url) };
  return { ok: false, failure: 'other', message: failureInWords(failure, url) };
}

function mailboxFailure(address: string, failure: GatewayError): RoomMailboxCheck {
  if (failure.kind === 'mailbox-not-found')
    return { ok: false, reason: 'no-such-mailbox', message: `Exchange has no mailbox ${address}: check the address.` };
  if (failure.kind === 'permission')
    return {
      ok: false,
      reason: 'impersonation-denied',
      message: `The service account may not impersonate ${address}: grant it the ApplicationImpersonation role.`,
    };
  if (failure.kind === 'auth') return { ok: false, reason: 'auth', message: failure.message };
  const passing = failure.kind === 'throttled' || failure.kind === 'transient';
  return { ok: false, reason: 'unreachable', message: failure.message, ...(passing ? { passing } : {}) };
}

/** A gateway with a connection and a concurrency budget of its own (tests, tools). */
export function createEwsCalendarGateway(
  settings: EwsConnectionSettings,
  options: EwsGatewayOptions = {},
): EwsCalendarGateway {
  const access = openEwsAccess(settings, { ...DEFAULT_POLICY, ...options.policy }, options.hooks);
  return calendarGatewayOn(access, options, () => access.connection.destroy());
}

/** The gateway as a view on a shared connection; `close` is what closing the view means. */
export function calendarGatewayOn(
  access: EwsAccess,
  options: Pick<EwsGatewayOptions, 'roomListCacheMs' | 'now'>,
  close: () => void,
): EwsCalendarGateway {
  const { connection, url } = access;
  const run: Runner = access.throttle.run;
  const now = options.now ?? Date.now;
  const cacheMs = options.roomListCacheMs ?? 60_000;
  let roomListCache: { at: number; rooms: Promise<RoomMailbox[]> } | undefined;

  async function getItems(
    mailbox: string,
    ids: readonly string[],
    properties: (service: ews.ExchangeService) => ews.PropertySet,
  ): Promise<ews.Appointment[]> {
    const service = connection.impersonating(mailbox);
    const batches = await Promise.all(
      chunk(ids, GET_ITEM_BATCH).map((batch) =>
        run(() =>
          service.BindToItems(
            batch.map((id) => new ews.ItemId(id)),
            properties(service),
          ),
        ),
      ),
    );
    const found: ews.Appointment[] = [];
    for (const response of batches.flatMap((b) => b.Responses)) {
      if (response.Result === ews.ServiceResult.Success) {
        if (response.Item instanceof ews.Appointment) found.push(response.Item);
        continue;
      }
      const code = ews.ServiceError[response.ErrorCode];
      if (code === 'ErrorItemNotFound' || code === 'ErrorInvalidIdMalformed') continue;
      throw toGatewayError({ response: { ErrorCode: response.ErrorCode }, message: response.ErrorMessage }, url);
    }
    return found;
  }

  /** Singles and masters with these identities (FindItem without a view returns no occurrences). */
  async function findByGoid(mailbox: string, goids: readonly string[]): Promise<ews.Item[]> {
    const service = connection.impersonating(mailbox);
    const pages = await Promise.all(
      chunk(goids, FILTER_BATCH).map((batch) =>
        run(() => {
          const view = new ews.ItemView(VIEW_PAGE);
          view.PropertySet = new ews.PropertySet(ews.BasePropertySet.IdOnly, [
            CLEAN_GLOBAL_OBJECT_ID,
            ews.AppointmentSchema.AppointmentType,
          ]);
          return service.FindItems(ews.WellKnownFolderName.Calendar, goidFilter(batch), view);
        }),
      ),
    );
    return pages.flatMap((p) => p.Items);
  }

  async function viewIds(mailbox: string, window: TimeWindow): Promise<RawAppointment[]> {
    const service = connection.impersonating(mailbox);
    const seen = new Map<string, RawAppointment>();
    for (const [from, to] of splitWindow(window)) {
      let start = from;
      for (;;) {
        const view = new ews.CalendarView(at(start), at(to), VIEW_PAGE);
        view.PropertySet = VIEW_PROPERTIES();
        const page = await run(() => service.FindAppointments(ews.WellKnownFolderName.Calendar, view));
        for (const item of page.Items) seen.set(item.Id.UniqueId, extractAppointment(item));
        const last = page.Items[page.Items.length - 1];
        const next = last ? last.Start.TotalMilliSeconds : start;
        // More than a page of items starting at the same instant cannot be paged further; take what we have.
        if (!page.MoreAvailable || next <= start) break;
        start = next;
      }
    }
    return [...seen.values()];
  }

  async function masterIds(mailbox: string, goids: readonly string[]): Promise<Map<string, string>> {
    const masters = new Map<string, string>();
    if (goids.length === 0) return masters;
    for (const item of await findByGoid(mailbox, goids)) {
      if (!(item instanceof ews.Appointment)) continue;
      const raw = extractAppointment(item);
      if (raw.type === 'RecurringMaster' && raw.cleanGlobalObjectId) masters.set(raw.cleanGlobalObjectId, raw.itemId);
    }
    return masters;
  }

  function loadRoomLists(): Promise<RoomMailbox[]> {
    if (roomListCache && now() - roomListCache.at < cacheMs) return roomListCache.rooms;
    const rooms = listRoomMailboxes();
    roomListCache = { at: now(), rooms };
    rooms.catch(() => {
      roomListCache = undefined;
    });
    return rooms;
  }

  async function listRoomMailboxes(): Promise<RoomMailbox[]> {
    const service = connection.asServiceAccount();
    const lists = (await run(() => service.GetRoomLists())).GetEnumerator();
    const perList = await Promise.all(
      lists.map(async (list) => {
        const rooms = await run(() => service.GetRooms(new ews.EmailAddress(escapeXmlText(list.Address))));
        return rooms.map((r) => ({
          email: r.Address.toLowerCase(),
          name: r.Name || r.Address,
          roomList: list.Name || list.Address,
        }));
      }),
    );
    return perList.flat();
  }

  return {
    close,

    async probe(): Promise<ConnectionProbe> {
      try {
        // Without retries: the raw failure tells DNS, TLS, 401 and 'not EWS' apart.
        await access.throttle.once(() => connection.asServiceAccount().GetRoomLists());
      } catch (err) {
        return probeVerdict(describeFailure(err), url);
      }
      try {
        return { ok: true, roomMailboxes: (await listRoomMailboxes()).length };
      } catch (err) {
        return { ok: false, failure: 'other', message: toGatewayError(err, url).message };
      }
    },

    async checkRoomMailbox(email: string): Promise<RoomMailboxCheck> {
      const address = email.trim().toLowerCase();
      // Both at once: the check has to answer within the 2 s an admin waits after saving a room.
      const directory = loadRoomLists().then(
        (rooms) => ({ rooms }),
        (err: unknown) => ({ error: toGatewayError(err, url) }),
      );
      try {
        await run(() => ews.CalendarFolder.Bind(connection.impersonating(address), ews.WellKnownFolderName.Calendar));
      } catch (err) {
        await directory;
        return mailboxFailure(address, toGatewayError(err, url));
      }
      const found = await directory;
      if ('error' in found)
        return {
          ok: false,
          reason: 'unreachable',
          message: `The room lists could not be read: ${found.error.message}`,
          ...(found.error.kind === 'throttled' || found.error.kind === 'transient' ? { passing: true } : {}),
        };
      const room = found.rooms.find((r) => r.email === address);
      if (!room)
        return {
          ok: false,
          reason: 'not-a-room',
          message: `${address} is a mailbox but not a room: no room list in Exchange contains it. Use a room mailbox (and add it to a room list).`,
        };
      return { ok: true, displayName: room.name };
    },

    listRoomMailboxes,

    async syncCalendarChanges(mailbox, syncState, maxChanges): Promise<CalendarChangePage> {
      const service = connection.impersonating(mailbox);
      // The headers come with the changes, so a changed single needs no GetItem of the room's copy.
      const page = await run(() =>
        service.SyncFolderItems(
          new ews.FolderId(ews.WellKnownFolderName.Calendar),
          HEADER_PROPERTIES(),
          [],
          Math.max(1, Math.min(512, maxChanges)),
          ews.SyncFolderItemsScope.NormalItems,
          syncState ?? '',
        ),
      );
      const changed = new Map<string, RemoteItemHeader>();
      const deleted = new Set<string>();
      for (const change of page.GetEnumerator()) {
        const id = change.ItemId?.UniqueId;
        if (!id) continue;
        if (change.ChangeType === ews.ChangeType.Delete) {
          deleted.add(id);
          changed.delete(id);
        } else if (change.ChangeType === ews.ChangeType.Create || change.ChangeType === ews.ChangeType.Update) {
          // Anything that is not a calendar item (a stray message in the folder) carries no meeting.
          if (change.Item instanceof ews.Appointment) changed.set(id, toItemHeader(extractAppointment(change.Item)));
        }
      }
      return {
        changed: [...changed.values()],
        deletedItemIds: [...deleted],
        syncState: page.SyncState,
        complete: !page.MoreChangesAvailable,
      };
    },

    async roomItemDetails(mailbox, itemIds): Promise<RemoteOccurrence[]> {
      if (itemIds.length === 0) return [];
      const items = await getItems(mailbox, itemIds, DETAIL_PROPERTIES);
      return items.map((item) => toRemoteOccurrence(extractAppointment(item), null));
    },

    async calendarView(mailbox, window, onlyMeetings): Promise<RemoteOccurrence[]> {
      const wanted = onlyMeetings ? new Set(onlyMeetings) : undefined;
      const listed = (await viewIds(mailbox, window)).filter(
        (r) => !wanted || (r.cleanGlobalObjectId !== null && wanted.has(r.cleanGlobalObjectId)),
      );
      if (listed.length === 0) return [];
      const detailed = (
        await getItems(
          mailbox,
          listed.map((r) => r.itemId),
          DETAIL_PROPERTIES,
        )
      ).map(extractAppointment);
      const seriesGoids = [
        ...new Set(
          detailed
            .filter((r) => r.type === 'Occurrence' || r.type === 'Exception')
            .flatMap((r) => (r.cleanGlobalObjectId ? [r.cleanGlobalObjectId] : [])),
        ),
      ];
      const masters = await masterIds(mailbox, seriesGoids);
      return detailed.map((raw) =>
        toRemoteOccurrence(raw, raw.cleanGlobalObjectId ? (masters.get(raw.cleanGlobalObjectId) ?? null) : null),
      );
    },

    async organizerDetails(organizerEmail, meetings, window): Promise<OrganizerDetails[] | null> {
      if (meetings.length === 0) return [];
      const mailbox = organizerEmail.trim().toLowerCase();
      try {
        const wanted = new Set(meetings.map((m) => m.cleanGlobalObjectId));
        // Only a series can hold exceptions, which FindItem does not list: a calendar view finds them.
        const [roots, inWindow] = await Promise.all([
          findByGoid(mailbox, [...wanted]),
          meetings.some((m) => m.recurring) ? viewIds(mailbox, window) : Promise.resolve([]),
        ]);
        const ids = new Set(roots.map((i) => i.Id.UniqueId));
        for (const raw of inWindow) {
          if (raw.type === 'Exception' && raw.cleanGlobalObjectId && wanted.has(raw.cleanGlobalObjectId))
            ids.add(raw.itemId);
        }
        const detailed = await getItems(mailbox, [...ids], DETAIL_PROPERTIES);
        return detailed
          .map((item) => toOrganizerDetails(extractAppointment(item)))
          .filter((d): d is OrganizerDetails => d !== null && wanted.has(d.cleanGlobalObjectId));
      } catch (err) {
        const failure = err instanceof GatewayError ? err : toGatewayError(err, url);
        // An organizer outside this Exchange, or one we may not impersonate: the room's copy must do.
        if (failure.kind === 'mailbox-not-found' || failure.kind === 'permission') return null;
        throw failure;
      }
    },

    async organizerCalendar(organizerEmail, window): Promise<OrganizerDetails[] | null> {
      const mailbox = organizerEmail.trim().toLowerCase();
      try {
        const listed = await viewIds(mailbox, window);
        const own = listed.filter((r) => r.type === 'Single' || r.type === 'Exception').map((r) => r.itemId);
        const series = [
          ...new Set(
            listed
              .filter((r) => r.type === 'Occurrence' || r.type === 'Exception')
              .flatMap((r) => (r.cleanGlobalObjectId ? [r.cleanGlobalObjectId] : [])),
          ),
        ];
        const masters = series.length > 0 ? [...(await masterIds(mailbox, series)).values()] : [];
        const detailed = await getItems(mailbox, [...own, ...masters], DETAIL_PROPERTIES);
        return detailed
          .map((item) => toOrganizerDetails(extractAppointment(item)))
          .filter((d): d is OrganizerDetails => d !== null);
      } catch (err) {
        const failure = err instanceof GatewayError ? err : toGatewayError(err, url);
        if (failure.kind === 'mailbox-not-found' || failure.kind === 'permission') return null;
        throw failure;
      }
    },

    openStream: (mailboxes, handlers) => openCalendarStream(connection, run, mailboxes, handlers),
    openPullStream: (mailboxes, handlers, intervalMs) =>
      openPullStream(connection, run, mailboxes, handlers, intervalMs),
  };
}
