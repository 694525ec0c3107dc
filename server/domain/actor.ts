import type { Role } from '../../shared/schemas/users';

/** Who is making a request, once authenticated. */
export interface Actor {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** How the request proved who it is; CSRF applies to cookie sessions only. */
  readonly via: 'session' | 'token';
}

// An analyst ranks with employees: analytics is a separate grant (mayReadAnalytics), not a step up.
const RANK: Readonly<Record<Role, number>> = { external: 0, employee: 1, analyst: 1, facility: 2, admin: 3 };

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** Facility staff manage orders and the catalog; admins may do everything facility staff may. */
export function isFacilityOrAdmin(actor: Actor): boolean {
  return RANK[actor.role] >= RANK.facility;
}

/** Room analytics: admins and analysts. */
export function mayReadAnalytics(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'analyst';
}
