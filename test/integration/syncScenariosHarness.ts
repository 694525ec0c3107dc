import * as ews from 'ews-javascript-api';
import { createEwsCalendarGateway, type EwsCalendarGateway } from '../../server/adapters/ews/gateway';
import type { ResilienceHooks } from '../../server/adapters/ews/resilience';
import { createSyncStore } from '../../server/adapters/db/repositories/syncStore';
import type { ConnectedRoom } from '../../server/ports/syncStore';
import { composeSync } from '../../server/compose/sync';
import type { SyncObserver } from '../../server/sync/observer';
import { createRoomSynchronizer, type RoomSynchronizer } from '../../server/sync/roomSynchronizer';
import type { SchedulerOptions } from '../../server/sync/scheduler';
import type { SyncRuntime } from '../../server/sync/syncRuntime';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';
import { buildRoom } from '../factories/locations';
import {
  compareRoom,
  comparisonWindow,
  type Comparison,
  type ExchangeAccount,
  type TimeWindow,
} from '../support/exchangeCalendars';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testInfrastructure } from '../support/testInfrastructure';

/**
 * Shared set-up of the syncScenarios* files: the simulator with the demo organisation, a test
 * database, the real EWS adapter and the room synchronizer, and Outlook users acting over EWS.
 */

export const PASSWORD = 'Roomserve-demo-1';
export const SERVICE_ACCOUNT = 'svc-roomserve@northwind.test';

export interface ScenarioHarness {
  readonly sim: RunningExchangeSim;
  readonly db: TestDatabase;
  readonly gateway: EwsCalendarGateway;
  readonly engine: RoomSynchronizer;
  readonly account: ExchangeAccount;
  readonly window: TimeWindow;
  readonly rooms: readonly ConnectedRoom[];
  room(mailbox: string): ConnectedRoom;
  /** An Outlook user's own EWS session, e.g. `outlook('emma.schmidt')`. */
  outlook(user: string): ews.ExchangeService;
  /** Lets the booking attendants answer, then syncs every connected room once. */
  syncAll(): Promise<void>;
  compare(mailbox: string): Promise<Comparison>;
  close(): Promise<void>;
}

export async function startScenarioHarness(options: {
  /** Frozen simulated time; real time when absent (for the real-time runtime). */
  readonly now?: string;
  readonly rooms: readonly string[];
  readonly gatewayHooks?: ResilienceHooks;
}): Promise<ScenarioHarness> {
  // Request schema validation is covered by the adapter's and the simulator's own tests.
  const sim = await startExchangeSim({
    seed: 'demo',
    attendantDelayMs: 5,
    validateRequests: false,
    streaming: { heartbeatMs: 500 },
  });
  const frozen = options.now;
  if (frozen !== undefined) sim.control.model.clock.freeze(Date.parse(frozen));
  const db = await createTestDatabase();
  const gateway = createEwsCalendarGateway(
    {
      url: sim.url,
      username: 'NORTHWIND\\svc-roomserve',
      password: PASSWORD,
      authMethod: 'basic',
      caBundlePem: sim.control.caCertPem ?? null,
      skipTlsVerification: false,
    },
    options.gatewayHooks ? { hooks: options.gatewayHooks } : {},
  );
  const clock = { now: () => (frozen === undefined ? new Date() : new Date(frozen)) };
  const engine = createRoomSynchronizer({ gateway, store: createSyncStore(db.knex), clock });
  const account: ExchangeAccount = { url: sim.url, caCertPem: sim.control.caCertPem };
  const window = comparisonWindow(clock.now());
  const rooms = new Map<string, ConnectedRoom>();
  for (const mailbox of options.rooms) {
    const name = mailbox.split('@')[0] ?? mailbox;
    const roomId = await buildRoom(db.knex, { name, exchangeEmail: mailbox });
    await db.knex('rooms').where({ id: roomId }).update({ exchange_state: 'verified' });
    rooms.set(mailbox, { roomId, name, mailbox });
  }
  const room = (mailbox: string): ConnectedRoom => {
    const found = rooms.get(mailbox);
    if (!found) throw new Error(`no connected room ${mailbox}`);
    return found;
  };
  return {
    sim,
    db,
    gateway,
    engine,
    account,
    window,
    rooms: [...rooms.values()],
    room,
    outlook: (user) => ewsService(sim.url, `NORTHWIND\\${user}`, PASSWORD, 'basic', sim.control.caCertPem),
    async syncAll() {
      await sim.control.model.whenIdle();
      for (const connected of rooms.values()) await engine.syncRoom(connected);
    },
    compare: (mailbox) => compareRoom(db.knex, account, room(mailbox), window),
    async close() {
      gateway.close();
      await sim.close();
      await db.close();
    },
  };
}

