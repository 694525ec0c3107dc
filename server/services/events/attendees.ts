import type { EventInput } from '../../../shared/schemas/events';
import type { Actor } from '../../domain/actor';
import { AppError, unprocessable } from '../../domain/errors';
import { GatewayError } from '../../ports/calendarGateway';
import type { EventServiceDeps } from './types';

/**
 * Who is invited: required and optional addresses, each once, never the organizer. An address in
 * the organisation's own domains must be in Exchange's directory (a typo would otherwise bounce
 * silently); any other domain is an external guest and is taken as typed.
 */

export interface Invitees {
  readonly required: string[];
  readonly optional: string[];
}

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

export function splitAttendees(actor: Actor, attendees: EventInput['attendees']): Invitees {
  const seen = new Set<string>([actor.email.toLowerCase()]);
  const out: Invitees = { required: [], optional: [] };
  // Required wins when an address is given twice.
  const ordered = [...attendees].sort((a, b) => (a.type === b.type ? 0 : a.type === 'required' ? -1 : 1));
  for (const a of ordered) {
    const email = a.email.trim().toLowerCase();
    if (seen.has(email)) continue;
    seen.add(email);
    out[a.type].push(email);
  }
  return out;
}

/** Addresses the directory confirmed lately: an attendee list is mostly the same people again. */
export interface KnownAddresses {
  has(email: string): boolean;
  add(email: string): void;
}

/** A bounded memory of confirmed addresses that forgets each after `ttlMs`. */
export function knownAddresses(now: () => number, ttlMs = 10 * 60_000, size = 5000): KnownAddresses {
  const seen = new Map<string, number>();
  return {
    has(email) {
      const at = seen.get(email);
      if (at === undefined) return false;
      if (now() - at <= ttlMs) return true;
      seen.delete(email);
      return false;
    },
    add(email) {
      seen.delete(email);
      seen.set(email, now());
      const oldest = seen.keys().next();
      if (seen.size > size && !oldest.done) seen.delete(oldest.value);
    },
  };
}

/** Directory look-ups at once per event: they share the service account's budget with everything else. */
const RESOLVE_AT_ONCE = 8;

/** Throws 422 naming every internal address the directory does not know. */
export async function ensureKnownInternal(
  deps: EventServiceDeps,
  known: KnownAddresses,
  actor: Actor,
  roomEmail: string,
  emails: readonly string[],
): Promise<void> {
  const internal = new Set([domainOf(actor.email), domainOf(roomEmail)]);
  const toCheck = emails.filter((e) => internal.has(domainOf(e)) && !known.has(e));
  if (toCheck.length === 0) return;
  const directory = await deps.directory();
  if (!directory) throw new AppError('unavailable', 'No Exchange connection is configured.');
  const unknown: string[] = [];
  try {
    for (let i = 0; i < toCheck.length; i += RESOLVE_AT_ONCE) {
      const batch = toCheck.slice(i, i + RESOLVE_AT_ONCE);
      const found = await Promise.all(batch.map((email) => directory.resolveAddress(email)));
      batch.forEach((email, index) => {
        if (found[index]) known.add(email);
        else unknown.push(email);
      });
    }
  } catch (err) {
    const detail = err instanceof GatewayError ? err.message : 'no answer';
    throw new AppError('unavailable', `Exchange's directory cannot be reached to check the attendees: ${detail}`);
  }
  if (unknown.length > 0)
    throw unprocessable(`Unknown attendee${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, {
      unknownAttendees: unknown,
    });
}
