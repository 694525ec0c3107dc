import { ErrorState } from '../../../ui/StatusViews';
import { adminErrorText } from './apiErrors';

/** A failed call on an admin page, in the server's words where they are meant for the admin. */
export function AdminError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <ErrorState error={error} describe={adminErrorText} onRetry={onRetry} />;
}
