import type { ByteStream, StreamFetch } from '../live/displayApi';

interface OpenStream {
  readonly headers: Record<string, string>;
  send(text: string): void;
  end(): void;
}

/**
 * A hand-written push stream: `fetch` answers the status the test chose (200 opens a stream the
 * test writes server-sent events into; anything else fails the connection like a stopped server).
 */
export class FakeStream {
  readonly opened: OpenStream[] = [];
  /** 200 opens a stream; 0 throws like an unreachable server; others answer that status. */
  status = 200;

  readonly fetch: StreamFetch = (_url, init) => {
    if (this.status === 0) return Promise.reject(new TypeError('Failed to fetch'));
    if (this.status !== 200) return Promise.resolve({ status: this.status, body: null });
    const chunks: Uint8Array[] = [];
    let waiting: ((r: { done: boolean; value?: Uint8Array }) => void) | null = null;
    let ended = false;
    const deliver = (): void => {
      if (!waiting) return;
      const chunk = chunks.shift();
      if (chunk) {
        const w = waiting;
        waiting = null;
        w({ done: false, value: chunk });
      } else if (ended) {
        const w = waiting;
        waiting = null;
        w({ done: true });
      }
    };
    const stream: OpenStream = {
      headers: init.headers,
      send: (text) => {
        chunks.push(new TextEncoder().encode(text));
        deliver();
      },
      end: () => {
        ended = true;
        deliver();
      },
    };
    init.signal.addEventListener('abort', () => stream.end());
    const body: ByteStream = {
      getReader: () => ({
        read: () =>
          new Promise((resolve) => {
            waiting = resolve;
            deliver();
          }),
        releaseLock: () => undefined,
      }),
    };
    this.opened.push(stream);
    return Promise.resolve({ status: 200, body });
  };

  get latest(): OpenStream {
    const stream = this.opened.at(-1);
    if (!stream) throw new Error('no push stream was opened');
    return stream;
  }
}

export const stateEvent = (state: unknown): string => `event: state\ndata: ${JSON.stringify(state)}\n\n`;
