import { isApiError } from '../../api/client';
import { LINK_REQUIRED } from '../../../shared/schemas/addin';

/** The server knows the Outlook user's token is genuine but not yet whose Roomserve account it is. */
export function isLinkRequired(error: unknown): boolean {
  if (!isApiError(error) || error.code !== 'unauthenticated') return false;
  const details = error.details;
  return typeof details === 'object' && details !== null && 'reason' in details && details.reason === LINK_REQUIRED;
}
