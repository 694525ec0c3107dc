import { useEffect, useRef, useState } from 'react';
import { planEndpoints } from '../../../../shared/api/plan';

/**
 * Follows the floor's push stream (one EventSource per tab) and calls `onChanged` when a room on
 * it changed. EventSource reconnects by itself (the server's `retry:`); `live` says whether it is
 * connected. Without EventSource (old browsers, tests) the page still refreshes on its own timer.
 */
export function usePlanEvents(floorId: string | undefined, onChanged: () => void): { live: boolean } {
  const [live, setLive] = useState(false);
  const callback = useRef(onChanged);
  useEffect(() => {
    callback.current = onChanged;
  });
  useEffect(() => {
    if (floorId === undefined || typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(`/api${planEndpoints.floorOccupancyEvents.path.replace(':id', floorId)}`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('changed', () => callback.current());
    return () => {
      source.close();
      setLive(false);
    };
  }, [floorId]);
  return { live };
}

/** Whether the window is at most `px` wide (the plan turns into a list at 320 px). */
export function useNarrow(px: number): boolean {
  const query = `(max-width: ${px}px)`;
  const [narrow, setNarrow] = useState(
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
  );
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const list = window.matchMedia(query);
    const update = () => setNarrow(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return narrow;
}
