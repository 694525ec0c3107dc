import type { AttentionReason, OrderStatus } from '../../../../shared/schemas/orders';

/**
 * Every text of the facility board, next to it so that they travel in its lazy chunk (the top
 * bar's "Facility" link lives in ../../strings.ts). Functions take already formatted values.
 */
export const facilityStrings = {
  title: 'Facility board',
  intro: 'Catering and facility orders to deliver, by delivery time and room.',
  filtersLabel: 'Board filters',
  view: 'View',
  day: 'Day',
  week: 'Week',
  date: 'Date',
  previousDay: 'Previous day',
  nextDay: 'Next day',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  today: 'Today',
  building: 'Building',
  allBuildings: 'All buildings',
  onlyAttention: 'Only orders that need attention',
  print: 'Print',
  exportCsv: 'Export CSV',
  exportCsvHint: 'All orders of the shown days and building, one row per item',
  range: (from: string, to: string) => (from === to ? from : `${from} – ${to}`),
  counts: (total: number, attention: number) =>
    `${total === 1 ? '1 order' : `${total} orders`}, ${attention} needing attention`,
  empty: 'No orders for these days.',
  emptyAttention: 'No order needs attention for these days.',
  emptyHint: 'Try another day, the week view or all buildings.',
  refreshFailed: 'The board could not be refreshed; it shows the last orders loaded.',

  live: {
    live: 'Live',
    liveTitle: 'Changes appear as they happen.',
    polling: 'Refreshes every 10 s',
    pollingTitle: 'Live updates are unavailable, so the board is reloaded every 10 seconds.',
    connecting: 'Connecting…',
  },

  slot: {
    label: (time: string, room: string, building: string) => `${time} · ${room} · ${building}`,
  },

  order: {
    label: (subject: string, room: string, time: string) => `Order for ${subject} in ${room} at ${time}`,
    room: 'Room',
    delivery: 'Delivery',
    deliveryKind: {
      'at-start': 'at the start',
      'before-start': (minutes: number) => `${minutes} min before the start`,
      'after-start': (minutes: number) => `${minutes} min after the start`,
      'at-end': 'at the end (clean-up)',
    },
    meeting: (from: string, to: string) => `Meeting ${from}–${to}`,
    items: 'Items',
    headcount: 'Headcount',
    headcountValue: (n: number, follows: boolean) =>
      `${n === 1 ? '1 person' : `${n} people`}${follows ? ' (follows attendees)' : ''}`,
    dietary: 'Dietary remarks',
    notes: 'Notes',
    costCenter: 'Cost center',
    orderer: 'Ordered by',
    placedBy: (name: string) => `placed by ${name}`,
    provider: 'Provider',
    total: 'Total',
    status: 'Status',
    none: '—',
  },

  status: {
    requested: 'Requested',
    accepted: 'Accepted',
    'in-preparation': 'In preparation',
    delivered: 'Delivered',
    declined: 'Declined',
    cancelled: 'Cancelled',
    'cancelled-by-event': 'Cancelled with its meeting',
  } satisfies Record<OrderStatus, string>,

  /** The one-click step forward, named by what it does. */
  advance: {
    accepted: 'Accept',
    'in-preparation': 'Start preparing',
    delivered: 'Mark delivered',
  },
  advanceFor: (action: string, subject: string) => `${action}: ${subject}`,
  saving: 'Saving…',

  decline: {
    button: 'Decline',
    buttonFor: (subject: string) => `Decline: ${subject}`,
    title: 'Decline this order',
    reason: 'Reason (the orderer reads it)',
    reasonRequired: 'Say why the order is declined.',
    confirm: 'Decline order',
    cancel: 'Keep order',
  },

  attention: {
    flag: 'Needs attention',
    reasonsLabel: 'Why',
    reason: {
      'inside-lead-time': 'The meeting moved inside the items’ lead time.',
      'outside-provider-hours': 'The new time is outside the provider’s working hours.',
      'item-unavailable': 'An item is not available at the new time.',
      'building-not-served': 'The meeting moved to a building the provider does not serve.',
      'headcount-after-cutoff': 'The attendee count changed after the change cut-off.',
    } satisfies Record<AttentionReason, string>,
    followEvent: 'Follow the meeting',
    followEventFor: (subject: string) => `Follow the meeting anyway: ${subject}`,
    keep: 'Keep as agreed',
    keepFor: (subject: string) => `Keep as agreed: ${subject}`,
  },

  awaiting: {
    badge: 'Waiting for the meeting to be sent',
    explanation:
      'The organizer saved this meeting in Outlook but has not sent it yet, so the room is not booked. ' +
      'Do not prepare the order until the meeting is sent; it is cancelled if the meeting starts unsent.',
  },

  changeFailed: (subject: string, why: string) => `The order for “${subject}” was not changed. ${why}`,
  dismiss: 'Dismiss',
} as const;
