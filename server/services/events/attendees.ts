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

/** Throws 422 naming every internal address the directory does not know. */
export async function ensureKnownInternal(
  deps: EventServiceDeps,
  actor: Actor,
  roomEmail: string,
  emails: readonly string[],
): Promise<void> {
  const internal = new Set([domainOf(actor.email), domainOf(roomEmail)]);
  const toCheck = emails.filter((e) => internal.has(domainOf(e)));
  if (toCheck.length === 0) return;
  const directory = await deps.directory();
  if (!directory) throw new AppError('unavailable', 'No Exchange connection is configured.');
  const unknown: string[] = [];
  try {
    // Few at a time: these share the service account's budget with everything else.
    for (let i = 0; i < toCheck.length; i += 4) {
      const batch = toCheck.slice(i, i + 4);
      const found = await Promise.all(batch.map((email) => directory.resolveAddress(email)));
      batch.forEach((email, index) => {
        if (!found[index]) unknown.push(email);
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
