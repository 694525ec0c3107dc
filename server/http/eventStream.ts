import type { Response } from 'express';

/** A server-sent events response, kept open with a comment line; what the live streams write to. */
export interface EventStream {
  send(event: string, data: unknown): void;
  /** Ends the response (the client sees the stream close). */
  end(): void;
  /** Called once, when the client went away or end() was called. */
  onClose(listener: () => void): void;
}

export interface EventStreamOptions {
  /** Keep-alive comment interval: proxies close idle connections. */
  readonly heartbeatMs: number;
  readonly heartbeatComment?: string;
  /** How long a browser's EventSource waits before reconnecting. */
  readonly retryMs?: number;
  /** Called after each keep-alive. */
  readonly onHeartbeat?: () => void;
}

export function openEventStream(res: Response, options: EventStreamOptions): EventStream {
  // no-transform keeps the compression middleware from buffering the stream.
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(`retry: ${options.retryMs ?? 5_000}\n\n`);
  const comment = `: ${options.heartbeatComment ?? 'keep-alive'}\n\n`;
  // One timer per connection is the whole per-connection cost besides the subscription.
  const heartbeat = setInterval(() => {
    res.write(comment);
    options.onHeartbeat?.();
  }, options.heartbeatMs);
  const closeListeners: (() => void)[] = [];
  let closed = false;
  res.on('close', () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const listener of closeListeners.splice(0)) listener();
  });
  return {
    send(event, data) {
      if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (!closed) res.end();
    },
    onClose(listener) {
      if (closed) listener();
      else closeListeners.push(listener);
    },
  };
}
