/**
 * Every text the web app shows, in one place so that it can be translated later. Functions
 * cover texts with values in them; they take already formatted values.
 */
export const strings = {
  productName: 'Roomserve',
  skipToContent: 'Skip to content',
  simulatedExchange:
    "Demo: Roomserve is connected to a simulated Exchange, not to your organisation's Exchange. Bookings shown here come from the simulator.",

  nav: {
    label: 'Main',
    findRoom: 'Find a room',
    openMenu: 'Open navigation',
    menu: 'Menu',
  },

  // The admin pages keep their texts in pages/admin/strings.ts, inside their lazy chunk.
  adminNav: {
    admin: 'Admin',
  },

  // The live office plan keeps its texts in pages/plan/strings.ts, inside its lazy chunk.
  planNav: {
    plan: 'Office plan',
  },

  // My bookings and the booking dialog keep their texts in pages/bookings/strings.ts.
  bookingsNav: {
    myBookings: 'My bookings',
  },

  // The events page keeps its texts in pages/events/strings.ts.
  eventsNav: {
    events: 'Events',
  },

  // The catalog page keeps its texts in pages/catalog/strings.ts, inside its lazy chunk.
  catalogNav: {
    catalog: 'Catalog',
  },

  // The facility board keeps its texts in pages/facility/strings.ts, inside its lazy chunk.
  facilityNav: {
    facility: 'Facility board',
  },

  analyticsNav: {
    analytics: 'Analytics',
  },

  userMenu: {
    label: (name: string) => `Account of ${name}`,
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    role: {
      admin: 'Administrator',
      facility: 'Facility team',
      analyst: 'Analyst',
      employee: 'Employee',
      external: 'External guest',
    },
  },

  search: {
    title: 'Find a room',
    filtersLabel: 'Search filters',
    date: 'Date',
    start: 'From',
    end: 'To',
    minCapacity: 'People',
    onlyAvailable: 'Only available rooms',
    submit: 'Search',
    reset: 'Reset',
    endBeforeStart: 'The end must be after the start.',
    resultsLabel: 'Rooms',
    resultCount: (total: number) => (total === 1 ? '1 room' : `${total} rooms`),
    empty: 'No room matches these filters.',
    emptyHint: 'Try fewer equipment tags, a smaller group or another time.',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    pagination: 'Pages of results',
  },

  timeline: {
    label: (day: string) => `Schedule on ${day}`,
    busyBlock: (from: string, to: string) => `Busy ${from}–${to}`,
    closedBlock: (from: string, to: string) => `Building closed ${from}–${to}`,
    selected: (from: string, to: string) => `Your time ${from}–${to}`,
    /** The building's clocks read otherwise than the browser's: e.g. "15:00–16:00 Europe/Berlin". */
    buildingTime: (note: string) => `In the building: ${note}`,
    allFree: 'No bookings this day',
    /** A booking as the reader may see it (the server redacts per the privacy settings): "Sprint review, booked by Olga". */
    whoBooked: (subject: string, organizer: string | undefined) =>
      organizer === undefined || organizer.trim() === '' ? subject : `${subject}, booked by ${organizer}`,
    loadFailed: 'The schedule could not be loaded.',
  },

  errors: {
    // What failed calls say is shared with the taskpane (ui/strings.ts).
    notFoundTitle: 'Page not found',
    notFoundBody: 'There is no page at this address.',
    backHome: 'Go to room search',
  },
} as const;
