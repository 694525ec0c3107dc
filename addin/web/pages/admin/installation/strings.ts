/** Texts of the installation settings page (kept beside it to keep the admin strings file small). */
export const installationStrings = {
  tab: 'Installation',
  title: 'Installation settings',
  intro: 'Switches that apply to the whole installation.',
  formLabel: 'Installation settings',
  readOnly: 'Read-only mode',
  readOnlyHint:
    'Nobody can book, move or cancel in Roomserve. Exchange calendars stay synced and visible; Outlook keeps working as before.',
  readOnlyOnWarning: 'Read-only mode is on: Roomserve takes no bookings.',
  bookingMode: 'Booking mode',
  bookingModeHint:
    'Simple: a room, a time and a subject. Event management: employees also invite attendees from the directory and add a description, an online-meeting link and a private flag, on the Events page.',
  modeSimple: 'Simple room booking',
  modeEvents: 'Event management',
  bookingMailbox: 'Booking mailbox',
  bookingMailboxHint:
    'Organizes the meetings of users without an Exchange mailbox (external users, local accounts). Leave empty to use the service account’s own mailbox.',
  saved: 'The settings are saved.',
  fieldsInvalid: 'Some fields need attention.',
  save: 'Save',
  saving: 'Saving…',
} as const;

/** The privacy part of the installation settings (the live plan and every room timeline follow it). */
export const privacyStrings = {
  title: 'Who booked: privacy',
  organizerNames: 'Organizer names of other people’s meetings are shown to',
  namesSignedIn: 'Everyone signed in',
  namesEmployees: 'Employees only (not facility staff)',
  namesNobody: 'Nobody',
  externalsNever:
    'External users never see who booked a room, nor any subject. Admins and the organizer always see the meeting.',
  subjects: 'Subjects are shown',
  subjectsNonPrivate: 'For meetings not marked private',
  subjectsNever: 'Never',
  privateNever: 'A private meeting never shows its subject; it shows its organizer only where names are shown at all.',
  saved: 'The privacy settings are saved. Open plans update at once.',
  save: 'Save privacy settings',
  saving: 'Saving…',
} as const;
