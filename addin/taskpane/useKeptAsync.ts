import { useState } from 'react';
import { useAsync, type AsyncResult } from '../ui/hooks/useAsync';

/**
 * useAsync that keeps showing the last answer while a newer one loads: the pane reloads on every
 * focus and refresh, and a list that blinks to a spinner each time would lose the reader's place.
 */
export function useKeptAsync<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): AsyncResult<T> & { readonly data: T | undefined } {
  const result = useAsync(key, load);
  const latest = result.state.status === 'success' ? result.state.data : undefined;
  const [kept, setKept] = useState<T>();
  // Adjusting state while rendering (React's pattern for state derived from changing input).
  if (latest !== undefined && latest !== kept) setKept(latest);
  return { ...result, data: latest ?? kept };
}
