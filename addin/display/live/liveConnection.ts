import { isApiError } from '../../api/client';
import type { DisplayState } from '../../../shared/schemas/displays';
import { backoffDelay } from '../model/backoff';
import type { DisplayApi } from './displayApi';

export const POLL_MS = 60_000;
/** The server comments every 25 s; a stream silent for longer than this is dead. */
export const SILENCE_MS = 60_000;

export interface LiveHandlers {
  readonly onState: (state: DisplayState) => void;
  /** The server answered (again). */
  readonly onOnline: () => void;
  /** The server could not be reached. */
  readonly onOffline: () => void;
  /** The token stopped working (401): nothing is retried. */
  readonly onUnauthenticated: () => void;
}

type Api = Pick<DisplayApi, 'follow' | 'state'>;

/**
 * Keeps the display current: a poll of the state, then the push stream while it works. When the
 * stream fails the state is polled again, each minute while the stream does not work and, while
 * the server cannot be reached, after a growing back-off. A 401 ends it for good: authentication
 * errors are never retried in a loop.
 */
export class LiveConnection {
  private readonly stopping = new AbortController();
  private stream: AbortController | null = null;

  constructor(
    private readonly api: Api,
    private readonly handlers: LiveHandlers,
  ) {}

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopping.abort();
    this.stream?.abort();
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const polled = await this.poll();
      if (polled === 'unauthenticated' || this.stopped) return;
      if (polled === 'offline') {
        failures += 1;
        await this.sleep(backoffDelay(failures - 1));
        continue;
      }
      failures = 0;
      const streamed = await this.followStream();
      if (streamed === 'unauthenticated' || this.stopped) return;
      // A stream that worked and ended, or a server gone (a restart, say): ask again at once. One
      // that never worked (a proxy that buffers, an older server): poll each minute, trying it again.
      if (streamed === 'nothing') await this.sleep(POLL_MS);
    }
  }

  /** Follows the push stream until it ends. */
  private async followStream(): Promise<'delivered' | 'nothing' | 'unreachable' | 'unauthenticated'> {
    const stream = new AbortController();
    this.stream = stream;
    let delivered = false;
    let watchdog = setTimeout(() => stream.abort(), SILENCE_MS);
    const alive = (): void => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => stream.abort(), SILENCE_MS);
    };
    try {
      await this.api.follow(
        stream.signal,
        (state) => {
          delivered = true;
          this.handlers.onOnline();
          this.handlers.onState(state);
        },
        alive,
      );
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        this.handlers.onUnauthenticated();
        return 'unauthenticated';
      }
      if (!delivered && !stream.signal.aborted && (!isApiError(error) || error.status === 0)) return 'unreachable';
    } finally {
      clearTimeout(watchdog);
      this.stream = null;
    }
    return delivered ? 'delivered' : 'nothing';
  }

  private async poll(): Promise<'ok' | 'offline' | 'unauthenticated'> {
    try {
      const state = await this.api.state(this.stopping.signal);
      this.handlers.onOnline();
      this.handlers.onState(state);
      return 'ok';
    } catch (error) {
      if (this.stopped) return 'offline';
      if (isApiError(error) && error.status === 401) {
        this.handlers.onUnauthenticated();
        return 'unauthenticated';
      }
      this.handlers.onOffline();
      return 'offline';
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.stopping.signal;
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    });
  }
}
