import type { MeetingRef, MeetingWriter, OrganizerItem } from '../../ports/meetingWriter';

/**
 * Learning the booking attendant's answer. Exchange writes the room's answer onto the organizer's
 * item (the room attendee's ResponseType and LastResponseTime), so the organizer's item is read
 * until the room answered after `since`. Reading it costs one GetItem; the interval is short at
 * first (the attendant usually answers within a second) and grows afterwards.
 */

export type RoomVerdict =
  | { readonly kind: 'accepted'; readonly item: OrganizerItem }
  | { readonly kind: 'declined'; readonly item: OrganizerItem }
  | { readonly kind: 'gone' }
  | { readonly kind: 'timeout' };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the room's answer looked like when we wrote, to tell its next answer from the last one.
 * Exchange keeps LastResponseTime to the second, so a time alone cannot tell two answers of the
 * same second apart; a reset answer seen since, or a ChangeKey other than our own write's, can.
 */
export interface AnswerBaseline {
  /** The room's answer time before our write (null: none). */
  readonly before: Date | null;
  /** The ChangeKey of our own write (null for a new meeting). */
  readonly writtenChangeKey: string | null;
  /** An answer-less state of the room was seen after our write: any timed answer now is new. */
  sawReset: boolean;
}

export const newMeetingBaseline = (): AnswerBaseline => ({ before: null, writtenChangeKey: null, sawReset: true });

/** The room's new answer on this reading of the organizer's item, if it gave one since the baseline. */
export function verdictOf(item: OrganizerItem, roomEmail: string, baseline: AnswerBaseline): RoomVerdict | null {
  const answer = item.roomAnswers.get(roomEmail.toLowerCase());
  if (!answer || (answer.answer !== 'accepted' && answer.answer !== 'declined') || answer.answeredAt === null) {
    baseline.sawReset = true;
    return null;
  }
  const before = baseline.before?.getTime() ?? Number.NEGATIVE_INFINITY;
  const at = answer.answeredAt.getTime();
  const changedSinceOurWrite = baseline.writtenChangeKey !== null && item.changeKey !== baseline.writtenChangeKey;
  const isNew = at > before || baseline.sawReset || (changedSinceOurWrite && at >= before);
  return isNew ? { kind: answer.answer, item } : null;
}

export async function awaitRoomAnswer(
  writer: MeetingWriter,
  ref: MeetingRef,
  roomEmail: string,
  options: {
    readonly baseline: AnswerBaseline;
    readonly intervalMs: number;
    readonly timeoutMs: number;
    readonly first?: OrganizerItem;
  },
): Promise<RoomVerdict> {
  const started = Date.now();
  let interval = options.intervalMs;
  let item: OrganizerItem | null | undefined = options.first;
  for (;;) {
    if (item === undefined) {
      await sleep(interval);
      item = await writer.readMeeting(ref);
    }
    if (!item || item.isCancelled) return { kind: 'gone' };
    const verdict = verdictOf(item, roomEmail, options.baseline);
    if (verdict) return verdict;
    item = undefined;
    const waited = Date.now() - started;
    if (waited >= options.timeoutMs) return { kind: 'timeout' };
    // Fast for the first second (most attendants answer by then), then gentler on Exchange.
    if (waited > 1000) interval = Math.min(1000, Math.round(interval * 1.5));
  }
}

/** In-process wake-ups for long polls; other instances' changes are seen by the poll's own re-reads. */
export function createWaiters() {
  const waiting = new Map<string, Set<() => void>>();
  return {
    notify(bookingId: string): void {
      const set = waiting.get(bookingId);
      if (!set) return;
      waiting.delete(bookingId);
      for (const wake of set) wake();
    },
    /** Resolves on a notification or after `ms`, whichever comes first. */
    wait(bookingId: string, ms: number): Promise<void> {
      return new Promise((resolve) => {
        const set = waiting.get(bookingId) ?? new Set<() => void>();
        waiting.set(bookingId, set);
        const done = (): void => {
          clearTimeout(timer);
          set.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        set.add(done);
      });
    },
  };
}
