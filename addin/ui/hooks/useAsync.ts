import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'success'; readonly data: T };

export interface AsyncResult<T> {
  readonly state: AsyncState<T>;
  readonly retry: () => void;
}

const LOADING = { status: 'loading' } as const;

/**
 * Runs `load` whenever `key` changes and keeps the answer to the latest key only: an earlier
 * request is aborted, so a slow answer to old filters never overwrites the answer to new ones.
 * `load` may change identity on every render; the key alone says when to load again.
 */
export function useAsync<T>(key: string, load: (signal: AbortSignal) => Promise<T>): AsyncResult<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ key: string; state: AsyncState<T> }>();
  const loader = useRef(load);
  // Declared before the loading effect, so that effect always sees this render's `load`.
  useEffect(() => {
    loader.current = load;
  });
  const runKey = `${attempt}:${key}`;

  useEffect(() => {
    const controller = new AbortController();
    const settle = (state: AsyncState<T>) => {
      if (!controller.signal.aborted) setSettled({ key: runKey, state });
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
  }, [runKey, loader]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state: settled?.key === runKey ? settled.state : LOADING, retry };
}
