import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'success'; readonly data: T };

export interface AsyncResult<T> {
  readonly state: AsyncState<T>;
  readonly retry: () => void;
  /**
   * Loads the same key again (something it depends on changed, such as a booking just made)
   * and keeps showing the last answer until the new one arrives, so nothing on screen unmounts;
   * if the new one fails, the last answer stays.
   */
  readonly refresh: () => void;
}

const LOADING = { status: 'loading' } as const;

/**
 * Runs `load` whenever `key` changes and keeps the answer to the latest key only: an earlier
 * request is aborted, so a slow answer to old filters never overwrites the answer to new ones.
 * `load` may change identity on every render; the key alone says when to load again.
 */
export function useAsync<T>(key: string, load: (signal: AbortSignal) => Promise<T>): AsyncResult<T> {
  const [attempt, setAttempt] = useState(0);
  const [refreshes, setRefreshes] = useState(0);
  const [settled, setSettled] = useState<{ key: string; base: string; state: AsyncState<T> }>();
  const loader = useRef(load);
  // Declared before the loading effect, so that effect always sees this render's `load`.
  useEffect(() => {
    loader.current = load;
  });
  const base = `${attempt}:${key}`;
  const runKey = `${refreshes}:${base}`;

  useEffect(() => {
    const controller = new AbortController();
    const settle = (state: AsyncState<T>) => {
      if (controller.signal.aborted) return;
      // A failed refresh keeps the last answer for the same key on screen: a live view must not go
      // blank (closing an open dialog with it) over one lost background request. The next refresh tries again.
      setSettled((previous) =>
        state.status === 'error' && previous?.base === base && previous.state.status === 'success'
          ? previous
          : { key: runKey, base, state },
      );
    };
    const run = async () => {
      try {
        settle({ status: 'success', data: await loader.current(controller.signal) });
      } catch (error: unknown) {
        settle({ status: 'error', error });
      }
    };
    void run();
    return () => controller.abort();
  }, [runKey, base, loader]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => setRefreshes((n) => n + 1), []);
  // While refreshing, the last success for the same key stays on screen.
  const shown =
    settled !== undefined && (settled.key === runKey || (settled.base === base && settled.state.status === 'success'));
  return { state: shown ? settled.state : LOADING, retry, refresh };
}
