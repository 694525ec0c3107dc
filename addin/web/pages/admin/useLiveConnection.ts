import { useEffect, useState } from 'react';
import { locationsEndpoints } from '../../../../shared/api/locations';
import type { Room } from '../../../../shared/schemas/locations';
import { useApi } from '../../../ui/hooks/useApi';

export type ExchangeConnection = Room['exchange'];

/** How often a room whose mailbox is being verified is read again (verification takes ≤ 2 s). */
export const VERIFY_POLL_MS = 500;

interface Polled {
  readonly from: ExchangeConnection;
  readonly latest: ExchangeConnection;
}

/**
 * The room's Exchange connection as it is now: while it says `verifying`, the room is read again
 * every VERIFY_POLL_MS until the check settles, so the tick (or the failure) shows up without a
 * manual refresh. A new `given` connection (after a save) replaces whatever was polled before.
 */
export function useLiveConnection(roomId: string, given: ExchangeConnection): ExchangeConnection {
  const api = useApi();
  const [polled, setPolled] = useState<Polled>();
  const current = polled?.from === given ? polled.latest : given;

  useEffect(() => {
    if (current.state !== 'verifying') return undefined;
    const controller = new AbortController();
    const poll = async () => {
      try {
        const room = await api.call(locationsEndpoints.getRoom, { params: { id: roomId }, signal: controller.signal });
        if (!controller.signal.aborted) setPolled({ from: given, latest: room.exchange });
      } catch {
        // A failed read is tried again: a fresh copy of the same state schedules the next round.
        if (!controller.signal.aborted) setPolled({ from: given, latest: { ...current } });
      }
    };
    const timer = setTimeout(() => void poll(), VERIFY_POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, roomId, given, current]);

  return current;
}
