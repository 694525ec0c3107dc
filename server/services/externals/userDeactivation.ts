import type { UserPatch } from '../../../shared/schemas/auth';
import type { Actor } from '../../domain/actor';
import type { UserService } from '../auth/userService';
import type { ExternalsService } from './index';

/**
 * Admin → Users deactivates an external the way Admin → Externals does: through the externals'
 * one deactivation (sessions and links ended, future bookings cancelled in Exchange), so the two
 * screens never differ in what deactivating an external means.
 */
export function withExternalDeactivation(
  users: UserService,
  externals: Pick<ExternalsService, 'deactivate'>,
): UserService {
  return {
    ...users,
    async update(actor: Actor, id: string, patch: UserPatch) {
      if (patch.active !== false) return users.update(actor, id, patch);
      const target = await users.get(id);
      if (target.role !== 'external' || !target.active) return users.update(actor, id, patch);
      await externals.deactivate(actor, id);
      const rest: UserPatch = { ...patch };
      delete rest.active;
      return Object.keys(rest).length > 0 ? users.update(actor, id, rest) : users.get(id);
    },
  };
}
