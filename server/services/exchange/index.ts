import type { z } from 'zod';
import type {
  ExchangeSettings,
  ExchangeTestResult,
  exchangeTestInputSchema,
  importRoomsInputSchema,
  roomMailboxSchema,
} from '../../../shared/schemas/exchange';
import type { Room } from '../../../shared/schemas/locations';
import { AppError, unprocessable } from '../../domain/errors';
import { GatewayError } from '../../ports/calendarGateway';
import type { ExchangeConnectionSettings, ExchangeGateway } from '../../ports/exchangeSettings';
import type { ExchangeUserDirectory } from '../../ports/identityTokens';
import type { MeetingLookup } from '../../ports/meetingLookup';
import type { MeetingWriter } from '../../ports/meetingWriter';
import type { MailboxCheck, MailboxVerdict, RoomMailboxVerifier } from '../../ports/locations';
import { settingsUseCases, type ExchangeSettingsInput } from './settings';
import type { CreateConnectedRoom, ExchangeServiceDeps } from './types';

export type { ExchangeServiceDeps, CreateConnectedRoom } from './types';
export { SKIP_TLS_WARNING, type ExchangeSettingsInput } from './settings';

type TestInput = z.output<typeof exchangeTestInputSchema>;
type ImportInput = z.output<typeof importRoomsInputSchema>;
type RoomMailbox = z.output<typeof roomMailboxSchema>;

export interface ImportedRooms {
  readonly created: Room[];
  readonly skipped: Array<{ email: string; reason: string }>;
}

/**
 * The Exchange integration as the admin drives it: settings, the connection test, room mailbox
 * verification (the RoomMailboxVerifier the locations service calls) and "import rooms".
 */
export interface ExchangeService {
  getSettings(): Promise<ExchangeSettings>;
  isConfigured(): Promise<boolean>;
  /** Without a password, the stored one is kept. Listeners hear about every save. */
  saveSettings(input: ExchangeSettingsInput): Promise<ExchangeSettings>;
  /** Points the integration at an Exchange (e.g. the demo simulator) in one call. */
  configure(settings: ExchangeConnectionSettings): Promise<ExchangeSettings>;
  /** The saved settings with the password opened; null when none are saved. */
  connectionSettings(): Promise<ExchangeConnectionSettings | null>;
  /** The gateway of the saved settings, rebuilt after every save; null when none are saved. */
  gateway(): Promise<ExchangeGateway | null>;
  /** The views of the same one connection (one budget, one back-off); null when none are saved. */
  meetingWriter(): Promise<MeetingWriter | null>;
  meetingLookup(): Promise<MeetingLookup | null>;
  userDirectory(): Promise<ExchangeUserDirectory | null>;
  /** Told after every save through this instance (its rooms waiting for verification are checked again). Returns the unsubscribe function. */
  onSettingsChanged(listener: () => void): () => void;
  /**
   * Told whenever this instance's connection changes: settings saved here or on another instance
   * (ExchangeSettingsChanges), changed or gone. The sync restarts on it. Returns the unsubscribe function.
   */
  onConnectionChanged(listener: () => void): () => void;
  /** Called once at start: repeats the skip-TLS warning while the switch is on. */
  startupCheck(): Promise<void>;
  /** Closes the connection (at shutdown); the next use builds a new one. */
  close(): void;
  testConnection(input: TestInput): Promise<ExchangeTestResult>;
  readonly mailboxVerifier: RoomMailboxVerifier;
  listRoomMailboxes(): Promise<RoomMailbox[]>;
  importRooms(input: ImportInput, createRoom: CreateConnectedRoom): Promise<ImportedRooms>;
}

const NOT_CONFIGURED =
  'No Exchange connection is configured: enter the EWS URL, the service account and its password first.';