/** The sync runtime as main.ts composes it (streams, debounced and safety syncs), on the harness's rooms. */
export function startScenarioRuntime(
  h: ScenarioHarness,
  options: { observer?: SyncObserver; scheduler?: Partial<SchedulerOptions> } = {},
): SyncRuntime {
  return composeSync({
    infrastructure: testInfrastructure(h.db.knex),
    bookingChanges: [],
    settings: {
      runtime: {
        ...(options.observer ? { observer: options.observer } : {}),
        // The safety sync stays out of the way: what converges here was brought by streams and retries.
        scheduler: { debounceMs: 50, safetyIntervalMs: 10 * 60_000, ...options.scheduler },
        streams: { initialBackoffMs: 100, maxBackoffMs: 1000 },
      },
    },
  }).runtimeOn(h.gateway);
}

export interface MeetingRequest {
  readonly subject: string;
  readonly start: string;
  readonly end: string;
  readonly rooms: readonly string[];
  /** Windows time zone id; UTC when absent. */
  readonly timeZone?: string;
  readonly isPrivate?: boolean;
  readonly body?: string;
  readonly recurrence?: ews.Recurrence;
}

/** What Outlook does when a user sends a meeting request with rooms as resources. */
export async function sendMeeting(service: ews.ExchangeService, request: MeetingRequest): Promise<ews.ItemId> {
  const appt = new ews.Appointment(service);
  appt.Subject = request.subject;
  appt.Start = at(request.start);
  appt.End = at(request.end);
  const zone = request.timeZone ? ews.TimeZoneInfo.FindSystemTimeZoneById(request.timeZone) : ews.TimeZoneInfo.Utc;
  appt.StartTimeZone = zone;
  appt.EndTimeZone = zone;
  if (request.isPrivate) appt.Sensitivity = ews.Sensitivity.Private;
  if (request.body !== undefined) appt.Body = new ews.MessageBody(ews.BodyType.Text, request.body);
  if (request.recurrence) appt.Recurrence = request.recurrence;
  for (const r of request.rooms) appt.Resources.Add(r);
  await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
  return appt.Id;
}

/** A weekly pattern on one weekday, `count` times from `firstStart`'s date. */
export function weekly(firstStart: string, day: ews.DayOfTheWeek, count: number): ews.Recurrence {
  const pattern = new ews.Recurrence.WeeklyPattern();
  pattern.StartDate = at(firstStart);
  pattern.DaysOfTheWeek.Add(day);
  pattern.NumberOfOccurrences = count;
  return pattern;
}

/** A daily pattern, `count` times from `firstStart`'s date. */
export function daily(firstStart: string, count: number): ews.Recurrence {
  const pattern = new ews.Recurrence.DailyPattern();
  pattern.StartDate = at(firstStart);
  pattern.Interval = 1;
  pattern.NumberOfOccurrences = count;
  return pattern;
}

const sendUpdates = async (item: ews.Appointment): Promise<void> => {
  await item.Update(
    ews.ConflictResolutionMode.AlwaysOverwrite,
    ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
  );
};

/** The organizer opens the meeting, changes it and sends the update. */
export async function updateMeeting(
  service: ews.ExchangeService,
  id: ews.ItemId,
  change: (item: ews.Appointment) => void,
): Promise<void> {
  const item = await ews.Appointment.Bind(service, id);
  change(item);
  await sendUpdates(item);
}

/** The organizer opens one occurrence of a series (1-based), changes it and sends the update. */
export async function updateOccurrence(
  service: ews.ExchangeService,
  seriesId: ews.ItemId,
  index: number,
  change: (item: ews.Appointment) => void,
): Promise<void> {
  const item = await ews.Appointment.BindToOccurrence(service, seriesId, index);
  change(item);
  await sendUpdates(item);
}

export async function deleteOccurrence(
  service: ews.ExchangeService,
  seriesId: ews.ItemId,
  index: number,
): Promise<void> {
  const item = await ews.Appointment.BindToOccurrence(service, seriesId, index);
  await item.Delete(ews.DeleteMode.MoveToDeletedItems, ews.SendCancellationsMode.SendToAllAndSaveCopy);
}

export async function cancelMeeting(service: ews.ExchangeService, id: ews.ItemId): Promise<void> {
  const item = await ews.Appointment.Bind(service, id);
  await item.CancelMeeting();
}

/** Replaces the meeting's rooms. */
export function roomsOf(rooms: readonly string[]): (item: ews.Appointment) => void {
  return (item) => {
    item.Resources.Clear();
    for (const r of rooms) item.Resources.Add(r);
  };
}

export function movedTo(start: string, end: string): (item: ews.Appointment) => void {
  return (item) => {
    item.Start = at(start);
    item.End = at(end);
  };
}
