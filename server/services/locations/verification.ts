import type { Room } from '../../../shared/schemas/locations';
import type {
  ExchangeConnectionWrite,
  MailboxVerdict,
  RoomMailboxVerifier,
  RoomRepository,
} from '../../ports/locations';

/**
 * Verifying rooms' Exchange mailboxes: once when an address is set (the admin waits for it), again
 * for every room still waiting whenever the Exchange connection changes, and, after a passing
 * failure (Exchange busy, overloaded, too slow), again with back-off. While it retries the room
 * says `verifying` with the last failure as its error; only the last try's failure is `failed`.
 */

/** Waits before the retries of one room; after the last, a passing failure counts as failed. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000, 60_000];
/** Rooms re-verified at once when the connection changes (each check is a few EWS requests). */
const REVERIFY_BATCH = 4;

export interface MailboxVerificationDeps {
  readonly rooms: RoomRepository;
  readonly verifier: RoomMailboxVerifier | undefined;
  readonly now: () => Date;
  readonly retryDelaysMs?: readonly number[];
  /** Where a check that could not run at all is reported (it is tried again with the next change). */
  readonly warn?: (details: object, message: string) => void;
}

export function mailboxVerification(deps: MailboxVerificationDeps) {
  const delays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const retries = new Map<string, NodeJS.Timeout>();

  function cancelRetry(roomId: string): void {
    clearTimeout(retries.get(roomId));
    retries.delete(roomId);
  }

  async function verdictOn(email: string): Promise<MailboxVerdict | undefined> {
    const verifier = deps.verifier;
    if (!verifier) return undefined;
    const ask = verifier.check ? verifier.check.bind(verifier) : verifier.verify.bind(verifier);
    return ask(email).catch((err: unknown) => ({
      ok: false as const,
      error: err instanceof Error ? err.message : 'The mailbox could not be checked',
    }));
  }

  function writeOf(email: string, verdict: Exclude<MailboxVerdict, { ok: 'not-configured' }>, lastTry: boolean) {
    const checkedAt = deps.now();
    if (verdict.ok === true) return { email, state: 'verified', checkedAt, error: null } as const;
    const state = verdict.ok === 'retry' && !lastTry ? 'verifying' : 'failed';
    return { email, state, checkedAt, error: verdict.error } as const;
  }

  /**
   * One try for a room's address. `guarded`: written only while the room still has this address
   * (background tries); the admin's own save writes unconditionally, as before.
   */
  async function attempt(roomId: string, email: string, tryIndex: number, guarded: boolean): Promise<Room | undefined> {
    cancelRetry(roomId);
    const verdict = await verdictOn(email);
    if (!verdict || verdict.ok === 'not-configured') return undefined;
    const write: ExchangeConnectionWrite = writeOf(email, verdict, tryIndex >= delays.length);
    const room = guarded
      ? await deps.rooms.recordVerification(roomId, write)
      : await deps.rooms.update(roomId, { exchange: write });
    if (room && write.state === 'verifying') scheduleRetry(roomId, email, tryIndex);
    return room;
  }

  function scheduleRetry(roomId: string, email: string, tryIndex: number): void {
    const timer = setTimeout(() => {
      retries.delete(roomId);
      attempt(roomId, email, tryIndex + 1, true).catch((err: unknown) =>
        deps.warn?.({ err, roomId }, 'a room mailbox could not be checked again'),
      );
    }, delays[tryIndex]);
    // A pending retry must not keep the process alive at shutdown.
    timer.unref();
    retries.set(roomId, timer);
  }

  return {
    /** The verdict on a newly set address; without a verifier or a connection the room stays as it is. */
    async verifyMailbox(room: Room): Promise<Room> {
      const email = room.exchange.email;
      if (email === null) return room;
      return (await attempt(room.id, email, 0, false)) ?? room;
    },

    /** Checks every room that has an address but is not verified (after the Exchange settings changed). */
    async reverifyRooms(): Promise<void> {
      if (!deps.verifier) return;
      const waiting = await deps.rooms.awaitingVerification();
      for (let i = 0; i < waiting.length; i += REVERIFY_BATCH) {
        await Promise.all(waiting.slice(i, i + REVERIFY_BATCH).map((r) => attempt(r.id, r.email, 0, true)));
      }
    },

    /** Drops pending retries (shutdown). */
    stopRetries(): void {
      for (const roomId of [...retries.keys()]) cancelRetry(roomId);
    },
  };
}
