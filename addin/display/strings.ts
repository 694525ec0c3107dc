import type { DisplayStateWord } from '../../shared/schemas/displays';
import type { BookNowMinutes } from './live/displayApi';

/** Every word the room display shows (English; the wall is read from 3 m, so words are short). */
export const displayStrings = {
  title: 'Roomserve room display',
  pairing: {
    heading: 'Pair this display',
    intro: 'Enter the code from Admin → Displays.',
    codeLabel: 'Pairing code',
    submit: 'Pair',
    pairing: 'Pairing…',
    notACode: 'A pairing code has 8 letters and digits, like K7QM-XW3P.',
    wrongCode: 'This code is wrong, expired or already used. Ask an admin for a new one.',
    tooMany: 'Too many wrong codes. Wait a minute, then try again.',
    unreachable: 'The server cannot be reached. Check the network, then try again.',
    unpaired: 'This display was unpaired. Enter a new code to pair it again.',
  },
  state: {
    free: 'Free',
    'starting-soon': 'Starting soon',
    busy: 'Busy',
    'awaiting-check-in': 'Check in',
    'ending-soon': 'Ending soon',
  } satisfies Record<DisplayStateWord, string>,
  minutesLeft: (state: DisplayStateWord, minutes: number | null, until: string | null): string => {
    if (minutes === null) return state === 'free' ? 'Free for the rest of the day' : '';
    const span = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
    if (state === 'free' || state === 'starting-soon') return `Free for ${span}${until ? `, until ${until}` : ''}`;
    return `${span} left${until ? `, until ${until}` : ''}`;
  },
  meetingTime: (start: string, end: string): string => `${start}–${end}`,
  organizer: (name: string): string => `by ${name}`,
  pending: 'Awaiting the room’s answer',
  checkedIn: 'Checked in',
  next: 'Next',
  nothingNext: 'Nothing else today',
  today: 'Today',
  timelineLabel: 'Today’s meetings',
  released: 'released',
  nearestFree: 'Free nearby now',
  sameFloor: 'this floor',
  capacity: (n: number): string => `${n} seats`,
  offlineSince: (time: string): string => `Offline since ${time}`,
  offlineActions: 'Actions come back when the server does.',
  actions: {
    bookNow: 'Book now',
    checkIn: 'Check in',
    end: 'End meeting',
    extend: 'Extend',
    cancel: 'Cancel',
    confirmEnd: 'End now',
    endQuestion: 'End this meeting now? The room becomes free.',
    bookFor: 'Book for how long?',
    extendBy: 'Extend by how long?',
    minutes: (m: BookNowMinutes | 15 | 30): string => (m === 'until-next' ? 'Until next' : `${m} min`),
    sending: 'Sending…',
    pending: 'Sent — waiting for the room to accept',
    confirmed: {
      'book-now': 'Booked',
      'check-in': 'Checked in',
      end: 'Meeting ended',
      extend: 'Extended',
    },
  },
  pin: {
    heading: 'Enter the PIN',
    label: 'PIN',
    clear: 'Clear',
    ok: 'OK',
    wrong: 'Wrong PIN. Try again.',
    required: 'This display needs its PIN.',
    tooMany: 'Too many wrong PINs. Wait a minute.',
  },
  errors: {
    conflict: 'The room is not free then.',
    nextFree: (time: string): string => `Free again at ${time}.`,
    unavailable: 'Exchange cannot be reached now; nothing was booked. Try again in a moment.',
    unreachable: 'The server cannot be reached; nothing was changed.',
    generic: 'That did not work. Try again.',
  },
} as const;
