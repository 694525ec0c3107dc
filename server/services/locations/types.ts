import type { z } from 'zod';
import type {
  buildingInputSchema,
  buildingPatchSchema,
  floorInputSchema,
  floorPatchSchema,
  roomInputSchema,
  roomPatchSchema,
} from '../../../shared/schemas/locations';
import type { FileRepository } from '../../ports/files';
import type { BuildingRepository, FloorRepository, RoomMailboxVerifier, RoomRepository } from '../../ports/locations';
import type { Clock } from '../../ports/clock';

export type BuildingInput = z.output<typeof buildingInputSchema>;
export type BuildingPatch = z.output<typeof buildingPatchSchema>;
export type FloorInput = z.output<typeof floorInputSchema>;
export type FloorPatch = z.output<typeof floorPatchSchema>;
export type RoomInput = z.output<typeof roomInputSchema>;
export type RoomPatch = z.output<typeof roomPatchSchema>;

export interface DeleteOptions {
  /** Also delete what hangs below (floors, rooms, bookings); see domain/locations/deletion.ts. */
  readonly cascade: boolean;
}

export interface LocationsServiceDeps {
  readonly buildings: BuildingRepository;
  readonly floors: FloorRepository;
  readonly rooms: RoomRepository;
  readonly files: FileRepository;
  /** The source of "now". */
  readonly clock: Clock;
  /** Wired in by the Exchange issue; without it a room's mailbox stays `unconnected`. */
  readonly mailboxVerifier?: RoomMailboxVerifier;
  /** Told whenever the verifier's Exchange connection changes: waiting rooms are verified again. */
  readonly onMailboxVerifierChanged?: (listener: () => void) => void;
  /** Waits between the tries of a verification that failed in passing (default 2 s … 60 s). */
  readonly verificationRetryDelaysMs?: readonly number[];
  readonly warn?: (details: object, message: string) => void;
  /** Told after a building was created, changed or deleted (the room search caches buildings' opening hours). */
  readonly onBuildingsChanged?: () => void;
}
