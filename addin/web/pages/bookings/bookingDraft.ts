import { z } from 'zod';
import type { BookingInput } from '../../../../shared/schemas/bookings';
import { dateText, isDateText, isTimeText, localDate, timeText, toOffsetIso } from '../../../ui/time';
import { bookingStrings } from './strings';

/** The booking form as typed: wall-clock date and times, attendees as free text. */
export interface BookingDraft {
  readonly subject: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly attendees: string;
  readonly description: string;
  readonly private: boolean;
  readonly onlineMeetingUrl: string;
}

export type DraftField = 'subject' | 'time' | 'attendees' | 'onlineMeetingUrl';
export type DraftProblems = Partial<Record<DraftField, string>>;

export type DraftResult =
  | { readonly ok: true; readonly input: Omit<BookingInput, 'roomId'> }
  | { readonly ok: false; readonly problems: DraftProblems };

/** A fresh form for a slot: the chosen window, as the user's wall clock. */
export function draftFor(slot: { start: Date; end: Date }): BookingDraft {
  return {
    subject: '',
    date: dateText(slot.start),
    start: timeText(slot.start),
    end: timeText(slot.end),
    attendees: '',
    description: '',
    private: false,
    onlineMeetingUrl: '',
  };
}

const emailSchema = z.email();
const httpsUrlSchema = z.url({ protocol: /^https$/ });

export function attendeeList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part !== '');
}

/** The draft's time as instants with the browser's offset; undefined when it is no valid window. */
export function draftWindow(
  draft: Pick<BookingDraft, 'date' | 'start' | 'end'>,
): { start: string; end: string } | undefined {
  if (!isDateText(draft.date) || !isTimeText(draft.start) || !isTimeText(draft.end)) return undefined;
  const start = localDate(draft.date, draft.start);
  const end = localDate(draft.date, draft.end);
  return start < end ? { start: toOffsetIso(start), end: toOffsetIso(end) } : undefined;
}

/** Checks what the browser can check, so that the server is only asked about what it alone knows. */
export function validateDraft(draft: BookingDraft): DraftResult {
  const problems: DraftProblems = {};
  const subject = draft.subject.trim();
  if (subject === '') problems.subject = bookingStrings.subjectRequired;
  const window = draftWindow(draft);
  if (!window) problems.time = bookingStrings.endBeforeStart;
  const attendees = attendeeList(draft.attendees);
  const wrong = attendees.filter((email) => !emailSchema.safeParse(email).success);
  if (wrong.length > 0) problems.attendees = bookingStrings.badAttendees(wrong.join(', '));
  const url = draft.onlineMeetingUrl.trim();
  if (url !== '' && !httpsUrlSchema.safeParse(url).success)
    problems.onlineMeetingUrl = bookingStrings.badOnlineMeetingUrl;
  if (!window || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      ...window,
      subject,
      attendees,
      description: draft.description,
      private: draft.private,
      onlineMeetingUrl: url === '' ? null : url,
    },
  };
}
