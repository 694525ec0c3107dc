import type { OrderStatus } from '../../../../shared/schemas/orders';
/**
 * Texts of booking a room and of My bookings. They live here, inside the bookings chunk; only the
 * nav label is in the app's strings.ts. Functions take already formatted values.
 */
export const bookingStrings = {
  book: 'Book',
  bookRoom: (room: string) => `Book ${room}`,
  dialogTitle: (room: string) => `Book ${room}`,
  subject: 'Subject',
  subjectRequired: 'Give the meeting a subject.',
  date: 'Date',
  start: 'From',
  end: 'To',
  endBeforeStart: 'The end must be after the start.',
  attendees: 'Attendees',
  attendeesHint: 'Email addresses, separated by commas or spaces. Optional.',
  badAttendees: (emails: string) => `These are not email addresses: ${emails}`,
  description: 'Description',
  private: 'Private meeting',
  onlineMeetingUrl: 'Online meeting link',
  onlineMeetingUrlHint: 'An https:// link to Teams, Zoom or similar. Optional.',
  badOnlineMeetingUrl: 'Enter a link that starts with https://',
  submit: 'Book',
  submitting: 'Sending…',
  cancel: 'Cancel',
  close: 'Close',
  done: 'Done',
  tryAgain: 'Change and try again',

  waiting: 'Waiting for Exchange…',
  waitingHint: 'The room’s booking assistant in Exchange decides; this usually takes a few seconds.',
  confirmedTitle: 'Booked',
  confirmed: (room: string, when: string) => `${room} is yours ${when}. The meeting is in your Outlook calendar.`,
  declinedTitle: 'The room declined',
  declinedNoReason: 'Exchange declined the booking without giving a reason.',
  cancelledTitle: 'Cancelled',
  followFailed: 'We lost track of the booking. Its outcome will show under My bookings.',
  followRetry: 'Check again',

  conflictTitle: 'The room is taken',
  conflictTimes: (ranges: string) => `Already booked ${ranges}.`,
  heldBy: (range: string, organizer: string, subject: string | null) =>
    subject === null ? `${range}: held by ${organizer}.` : `${range}: held by ${organizer} (${subject}).`,
  alternativesLabel: 'Free instead',
  noAlternatives: 'No other fitting room or nearby time is free. Try another time.',
  otherRoom: (room: string, when: string) => `${room}, ${when}`,
  otherTime: (room: string, when: string) => `${room} at ${when}`,
  bookAlternative: (label: string) => `Book ${label}`,
  moveToAlternative: (label: string) => `Move to ${label}`,

  errors: {
    title: 'Not booked',
    moveTitle: 'Not moved',
    cancelTitle: 'Not cancelled',
    unavailable: 'Exchange cannot be reached right now, so nothing was booked or changed. Try again in a moment.',
    notFound: 'The room or the booking no longer exists.',
  },

  my: {
    title: 'My bookings',
    intro: 'Your upcoming bookings made in Roomserve.',
    empty: 'You have no upcoming bookings.',
    findRoom: 'Find a room',
    listLabel: 'Upcoming bookings',
    when: (day: string, from: string, to: string) => `${day}, ${from}–${to}`,
    move: 'Move',
    moveLabel: (subject: string) => `Move “${subject}”`,
    cancel: 'Cancel booking',
    cancelLabel: (subject: string) => `Cancel booking “${subject}”`,
    openEvent: 'Attendees and event',
    openEventLabel: (subject: string) => `Attendees and event “${subject}”`,
    status: {
      pending: 'Waiting for Exchange',
      confirmed: 'Confirmed',
      declined: 'Declined',
      cancelled: 'Cancelled',
    },
    declinedBecause: (reason: string) => `Declined: ${reason}`,
  },

  move: {
    title: (subject: string) => `Move “${subject}”`,
    room: 'Room',
    sameRoom: (room: string) => `${room} (unchanged)`,
    roomsLoading: 'Loading rooms…',
    submit: 'Move',
    unchanged: 'Change the time or the room first.',
    movedTitle: 'Moved',
    moved: (room: string, when: string) => `${room} is yours ${when}. Exchange sent the change to the attendees.`,
  },

  cancelDialog: {
    title: 'Cancel this booking?',
    body: (subject: string, room: string, when: string) =>
      `“${subject}” in ${room}, ${when}. Exchange sends cancellations to all attendees.`,
    confirm: 'Cancel booking',
    keep: 'Keep it',
    cancelling: 'Cancelling…',
    cancelled: (subject: string) => `“${subject}” was cancelled.`,
    orders: (count: number) =>
      count === 1
        ? 'Its catering order will be cancelled too, and the caterer told.'
        : `Its ${count} catering orders will be cancelled too, and the caterers told.`,
  },
  catering: {
    label: 'Catering',
    order: (provider: string, lines: string, status: string) => `${provider}: ${lines} (${status})`,
    status: {
      requested: 'requested',
      accepted: 'accepted',
      'in-preparation': 'in preparation',
      delivered: 'delivered',
      declined: 'declined',
      cancelled: 'cancelled',
      'cancelled-by-event': 'cancelled with the booking',
    } satisfies Record<OrderStatus, string>,
  },
} as const;
