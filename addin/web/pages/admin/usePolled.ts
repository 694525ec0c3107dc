import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  /** The latest answer; kept while a later refresh fails, so the page does not go blank. */
  readonly data: T | undefined;
  /** The latest failure, cleared by the next success. */
  readonly error: unknown;
  readonly loaded: boolean;
  /** Loads now instead of waiting for the next round. */
  readonly refresh: () => void;
}

interface Settled<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loaded: boolean;
}

/**
 * Loads on mount and again `intervalMs` after each answer, while the component is mounted. The
 * next round waits for the previous answer, so a slow server is never asked twice at once.
 */
export function usePolled<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs: number): Polled<T> {
  const [settled, setSettled] = useState<Settled<T>>({ data: undefined, error: undefined, loaded: false });
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        const data = await loader.current(controller.signal);
        if (!controller.signal.aborted) setSettled({ data, error: undefined, loaded: true });
      } catch (error: unknown) {
        if (!controller.signal.aborted) setSettled((s) => ({ ...s, error, loaded: true }));
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void run(), intervalMs);
    };
    void run();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [round, intervalMs]);

  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { ...settled, refresh };
}
