import type { z } from 'zod';
import type { Building, buildingInputSchema, EXCHANGE_STATES, Floor, Room } from '../../shared/schemas/locations';
import type { Point } from '../domain/locations/polygon';

export type BuildingWrite = z.output<typeof buildingInputSchema>;

export interface BuildingRepository {
  list(): Promise<Building[]>;
  findById(id: string): Promise<Building | undefined>;
  create(data: BuildingWrite): Promise<Building>;
  /** Undefined when no building has this id. */
  update(id: string, data: Partial<BuildingWrite>): Promise<Building | undefined>;
  countRooms(id: string): Promise<number>;
  /** Deletes the building with its floors and rooms; false when there was none. */
  delete(id: string): Promise<boolean>;
}

export interface FloorPlanWrite {
  readonly fileId: string;
  readonly width: number;
  readonly height: number;
}

export interface FloorWrite {
  readonly buildingId: string;
  readonly name: string;
  readonly level: number;
  readonly plan: FloorPlanWrite | null;
}

export interface FloorRepository {
  list(filter: { readonly buildingId?: string }): Promise<Floor[]>;
  findById(id: string): Promise<Floor | undefined>;
  /** Throws a `conflict` AppError when the building already has a floor on this level. */
  create(data: FloorWrite): Promise<Floor>;
  update(id: string, data: Partial<Omit<FloorWrite, 'buildingId'>>): Promise<Floor | undefined>;
  countRooms(id: string): Promise<number>;
  delete(id: string): Promise<boolean>;
}

export type ExchangeState = (typeof EXCHANGE_STATES)[number];

export interface ExchangeConnectionWrite {
  readonly email: string | null;
  readonly state: ExchangeState;
  readonly checkedAt: Date | null;
  readonly error: string | null;
}

export interface RoomWrite {
  readonly floorId: string;
  readonly name: string;
  readonly description: string;
  readonly capacity: number;
  readonly tags: readonly string[];
  /** Uploaded image file ids in display order. */
  readonly imageFileIds: readonly string[];
  readonly shape: readonly Point[] | null;
  readonly exchange: ExchangeConnectionWrite;
  readonly bookableInternal: boolean;
  readonly bookableExternal: boolean;
  readonly active: boolean;
}

export interface RoomRepository {
  findById(id: string): Promise<Room | undefined>;
  /** Throws a `conflict` AppError when another room already uses the Exchange email. */
  create(data: RoomWrite): Promise<Room>;
  update(id: string, data: Partial<RoomWrite>): Promise<Room | undefined>;
  /** The room's confirmed bookings that have not ended at `now`. */
  countUpcomingConfirmedBookings(id: string, now: Date): Promise<number>;
  delete(id: string): Promise<boolean>;
  /** Rooms with an Exchange email in state unconnected, verifying or failed. */
  awaitingVerification(): Promise<RoomAwaitingVerification[]>;
  /**
   * Records a verification verdict, but only while the room still has that email: an address the
   * admin changed meanwhile is not given the old address's verdict; nor is a room that another
   * check verified meanwhile (another instance's re-verification at start, the admin's save) taken
   * back to verifying or failed. Undefined when it was not written.
   */
  recordVerification(id: string, exchange: ExchangeConnectionWrite): Promise<Room | undefined>;
}

export type MailboxCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: string }
  /** No Exchange connection exists yet: nothing was checked, so nothing is decided about the mailbox. */
  | { readonly ok: 'not-configured' };

/**
 * Checks that an Exchange mailbox exists and that Roomserve may read its calendar
 * (implemented by the Exchange service on the EWS adapter).
 */
export interface RoomMailboxVerifier {
  verify(email: string): Promise<MailboxCheck>;
  /**
   * Like `verify`, but tells a passing failure (Exchange busy, overloaded, too slow) apart: the
   * room is then checked again later instead of failing.
   */
  check?(email: string): Promise<MailboxVerdict>;
}

export type MailboxVerdict = MailboxCheck | { readonly ok: 'retry'; readonly error: string };

/** A room whose mailbox was entered but is not verified (yet): never checked, failed or in retry. */
export interface RoomAwaitingVerification {
  readonly id: string;
  readonly email: string;
}
