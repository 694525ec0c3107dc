/**
 * A server-sent-events client that reconnects as a browser's EventSource does: when the stream
 * ends or breaks (its instance died), it opens it again after a short wait. For tests of live
 * streams through a load balancer.
 */

export interface StreamEvent {
  readonly event: string;
  readonly data: string;
  readonly at: number;
}

export interface ReconnectingStream {
  readonly events: StreamEvent[];
  /** Streams opened (200) so far; more than one means it reconnected. */
  opened(): number;
  /** The X-Served-By header of the stream open now (which instance a test's balancer chose). */
  servedBy(): string | null;
  /** Resolves with the first event from `since` on that matches. */
  next(matches: (e: StreamEvent) => boolean, timeoutMs: number, since: number): Promise<StreamEvent>;
  close(): void;
}

function framesOf(buffer: string, onEvent: (event: string, data: string) => void): string {
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const lines = rest.slice(0, end).split('\n');
    rest = rest.slice(end + 2);
    const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
    const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
    if (event !== undefined) onEvent(event, data ?? '');
  }
  return rest;
}

export function openReconnectingStream(url: string, bearer: string, retryMs = 200): ReconnectingStream {
  const abort = new AbortController();
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  let opened = 0;
  let servedBy: string | null = null;
  let closed = false;

  async function readOnce(): Promise<void> {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${bearer}` }, signal: abort.signal });
    if (!res.ok || !res.body) throw new Error(`${url} answered ${res.status}`);
    opened += 1;
    servedBy = res.headers.get('x-served-by');
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer = framesOf(buffer + decoder.decode(value, { stream: true }), (event, data) => {
        events.push({ event, data, at: Date.now() });
      });
      for (const waiter of waiters) waiter();
    }
  }

  void (async () => {
    while (!closed) {
      try {
        await readOnce();
      } catch {
        // Broken (the instance died) or refused: retry, as EventSource does.
      }
      if (!closed) await new Promise((r) => setTimeout(r, retryMs));
    }
  })();

  return {
    events,
    opened: () => opened,
    servedBy: () => servedBy,
    next(matches, timeoutMs, since) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = events.find((e) => e.at >= since && matches(e));
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event on ${url} within ${timeoutMs} ms (${events.length} received)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      closed = true;
      abort.abort();
    },
  };
}