function timeout<T>(ms: number, onTimeout: () => T): { promise: Promise<T>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export function createExchangeService(deps: ExchangeServiceDeps): ExchangeService {
  const settings = settingsUseCases(deps);
  const verifyTimeoutMs = deps.verifyTimeoutMs ?? 2000;

  async function requireGateway(): Promise<ExchangeGateway> {
    const gateway = await settings.gateway();
    if (!gateway) throw unprocessable(NOT_CONFIGURED);
    return gateway;
  }

  async function testConnection(input: TestInput): Promise<ExchangeTestResult> {
    const gateway = await settings.gateway();
    if (!gateway)
      return {
        ok: false,
        failure: 'not-configured',
        message: NOT_CONFIGURED,
        roomMailboxes: null,
        checkedMailbox: null,
      };
    const probe = await gateway.probe();
    if (!probe.ok)
      return { ok: false, failure: probe.failure, message: probe.message, roomMailboxes: null, checkedMailbox: null };
    const mailbox = input.mailbox ?? (await gateway.listRoomMailboxes())[0]?.email;
    if (mailbox === undefined)
      return {
        ok: true,
        failure: null,
        message:
          'Connected, but Exchange has no room lists, so impersonation could not be tried. Connect a room to check it.',
        roomMailboxes: 0,
        checkedMailbox: null,
      };
    const check = await gateway.checkRoomMailbox(mailbox);
    if (!check.ok) {
      const failure =
        check.reason === 'impersonation-denied'
          ? 'impersonation'
          : check.reason === 'auth'
            ? 'auth'
            : check.reason === 'unreachable'
              ? 'unreachable'
              : 'mailbox';
      return {
        ok: false,
        failure,
        message: check.message,
        roomMailboxes: probe.roomMailboxes,
        checkedMailbox: mailbox,
      };
    }
    return {
      ok: true,
      failure: null,
      message: `Connected: ${probe.roomMailboxes} room mailboxes in the room lists; impersonating ${mailbox} works.`,
      roomMailboxes: probe.roomMailboxes,
      checkedMailbox: mailbox,
    };
  }

  async function checkMailbox(email: string): Promise<MailboxVerdict> {
    const gateway = await settings.gateway();
    if (!gateway) return { ok: 'not-configured' };
    // Past the wait the admin gets an answer; the check is tried again later (a busy Exchange, a full budget).
    const limit = timeout<MailboxVerdict>(verifyTimeoutMs, () => ({
      ok: 'retry',
      error: `Exchange did not answer within ${verifyTimeoutMs / 1000} s.`,
    }));
    try {
      return await Promise.race([
        gateway
          .checkRoomMailbox(email)
          .then((check): MailboxVerdict =>
            check.ok
              ? { ok: true }
              : check.passing
                ? { ok: 'retry', error: check.message }
                : { ok: false, error: check.message },
          ),
        limit.promise,
      ]);
    } finally {
      limit.cancel();
    }
  }

  const mailboxVerifier: RoomMailboxVerifier = {
    check: checkMailbox,
    async verify(email: string): Promise<MailboxCheck> {
      const verdict = await checkMailbox(email);
      return verdict.ok === 'retry' ? { ok: false, error: verdict.error } : verdict;
    },
  };

  async function listRoomMailboxes(): Promise<RoomMailbox[]> {
    const gateway = await requireGateway();
    const [rooms, connected] = await Promise.all([
      gateway.listRoomMailboxes().catch((err: unknown) => {
        // Exchange's failure, in words, rather than an anonymous internal error.
        throw err instanceof GatewayError
          ? new AppError('unavailable', `Exchange: ${err.message}`, { kind: err.kind })
          : err;
      }),
      deps.settings.connectedRoomEmails(),
    ]);
    return rooms.map((r) => ({ ...r, connected: connected.has(r.email.toLowerCase()) }));
  }

  async function importRooms(input: ImportInput, createRoom: CreateConnectedRoom): Promise<ImportedRooms> {
    const available = new Map((await listRoomMailboxes()).map((r) => [r.email, r]));
    const created: Room[] = [];
    const skipped: Array<{ email: string; reason: string }> = [];
    for (const email of [...new Set(input.mailboxes.map((m) => m.trim().toLowerCase()))]) {
      const mailbox = available.get(email);
      if (!mailbox) {
        skipped.push({ email, reason: 'Not in any room list of Exchange' });
        continue;
      }
      if (mailbox.connected) {
        skipped.push({ email, reason: 'Already connected to a room' });
        continue;
      }
      try {
        created.push(
          await createRoom({
            floorId: input.floorId,
            name: mailbox.name,
            capacity: input.capacity,
            exchangeEmail: email,
          }),
        );
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') skipped.push({ email, reason: err.message });
        else throw err;
      }
    }
    return { created, skipped };
  }

  return { ...settings, testConnection, mailboxVerifier, listRoomMailboxes, importRooms };
}
