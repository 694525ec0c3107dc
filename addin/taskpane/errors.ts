import { isApiError } from '../api/client';
import { isOfficeHostError } from '../office/officeHost';
import { strings } from './strings';

/** The sentence the pane shows for a failed call to the server or to Outlook. */
export function describeError(error: unknown): string {
  if (isOfficeHostError(error))
    return error.code === 'unsupported' ? strings.errors.unsupported : strings.errors.outlook;
  if (!isApiError(error)) return strings.errors.server;
  switch (error.code) {
    case 'network_error':
      return strings.errors.network;
    case 'unauthenticated':
      return strings.errors.signIn;
    case 'forbidden':
      return strings.errors.forbidden;
    case 'meeting_not_synced':
      return strings.errors.notSynced;
    case 'validation_failed':
    case 'unprocessable':
    case 'conflict':
    case 'not_found':
      return `${strings.errors.invalidRequest} ${error.message}`;
    default:
      return strings.errors.server;
  }
}
