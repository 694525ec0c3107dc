import { useCallback, useEffect, useRef, useState } from 'react';
import { integrationEndpoints } from '../../../../../shared/api/integration';
import type { SyncRunView } from '../../../../../shared/schemas/integration';
import { useApi } from '../../../../ui/hooks/useApi';

/** How often a running manual sync is asked for its progress. */
export const SYNC_PROGRESS_POLL_MS = 500;

export interface SyncRunControl {
  /** The latest progress of the latest run, kept after it finished so its result stays readable. */
  readonly run: SyncRunView | undefined;
  readonly running: boolean;
  readonly error: unknown;
  /** One room, or every connected room when `roomId` is left out. */
  readonly start: (roomId?: string) => Promise<void>;
}

/** Starts a manual sync and follows its progress until it finishes; `onFinished` then runs once. */
export function useSyncRun(onFinished: () => void): SyncRunControl {
  const api = useApi();
  const [run, setRun] = useState<SyncRunView>();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>();
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  const start = useCallback(
    async (roomId?: string) => {
      setStarting(true);
      setError(undefined);
      try {
        setRun(await api.call(integrationEndpoints.startSync, { body: roomId === undefined ? {} : { roomId } }));
      } catch (failure: unknown) {
        setError(failure);
      } finally {
        setStarting(false);
      }
    },
    [api],
  );

  const runId = run?.id;
  const done = typeof run?.finishedAt === 'string';
  useEffect(() => {
    if (runId === undefined) return undefined;
    if (done) {
      finished.current();
      return undefined;
    }
    const controller = new AbortController();
    const poll = async () => {
      try {
        const next = await api.call(integrationEndpoints.syncRun, { params: { id: runId }, signal: controller.signal });
        if (!controller.signal.aborted) setRun(next);
      } catch (failure: unknown) {
        if (!controller.signal.aborted) setError(failure);
      }
    };
    const timer = setTimeout(() => void poll(), SYNC_PROGRESS_POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, runId, done, run]);

  // A failed progress read ends the following (the error says so); the run itself may go on.
  return { run, running: starting || (run !== undefined && !done && error === undefined), error, start };
}
