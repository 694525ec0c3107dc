import type { DisplayState } from '../../shared/schemas/displays';

/** One `event: state` as the display received it, with when (Date.now()). */
export interface ReceivedState {
  readonly state: DisplayState;
  readonly at: number;
}

/** A display app's side of GET /api/display/events: fetch streaming, as the tablet reads it. */
export interface DisplayStream {
  readonly status: number;
  readonly states: ReceivedState[];
  readonly comments: string[];
  /** Resolves with the first state received from now on (or already, when `since` is earlier) that matches. */
  next(matches: (state: DisplayState) => boolean, timeoutMs?: number, since?: number): Promise<ReceivedState>;
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

function parseFrames(
  buffer: string,
  onFrame: (event: string | undefined, data: string | undefined, comment?: string) => void,
) {
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const frame = rest.slice(0, end);
    rest = rest.slice(end + 2);
    let event: string | undefined;
    let data: string | undefined;
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) onFrame(undefined, undefined, line.slice(1).trim());
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data = line.slice(6);
    }
    if (event !== undefined) onFrame(event, data);
  }
  return rest;
}

export async function openDisplayStream(baseUrl: string, token: string): Promise<DisplayStream> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/display/events`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  const states: ReceivedState[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  let ended: Promise<void> = Promise.resolve();
  if (res.ok && res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    ended = (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer = parseFrames(buffer + decoder.decode(value, { stream: true }), (event, data, comment) => {
            if (comment !== undefined) comments.push(comment);
            if (event === 'state' && data !== undefined)
              states.push({ state: JSON.parse(data) as DisplayState, at: Date.now() });
          });
          wake();
        }
      } catch {
        // Aborted by close().
      } finally {
        wake();
      }
    })();
  }
  return {
    status: res.status,
    states,
    comments,
    ended,
    next(matches, timeoutMs = 5_000, since = Date.now()) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = states.find((s) => s.at >= since && matches(s.state));
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching state within ${timeoutMs} ms (${states.length} states received)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      abort.abort();
    },
  };
}
