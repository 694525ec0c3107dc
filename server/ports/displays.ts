import type { DisplaySettingsView, RoomDisplaySettingsView } from '../../shared/schemas/displays';
import type { DisplayPrincipal } from '../domain/displays/principal';

export interface NewDisplay {
  readonly roomId: string;
  readonly createdBy: string;
  /** The pairing code's keyed hash (HMAC under the secret key); the code itself is never stored. */
  readonly pairingCodeHash: string;
  readonly pairingExpiresAt: Date;
  readonly createdAt: Date;
}

export interface DisplayRecord {
  readonly id: string;
  readonly roomId: string;
  readonly roomName: string;
  readonly createdAt: Date;
  readonly pairingExpiresAt: Date | null;
  readonly pairedAt: Date | null;
  readonly lastSeenAt: Date | null;
  readonly appVersion: string | null;
  readonly pinSet: boolean;
}

export interface PairedDevice extends DisplayPrincipal {
  readonly lastSeenAt: Date | null;
  readonly appVersion: string | null;
}

export interface DisplayRepository {
  /** Undefined when there is no such room. */
  create(display: NewDisplay): Promise<DisplayRecord | undefined>;
  /** Every display not revoked, by room name. */
  list(): Promise<DisplayRecord[]>;
  /** False when there is no such display, or it was revoked already. */
  revoke(id: string, at: Date): Promise<boolean>;
  /**
   * Spends the pairing code: only an unexpired, unused code of a display not revoked pairs, and
   * only once even when two tablets race with it. Undefined when the code does not pair.
   */
  pair(pairingCodeHash: string, tokenHash: string, now: Date): Promise<DisplayPrincipal | undefined>;
  /** The paired, not revoked display holding this token. */
  findByTokenHash(tokenHash: string): Promise<PairedDevice | undefined>;
  markSeen(id: string, at: Date, appVersion: string | null): Promise<void>;
  /** Sets or (null) removes the PIN's hash; false when there is no such display or it was revoked. */
  setPinHash(id: string, pinHash: string | null): Promise<boolean>;
  /** The PIN's hash of a paired, not revoked display: null without a PIN, undefined when revoked or unknown. */
  pinHashOf(id: string): Promise<string | null | undefined>;
}

/** The display's room, with what the wall shows of it. */
export interface DisplayRoom {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  readonly tags: readonly string[];
  readonly floorId: string;
  readonly floorName: string;
  readonly buildingId: string;
  readonly buildingName: string;
  readonly timeZone: string;
}

export interface DisplayRoomRepository {
  roomOf(roomId: string): Promise<DisplayRoom | undefined>;
}

export interface DisplaySettingsRepository {
  /** Undefined until an admin saves them. */
  installation(): Promise<DisplaySettingsView | undefined>;
  saveInstallation(settings: DisplaySettingsView, at: Date): Promise<void>;
  /** Undefined when the room has no overrides. */
  room(roomId: string): Promise<RoomDisplaySettingsView | undefined>;
  /** False when there is no such room. */
  saveRoom(roomId: string, settings: RoomDisplaySettingsView, at: Date): Promise<boolean>;
}

export type DisplayActionKind = 'check-in' | 'book-now' | 'end' | 'extend';

export interface DisplayActionFact {
  readonly displayId: string;
  readonly roomId: string;
  readonly bookingId: string | null;
  readonly kind: DisplayActionKind;
  readonly requestId: string;
  readonly minutes: number | null;
  readonly at: Date;
}

export interface DisplayActionRepository {
  /** Whether this display already acted on this request id. */
  seen(displayId: string, requestId: string): Promise<boolean>;
  /** False when the request id was recorded meanwhile (a double tap raced): it acted once. */
  record(fact: DisplayActionFact): Promise<boolean>;
  /** Of these bookings, those someone checked in to. */
  checkedIn(bookingIds: readonly string[]): Promise<Set<string>>;
  /** The booking an earlier action with this request id acted on; undefined when there was none. */
  bookingOf(displayId: string, requestId: string): Promise<string | null | undefined>;
  /** Ties a book-now fact, recorded before its meeting request was sent, to the booking it made. */
  link(displayId: string, requestId: string, bookingId: string): Promise<void>;
  /** Takes back the claim of an action Exchange refused or never took: nothing half-way is kept. */
  forget(displayId: string, requestId: string): Promise<void>;
}
