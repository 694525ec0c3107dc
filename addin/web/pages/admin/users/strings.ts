import type { Role } from '../../../../../shared/schemas/users';

/** Texts of the users page. */
export const usersStrings = {
  tab: 'Users',
  title: 'Users',
  intro: 'The local accounts of Roomserve: their role, whether they may sign in, and a new password when one is lost.',
  search: 'Search users',
  searchPlaceholder: 'Name or email',
  roleFilter: 'Role',
  allRoles: 'All roles',
  roles: { admin: 'Admin', facility: 'Facility', analyst: 'Analyst', employee: 'Employee', external: 'External' } satisfies Record<
    Role,
    string
  >,
  listLabel: 'Users',
  none: 'No user matches.',
  you: '(you)',
  roleOf: (name: string) => `Role of ${name}`,
  active: 'Active',
  inactive: 'Deactivated',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  deactivateFor: (name: string) => `Deactivate ${name}`,
  reactivateFor: (name: string) => `Reactivate ${name}`,
  resetPassword: 'Reset password',
  resetPasswordFor: (name: string) => `Reset the password of ${name}`,
  resetConfirmTitle: (name: string) => `Reset the password of ${name}?`,
  resetConfirm:
    'Roomserve makes a new random password for this account. Their old password stops working and they are signed out everywhere.',
  resetting: 'Resetting…',
  cancel: 'Cancel',
  newPassword: 'New password',
  resetTitle: (name: string) => `New password for ${name}`,
  resetIntro:
    'Give this password to the user by a safe way. It is shown only now; their sessions have ended and their old password no longer works.',
  copy: 'Copy',
  copied: 'Copied',
  close: 'Close',
  roleSaved: (name: string, role: string) => `${name} is now ${role}.`,
  deactivated: (name: string) => `${name} is deactivated and signed out everywhere.`,
  reactivated: (name: string) => `${name} may sign in again.`,
  ownAccount: 'You cannot change your own role or deactivate yourself.',
  previous: 'Previous',
  next: 'Next',
  pageOf: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
} as const;
