import type { Floor, Room } from '../../../shared/schemas/locations';
import type { Actor } from '../../domain/actor';
import { conflict, invalid, notFound, unprocessable } from '../../domain/errors';
import { roomDeletion } from '../../domain/locations/deletion';
import { polygonProblems, type Point } from '../../domain/locations/polygon';
import { normaliseTags } from '../../domain/locations/tags';
import type { ExchangeConnectionWrite, RoomWrite } from '../../ports/locations';
import type { DeleteOptions, LocationsServiceDeps, RoomInput, RoomPatch } from './types';
import { mailboxVerification } from './verification';

// Mailbox addresses are case-insensitive in Exchange; one spelling keeps matching simple.
const normaliseEmail = (email: string | null): string | null => (email === null ? null : email.trim().toLowerCase());

const unconnected = (email: string | null): ExchangeConnectionWrite => ({
  email,
  state: 'unconnected',
  checkedAt: null,
  error: null,
});

function checkShape(shape: readonly Point[] | null, floor: Floor): void {
  if (shape === null) return;
  const problems = polygonProblems(shape, floor.plan);
  if (problems.length > 0)
    throw unprocessable(`The room outline is not usable: ${problems.join('; ')}`, { field: 'shape', problems });
}

export function roomUseCases(deps: LocationsServiceDeps) {
  const { rooms, floors, files } = deps;

  async function getRoom(id: string): Promise<Room> {
    const room = await rooms.findById(id);
    if (!room) throw notFound('Room', id);
    return room;
  }

  async function floorFor(floorId: string): Promise<Floor> {
    const floor = await floors.findById(floorId);
    if (!floor) throw unprocessable(`No floor ${floorId}`, { field: 'floorId' });
    return floor;
  }

  async function checkImages(fileIds: readonly string[]): Promise<void> {
    if (new Set(fileIds).size !== fileIds.length) throw invalid('An image is listed twice', { field: 'imageFileIds' });
    const found = new Set((await files.findMany(fileIds)).map((f) => f.id));
    const missing = fileIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw unprocessable('Some images were never uploaded', { field: 'imageFileIds', missing });
  }

  const verification = mailboxVerification({
    rooms,
    verifier: deps.mailboxVerifier,
    now: () => deps.clock.now(),
    ...(deps.verificationRetryDelaysMs ? { retryDelaysMs: deps.verificationRetryDelaysMs } : {}),
    ...(deps.warn ? { warn: deps.warn } : {}),
  });
  const verifyMailbox = (room: Room): Promise<Room> => verification.verifyMailbox(room);
  // Rooms entered before Exchange was configured (or that failed on the old settings) are checked on the new ones.
  deps.onMailboxVerifierChanged?.(() => {
    verification.reverifyRooms().catch((err: unknown) => deps.warn?.({ err }, 'rooms could not be verified again'));
  });

  return {
    getRoom,
    /** A room as `actor` may see it: an external user sees only rooms opened to externals. */
    async getRoomFor(id: string, actor: Actor): Promise<Room> {
      const room = await getRoom(id);
      if (actor.role === 'external' && !room.bookableExternal) throw notFound('Room', id);
      return room;
    },
    reverifyRooms: () => verification.reverifyRooms(),
    stopVerificationRetries: () => verification.stopRetries(),
    async createRoom(input: RoomInput): Promise<Room> {
      checkShape(input.shape, await floorFor(input.floorId));
      await checkImages(input.imageFileIds);
      const { exchangeEmail, tags, ...rest } = input;
      const write: RoomWrite = {
        ...rest,
        tags: normaliseTags(tags),
        exchange: unconnected(normaliseEmail(exchangeEmail)),
      };
      return verifyMailbox(await rooms.create(write));
    },
    async updateRoom(id: string, patch: RoomPatch): Promise<Room> {
      const current = await getRoom(id);
      const { exchangeEmail, tags, ...rest } = patch;
      if (patch.floorId !== undefined || patch.shape !== undefined) {
        checkShape(
          patch.shape === undefined ? current.shape : patch.shape,
          await floorFor(patch.floorId ?? current.floorId),
        );
      }
      if (patch.imageFileIds !== undefined) await checkImages(patch.imageFileIds);
      const email = exchangeEmail === undefined ? undefined : normaliseEmail(exchangeEmail);
      const emailChanged = email !== undefined && email !== current.exchange.email;
      const updated = await rooms.update(id, {
        ...rest,
        ...(tags === undefined ? {} : { tags: normaliseTags(tags) }),
        ...(emailChanged ? { exchange: unconnected(email) } : {}),
      });
      if (!updated) throw notFound('Room', id);
      return emailChanged ? verifyMailbox(updated) : updated;
    },
    async deleteRoom(id: string, options: DeleteOptions): Promise<void> {
      await getRoom(id);
      const upcoming = await rooms.countUpcomingConfirmedBookings(id, deps.clock.now());
      const verdict = roomDeletion(upcoming, options.cascade);
      if (!verdict.allowed) throw conflict(verdict.reason, { upcomingConfirmedBookings: upcoming });
      await rooms.delete(id);
    },
  };
}
