import type { Interval } from '../availability/interval';

/**
 * Releasing meetings nobody came to. A room that requires check-in gives a meeting up when
 * `releaseAfterMinutes` passed since its start without a check-in. Exempt: meetings of 8 hours or
 * more (all-day blocks, workshops), and walk-ins (booked after their start, which includes every
 * "book now" at a display): someone is evidently there.
 */

const MINUTE = 60_000;
export const LONG_MEETING_MINUTES = 8 * 60;
/** The room declines the rest of a series at this many consecutive released occurrences. */
export const STRIKES_TO_DECLINE_SERIES = 3;
/** The organizer is warned when an occurrence release reaches this many in a row. */
export const STRIKE_WARNING_AT = 2;

export interface ReleaseCandidate {
  readonly id: string;
  readonly span: Interval;
  /** When Roomserve first learned of the booking (its row's creation): later than the start means a walk-in. */
  readonly bookedAt: number;
  readonly source: 'exchange' | 'app' | 'display';
  readonly status: 'pending' | 'confirmed';
  readonly checkedIn: boolean;
  readonly released: boolean;
}

export interface ReleaseRules {
  readonly checkInRequired: boolean;
  readonly releaseAfterMinutes: number;
}

export type ReleaseVerdict =
  | { readonly due: true }
  | {
      readonly due: false;
      readonly why:
        'no-check-in-needed' | 'checked-in' | 'released' | 'not-yet' | 'over' | 'pending' | 'long' | 'walk-in';
    };

/** Whether the room releases this meeting now, and if not, why not. */
export function releaseVerdict(meeting: ReleaseCandidate, now: number, rules: ReleaseRules): ReleaseVerdict {
  const not = (why: Extract<ReleaseVerdict, { due: false }>['why']): ReleaseVerdict => ({ due: false, why });
  if (!rules.checkInRequired) return not('no-check-in-needed');
  if (meeting.released) return not('released');
  if (meeting.checkedIn) return not('checked-in');
  if (meeting.status !== 'confirmed') return not('pending');
  if (meeting.span.end - meeting.span.start >= LONG_MEETING_MINUTES * MINUTE) return not('long');
  if (meeting.source === 'display' || meeting.bookedAt > meeting.span.start) return not('walk-in');
  if (now >= meeting.span.end) return not('over');
  if (now < meeting.span.start + rules.releaseAfterMinutes * MINUTE) return not('not-yet');
  return { due: true };
}

/** The meetings of a room the release job gives up now. */
export function dueForRelease(
  meetings: readonly ReleaseCandidate[],
  now: number,
  rules: ReleaseRules,
): ReleaseCandidate[] {
  return meetings.filter((m) => releaseVerdict(m, now, rules).due);
}

/** An earlier occurrence of the same series in this room, and what became of it. */
export interface PastOccurrence {
  readonly start: number;
  readonly outcome: 'released' | 'attended';
}

export interface Strike {
  /** Consecutive released occurrences of the series, this one included. */
  readonly count: number;
  /** Warn the organizer that the next release costs the series its room. */
  readonly warn: boolean;
  /** The room declines the rest of the series. */
  readonly declineSeries: boolean;
}

/**
 * The strike an occurrence's release makes: the releases of the series since its last attended
 * occurrence (a check-in resets the count), plus this one. Occurrences nobody needed to check in
 * to do not appear in the history and neither count nor reset.
 */
export function strikeFor(history: readonly PastOccurrence[], occurrenceStart: number): Strike {
  const earlier = history.filter((h) => h.start < occurrenceStart).sort((a, b) => b.start - a.start);
  let run = 0;
  for (const h of earlier) {
    if (h.outcome === 'attended') break;
    run += 1;
  }
  const count = run + 1;
  return { count, warn: count === STRIKE_WARNING_AT, declineSeries: count >= STRIKES_TO_DECLINE_SERIES };
}
