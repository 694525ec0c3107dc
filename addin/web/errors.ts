import { isApiError } from '../api/client';
import { strings } from './strings';

/** What to tell the user about a failed call; the server's own message only where it is about their input. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return strings.errors.server;
  switch (error.code) {
    case 'network_error':
      return strings.errors.network;
    case 'unauthenticated':
      return strings.errors.sessionExpired;
    case 'forbidden':
      return strings.errors.forbidden;
    case 'validation_failed':
    case 'unprocessable':
    case 'conflict':
    case 'not_found':
      return `${strings.errors.invalidRequest} ${error.message}`;
    default:
      return strings.errors.server;
  }
}
