import type { External } from '../../../../../shared/schemas/externals';

/** Texts of Admin → Externals. */
export const externalsStrings = {
  tab: 'Externals',
  title: 'Externals',
  intro:
    'Guests without an Exchange account: contractors, partners, customers. They book only rooms open to externals, see only their own bookings, and sign in with a password or a link by email.',
  invite: {
    title: 'Invite an external',
    name: 'Name',
    email: 'Email',
    company: 'Company',
    submit: 'Send invitation',
    submitting: 'Inviting…',
    missing: 'Enter the name and email.',
    sent: (name: string, email: string) => `Invitation sent to ${name} (${email}). The link works once, for 7 days.`,
    linkLabel: 'Invitation link',
    linkHint: 'Pass it on yourself if the email does not arrive.',
    copy: 'Copy link',
    copied: 'Copied',
  },
  import: {
    title: 'Invite from a CSV file',
    hint: 'A header row with the columns name, email and company; one external per row.',
    file: 'CSV file',
    submit: 'Import and invite',
    submitting: 'Importing…',
    noFile: 'Choose a CSV file first.',
    result: (invited: number, errors: number) =>
      `${invited} invited${errors > 0 ? `, ${errors} row${errors === 1 ? '' : 's'} not imported` : ''}.`,
    rowError: (row: number, email: string | null, message: string) =>
      `Row ${row}${email ? ` (${email})` : ''}: ${message}`,
    errorsLabel: 'Rows not imported',
  },
  settings: {
    title: 'Rules for externals',
    employeesMayInvite: 'Employees may invite externals',
    invitationsPerDay: 'Invitations per employee and day',
    maxOpenBookings: 'Open bookings per external',
    save: 'Save rules',
    saving: 'Saving…',
    saved: 'Rules saved.',
  },
  list: {
    label: 'Externals',
    none: 'No externals yet. Invite one above.',
    status: { invited: 'Invited', active: 'Active', expired: 'Expired', deactivated: 'Deactivated' } satisfies Record<
      External['status'],
      string
    >,
    company: (company: string | null) => company ?? 'No company',
    lastSignIn: (when: string) => `Last sign-in ${when}`,
    neverSignedIn: 'Never signed in',
    bookings: (all: number, open: number) => `${all} booking${all === 1 ? '' : 's'}, ${open} open`,
    expiry: 'Access ends on',
    expiryOf: (name: string) => `Access of ${name} ends on`,
    saveExpiry: 'Set end date',
    clearExpiry: 'No end date',
    expirySaved: (name: string) => `End date of ${name} saved.`,
    newLink: 'New invitation link',
    newLinkFor: (name: string) => `New invitation link for ${name}`,
    deactivate: 'Deactivate',
    deactivateFor: (name: string) => `Deactivate ${name}`,
  },
  deactivate: {
    title: (name: string) => `Deactivate ${name}?`,
    counting: 'Counting their future bookings…',
    consequence: (count: number) =>
      count === 0
        ? 'They have no future bookings. They are signed out at once and their links stop working.'
        : `This cancels ${count} future booking${count === 1 ? '' : 's'} in Exchange. They are signed out at once and their links stop working.`,
    confirm: (count: number) => (count === 0 ? 'Deactivate' : `Deactivate and cancel ${count}`),
    working: 'Deactivating…',
    cancel: 'Keep',
    done: (name: string, cancelled: number, failed: number) =>
      `${name} was deactivated; ${cancelled} booking${cancelled === 1 ? '' : 's'} cancelled in Exchange${failed > 0 ? `, ${failed} could not be cancelled now` : ''}.`,
  },
};
