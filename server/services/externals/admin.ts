import type { External } from '../../../shared/schemas/externals';
import type { Actor } from '../../domain/actor';
import { AppError } from '../../domain/errors';
import { externalStatus } from '../../domain/externals/rules';
import type { ExternalListRow } from '../../ports/externals';
import type { UserRecord } from '../../ports/users';
import type { ExternalsDeps } from './types';

export function presentExternal(row: ExternalListRow, now: Date): External {
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    company: row.company,
    status: externalStatus(row, now),
    invitedAt: row.invitedAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    accessExpiresAt: row.accessExpiresAt?.toISOString() ?? null,
    bookings: row.bookings,
    openBookings: row.openBookings,
  };
}

export async function listExternals(deps: ExternalsDeps): Promise<External[]> {
  const now = deps.clock.now();
  return (await deps.externals.list(now)).map((row) => presentExternal(row, now));
}

async function externalUser(deps: ExternalsDeps, id: string): Promise<UserRecord> {
  const user = await deps.users.findById(id);
  if (!user || user.role !== 'external') throw new AppError('not_found', `External ${id} not found`);
  return user;
}

const actorOf = (user: UserRecord): Actor => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  via: 'session',
});

/** The external's bookings that have not ended and the room has not declined: what deactivation cancels. */
async function cancellable(deps: ExternalsDeps, user: UserRecord): Promise<string[]> {
  const upcoming = await deps.bookings.upcoming(actorOf(user));
  return upcoming.filter((b) => b.status === 'pending' || b.status === 'confirmed').map((b) => b.id);
}

export async function deactivationPreview(deps: ExternalsDeps, id: string): Promise<{ futureBookings: number }> {
  return { futureBookings: (await cancellable(deps, await externalUser(deps, id))).length };
}

/**
 * Ends the external's access first (sessions, links, the account), so nothing new is booked while
 * their future bookings are cancelled in Exchange one by one, through the bookings path.
 */
export async function deactivate(
  deps: ExternalsDeps,
  admin: Actor,
  id: string,
): Promise<{ cancelled: number; failed: number }> {
  const user = await externalUser(deps, id);
  const now = deps.clock.now();
  await deps.users.update(user.id, { active: false });
  await deps.externals.markDeactivated(user.id, now);
  await deps.externals.revokeLinks(user.id, now);
  await deps.sessions.deleteForUser(user.id);
  let cancelled = 0;
  let failed = 0;
  for (const bookingId of await cancellable(deps, user)) {
    try {
      await deps.bookings.cancel(admin, bookingId);
      cancelled += 1;
    } catch (err) {
      failed += 1;
      deps.log.warn({ err, bookingId, externalId: user.id }, 'a deactivated external’s booking could not be cancelled');
    }
  }
  return { cancelled, failed };
}

export async function setExpiry(deps: ExternalsDeps, id: string, accessExpiresAt: Date | null): Promise<External> {
  const user = await externalUser(deps, id);
  await deps.users.update(user.id, { accessExpiresAt });
  const now = deps.clock.now();
  const row = (await deps.externals.list(now)).find((r) => r.userId === id);
  if (!row) throw new AppError('not_found', `External ${id} not found`);
  return presentExternal(row, now);
}
