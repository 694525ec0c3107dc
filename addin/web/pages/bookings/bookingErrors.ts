import { z } from 'zod';
import { bookingConflictSchema, type BookingConflict } from '../../../../shared/schemas/bookings';
import { isApiError } from '../../../api/client';
import { describeError } from '../../../ui/errors';
import { bookingStrings } from './strings';

/** What a failed booking call means for the user: taken (with choices), a declined move, or a reason in words. */
export type BookingFailure =
  | { readonly kind: 'taken'; readonly conflict: BookingConflict }
  | { readonly kind: 'move-declined'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

/** A declined PATCH carries `{ outcome }`; the booking kept its earlier time and room. */
const moveOutcome = z.object({ outcome: z.string() });

/**
 * Rule breaches (read-only, opening hours, too long, booking window, role, notice) come as
 * forbidden / unprocessable / validation_failed with a sentence that names the limit, e.g.
 * "This room can be booked for at most 120 minutes." — that sentence is the most precise reason
 * we have, so it is shown as is. Generic texts only for what the server could not word for us.
 */
export function bookingFailure(error: unknown): BookingFailure {
  if (!isApiError(error) || error.status === 0) return { kind: 'refused', message: describeError(error) };
  switch (error.code) {
    case 'conflict': {
      const taken = bookingConflictSchema.safeParse(error.details);
      if (taken.success) return { kind: 'taken', conflict: taken.data };
      if (moveOutcome.safeParse(error.details).success) return { kind: 'move-declined', message: error.message };
      return { kind: 'refused', message: error.message };
    }
    case 'forbidden':
    case 'unprocessable':
    case 'validation_failed':
      return { kind: 'refused', message: error.message };
    case 'unavailable':
      return { kind: 'refused', message: bookingStrings.errors.unavailable };
    case 'not_found':
      return { kind: 'refused', message: bookingStrings.errors.notFound };
    default:
      return { kind: 'refused', message: describeError(error) };
  }
}
