/**
 * The texts of what the web app and the Outlook taskpane share: status and error views, sign-in
 * and the room filters. Each front end keeps its own texts in its own strings.ts; functions take
 * values that are already formatted.
 */
export const uiStrings = {
  loading: 'Loading…',

  errors: {
    title: 'Something went wrong',
    retry: 'Try again',
    network: 'The server could not be reached. Check your connection.',
    server: 'The server had a problem. Try again in a moment.',
    invalidRequest: 'The request was not accepted.',
    // The web app's words; the taskpane words these two for Outlook (taskpane/errors.ts).
    forbidden: 'You may not see this.',
    sessionExpired: 'Your session ended. Sign in again.',
    linkGone: 'This link was used already or has expired. Ask for a new one.',
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
    ssoButton: (name: string) => `Sign in with ${name}`,
    passwordDivider: 'or with a Roomserve password',
    breakGlassDivider: 'Emergency sign-in for the named administrator',
    passwordOff: 'Password sign-in is turned off. Use the button above.',
    noPassword: 'No password? Email me a sign-in link',
  },

  /** After an admin reset the password: a new one before anything else. */
  changePassword: {
    title: 'Choose a new password',
    intro: 'An administrator reset your password. Choose a new one that only you know to go on.',
    current: 'Password from the administrator',
    next: 'New password',
    repeated: 'New password again',
    submit: 'Save new password',
    submitting: 'Saving…',
    signOut: 'Sign out',
    missingFields: 'Enter the password you were given and a new one.',
    tooShort: 'The new password needs at least 12 characters.',
    mismatch: 'The two new passwords are not the same.',
    wrongCurrent: 'The password from the administrator is not right.',
  },

  /** Externals (guests without an Exchange account) sign in by a link sent to their email. */
  signInLink: {
    title: 'Sign in by email',
    intro: 'Guests without a password get a link that signs them in once, within 15 minutes.',
    email: 'Email',
    submit: 'Email me a sign-in link',
    submitting: 'Sending…',
    missingEmail: 'Enter your email.',
    sent: (email: string) =>
      `If ${email} belongs to a guest account, a sign-in link is on its way. It works once, for 15 minutes.`,
    back: 'Sign in with a password',
  },

  room: {
    capacity: (people: number) => (people === 1 ? '1 person' : `${people} people`),
    location: (building: string, floor: string) => `${building} · ${floor}`,
    tagsLabel: 'Equipment',
    noImage: 'No photo of this room',
    free: 'Free',
    busy: 'Busy',
    partiallyBusy: 'Partially busy',
    busyDuring: (ranges: string) => `Busy ${ranges}`,
    closed: 'Closed',
    closedDuring: (ranges: string) => `Building closed ${ranges}`,
  },

  filters: {
    tags: 'Equipment',
    tagsPlaceholder: 'Any equipment',
    building: 'Building',
    anyBuilding: 'Any building',
    floor: 'Floor',
    anyFloor: 'Any floor',
    text: 'Search',
    textPlaceholder: 'Room name or description',
  },
} as const;
