import type { ExternalSettings, LinkPurpose } from '../domain/externals/rules';

/** A one-time email link as stored: only the token's hash. */
export interface StoredLink {
  readonly id: string;
  readonly purpose: LinkPurpose;
  readonly userId: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export interface NewLink {
  readonly tokenHash: string;
  readonly purpose: LinkPurpose;
  readonly userId: string;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface ExternalProfile {
  readonly userId: string;
  readonly company: string | null;
  readonly invitedBy: string | null;
  readonly invitedAt: Date;
  readonly acceptedAt: Date | null;
  readonly deactivatedAt: Date | null;
  readonly lastSignInAt: Date | null;
}

/** One row of the admin's list: the account, its profile and its bookings. */
export interface ExternalListRow extends ExternalProfile {
  readonly email: string;
  readonly name: string;
  readonly active: boolean;
  readonly accessExpiresAt: Date | null;
  /** Every booking the external made in Roomserve. */
  readonly bookings: number;
  /** Pending or confirmed bookings that have not ended yet. */
  readonly openBookings: number;
}

export interface ExternalRepository {
  settings(): Promise<ExternalSettings>;
  saveSettings(settings: ExternalSettings): Promise<ExternalSettings>;
  /** Creates or updates the profile (a second invitation refreshes company and inviter). */
  saveProfile(profile: {
    readonly userId: string;
    readonly company: string | null;
    readonly invitedBy: string | null;
    readonly invitedAt: Date;
  }): Promise<void>;
  profile(userId: string): Promise<ExternalProfile | undefined>;
  markAccepted(userId: string, at: Date): Promise<void>;
  /** `at` null: no longer deactivated (an admin invited them again and they accepted). */
  markDeactivated(userId: string, at: Date | null): Promise<void>;
  recordSignIn(userId: string, at: Date): Promise<void>;
  list(now: Date): Promise<ExternalListRow[]>;
  openBookings(userId: string, now: Date): Promise<number>;
  insertLink(link: NewLink): Promise<void>;
  findLink(tokenHash: string): Promise<StoredLink | undefined>;
  /** Marks the link used unless it already was; false when another request used it first. */
  useLink(id: string, at: Date): Promise<boolean>;
  /** Every unused link of the user stops working (deactivation). */
  revokeLinks(userId: string, at: Date): Promise<void>;
  /** Invitations this person created since `since` (their rate limit). */
  invitationsSentBy(inviterId: string, since: Date): Promise<number>;
  /** Sign-in links created for this user since `since`. */
  signInLinksFor(userId: string, since: Date): Promise<number>;
}

/** One email to an external, written to the outbox (sent by its dispatcher, retried there). */
export interface ExternalMailMessage {
  /** The same key never sends twice (e.g. `booking-confirmed:<id>`). */
  readonly dedupeKey: string;
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachments?: readonly MailAttachment[];
}

export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: string;
}

export interface ExternalMailbox {
  enqueue(message: ExternalMailMessage): Promise<void>;
}
