import type { Role } from '../../../shared/schemas/users';

/** The installation's rules for externals (one row, `external_settings`). */
export interface ExternalSettings {
  /** Employees may invite externals too (admins always may). */
  readonly employeesMayInvite: boolean;
  /** Invitations one person may send within a day. */
  readonly invitationsPerDay: number;
  /** Pending or confirmed future bookings one external may hold at once. */
  readonly maxOpenBookings: number;
}

export const DEFAULT_EXTERNAL_SETTINGS: ExternalSettings = {
  employeesMayInvite: false,
  invitationsPerDay: 20,
  maxOpenBookings: 5,
};

export type LinkPurpose = 'invitation' | 'sign-in';

const MINUTE_MS = 60_000;

/** An invitation waits a week; a passwordless sign-in link lasts 15 minutes. */
export const LINK_LIFETIME_MS: Readonly<Record<LinkPurpose, number>> = {
  invitation: 7 * 24 * 60 * MINUTE_MS,
  'sign-in': 15 * MINUTE_MS,
};

/** The window the inviter's rate limit counts in. */
export const INVITATION_WINDOW_MS = 24 * 60 * MINUTE_MS;

/** Sign-in links one address may request within SIGN_IN_LINK_WINDOW_MS (each is an email sent). */
export const SIGN_IN_LINKS_PER_WINDOW = 3;
export const SIGN_IN_LINK_WINDOW_MS = 15 * MINUTE_MS;

export interface OneTimeLink {
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

/** A link is good once, and only before it expires. */
export function linkState(link: OneTimeLink, now: Date): 'usable' | 'used' | 'expired' {
  if (link.usedAt !== null) return 'used';
  return link.expiresAt.getTime() > now.getTime() ? 'usable' : 'expired';
}

export const linkExpiry = (purpose: LinkPurpose, now: Date): Date =>
  new Date(now.getTime() + LINK_LIFETIME_MS[purpose]);

/** Who may invite: admins always, employees when the installation allows it, nobody else. */
export function mayInvite(role: Role, settings: ExternalSettings): boolean {
  return role === 'admin' || (role === 'employee' && settings.employeesMayInvite);
}

/**
 * Whether `count` more invitations fit the inviter's daily budget, given those sent in the last
 * day. Admins have none: they import whole lists, and may change the budget anyway.
 */
export const invitationsAllowed = (
  role: Role,
  sentInWindow: number,
  count: number,
  settings: ExternalSettings,
): boolean => role === 'admin' || sentInWindow + count <= settings.invitationsPerDay;

/** Whether the inviter's invitations are counted at all. */
export const invitationsCounted = (role: Role): boolean => role !== 'admin';

/** Whether one more booking fits an external's limit of open bookings. */
export const bookingAllowed = (openBookings: number, settings: ExternalSettings): boolean =>
  openBookings < settings.maxOpenBookings;

export type ExternalStatus = 'invited' | 'active' | 'expired' | 'deactivated';

/** Where an external stands, as the admin's list shows it. */
export function externalStatus(
  external: {
    readonly active: boolean;
    readonly accessExpiresAt: Date | null;
    readonly acceptedAt: Date | null;
    readonly deactivatedAt: Date | null;
  },
  now: Date,
): ExternalStatus {
  // Admin → Users may reactivate the account itself: then the deactivation no longer holds.
  if (external.deactivatedAt !== null && !external.active) return 'deactivated';
  if (external.accessExpiresAt !== null && external.accessExpiresAt.getTime() <= now.getTime()) return 'expired';
  if (external.acceptedAt === null) return 'invited';
  return external.active ? 'active' : 'deactivated';
}
