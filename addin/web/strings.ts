/**
 * Every text the web app shows, in one place so that it can be translated later. Functions
 * cover texts with values in them; they take already formatted values.
 */
export const strings = {
  productName: 'Roomserve',
  skipToContent: 'Skip to content',
  loading: 'Loading…',
  simulatedExchange:
    "Demo: Roomserve is connected to a simulated Exchange, not to your organisation's Exchange. Bookings shown here come from the simulator.",

  nav: {
    label: 'Main',
    findRoom: 'Find a room',
    openMenu: 'Open navigation',
  },

  // The admin pages keep their texts in pages/admin/strings.ts, inside their lazy chunk.
  adminNav: {
    admin: 'Admin',
  },

  // My bookings and the booking dialog keep their texts in pages/bookings/strings.ts.
  bookingsNav: {
    myBookings: 'My bookings',
  },

  // The catalog page keeps its texts in pages/catalog/strings.ts, inside its lazy chunk.
  catalogNav: {
    catalog: 'Catalog',
  },

  // The facility board keeps its texts in pages/facility/strings.ts, inside its lazy chunk.
  facilityNav: {
    facility: 'Facility board',
  },

  userMenu: {
    label: (name: string) => `Account of ${name}`,
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    role: {
      admin: 'Administrator',
      facility: 'Facility team',
      employee: 'Employee',
      external: 'External guest',
    },
  },

  signIn: {
    title: 'Sign in to Roomserve',
    intro: 'Find and book meeting rooms in your organisation.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    invalidCredentials: 'The email or password is not right.',
    rateLimited: 'Too many attempts. Wait a minute, then try again.',
    missingFields: 'Enter your email and password.',
  },

  search: {
    title: 'Find a room',
    filtersLabel: 'Search filters',
    date: 'Date',
    start: 'From',
    end: 'To',
    minCapacity: 'People',
    tags: 'Equipment',
    tagsPlaceholder: 'Any equipment',
    building: 'Building',
    anyBuilding: 'Any building',
    floor: 'Floor',
    anyFloor: 'Any floor',
    text: 'Search',
    textPlaceholder: 'Room name or description',
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

  room: {
    capacity: (people: number) => (people === 1 ? '1 person' : `${people} people`),
    location: (building: string, floor: string) => `${building} · ${floor}`,
    noImage: 'No photo of this room',
    free: 'Free',
    busy: 'Busy',
    partiallyBusy: 'Partially busy',
    busyDuring: (ranges: string) => `Busy ${ranges}`,
    tagsLabel: 'Equipment',
  },

  timeline: {
    label: (day: string) => `Schedule on ${day}`,
    busyBlock: (from: string, to: string) => `Busy ${from}–${to}`,
    selected: (from: string, to: string) => `Your time ${from}–${to}`,
    allFree: 'No bookings this day',
    loadFailed: 'The schedule could not be loaded.',
  },

  errors: {
    title: 'Something went wrong',
    retry: 'Try again',
    network: 'The server could not be reached. Check your connection.',
    server: 'The server had a problem. Try again in a moment.',
    forbidden: 'You may not see this.',
    sessionExpired: 'Your session ended. Sign in again.',
    invalidRequest: 'The request was not accepted.',
    notFoundTitle: 'Page not found',
    notFoundBody: 'There is no page at this address.',
    backHome: 'Go to room search',
  },
} as const;
