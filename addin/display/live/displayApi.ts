import { ApiClient, ApiError, fetchTransport, type Transport } from '../../api/client';
import { displayActionEndpoints, displaysEndpoints } from '../../../shared/api/displays';
import {
  DISPLAY_VERSION_HEADER,
  displayStateSchema,
  type DisplayState,
  type bookNowMinutesSchema,
} from '../../../shared/schemas/displays';
import type { z } from 'zod';
import { SseParser } from './sse';

export type BookNowMinutes = z.infer<typeof bookNowMinutesSchema>;
export const PIN_HEADER = 'X-Display-Pin';

export type DisplayAction =
  | { readonly kind: 'book-now'; readonly minutes: BookNowMinutes }
  | { readonly kind: 'check-in' }
  | { readonly kind: 'end' }
  | { readonly kind: 'extend'; readonly minutes: 15 | 30 };

export interface ActionResult {
  readonly outcome: 'confirmed' | 'pending';
  readonly state: DisplayState;
}

/** The part of a fetch body the stream reads. */
export interface ByteStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; releaseLock(): void };
}

/** Opens a streaming GET; the browser's fetch in the app, a hand-written fake in tests. */
export type StreamFetch = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<{ status: number; body: ByteStream | null }>;

export interface DisplayApiOptions {
  readonly transport?: Transport;
  readonly streamFetch?: StreamFetch;
  readonly buildId: string;
  /** The device token now (null before pairing). */
  readonly token: () => string | null;
}

/** Adds headers to every request of a transport. */
function withHeaders(transport: Transport, headers: () => Record<string, string>): Transport {
  return (request) => transport({ ...request, headers: { ...request.headers, ...headers() } });
}

/**
 * Everything the tablet asks the server, through the shared endpoint contracts: pairing, the
 * state, the four actions and the push stream. Every call carries the build id.
 */
export class DisplayApi {
  private readonly transport: Transport;
  private readonly streamFetch: StreamFetch;
  private readonly client: ApiClient;
  private readonly unauthenticated = new Set<() => void>();

  constructor(private readonly options: DisplayApiOptions) {
    this.transport = withHeaders(options.transport ?? fetchTransport, () => ({
      [DISPLAY_VERSION_HEADER]: options.buildId,
    }));
    this.streamFetch = options.streamFetch ?? ((url, init) => fetch(url, { ...init, credentials: 'omit' }));
    this.client = this.clientWith({});
  }

  /** Called on any 401: the token was revoked or has expired. */
  onUnauthenticated(listener: () => void): () => void {
    this.unauthenticated.add(listener);
    return () => this.unauthenticated.delete(listener);
  }

  private clientWith(extra: Record<string, string>): ApiClient {
    const client = new ApiClient({
      transport: withHeaders(this.transport, () => extra),
      bearerToken: () => {
        const token = this.options.token();
        return token ? Promise.resolve(token) : Promise.reject(new Error('not paired'));
      },
    });
    client.onUnauthenticated(() => this.unauthenticated.forEach((listener) => listener()));
    return client;
  }

  async pair(code: string): Promise<{ token: string; roomId: string }> {
    // Pairing is the one call without a token.
    const client = new ApiClient({ transport: this.transport });
    return client.call(displaysEndpoints.pair, { body: { code } });
  }

  async state(signal?: AbortSignal): Promise<DisplayState> {
    return this.client.call(displaysEndpoints.state, { signal });
  }

  async act(action: DisplayAction, requestId: string, pin: string | null): Promise<ActionResult> {
    const client = pin ? this.clientWith({ [PIN_HEADER]: pin }) : this.client;
    switch (action.kind) {
      case 'book-now':
        return client.call(displayActionEndpoints.bookNow, { body: { minutes: action.minutes, requestId } });
      case 'check-in':
        return client.call(displaysEndpoints.checkIn, { body: { requestId } });
      case 'end':
        return client.call(displayActionEndpoints.end, { body: { requestId } });
      case 'extend':
        return client.call(displayActionEndpoints.extend, { body: { minutes: action.minutes, requestId } });
    }
  }

  /**
   * Follows the push stream until it ends (resolves) or fails (rejects); `onState` gets every
   * state the server pushes, `onAlive` every sign of life (the keep-alive comments included).
   */
  async follow(signal: AbortSignal, onState: (state: DisplayState) => void, onAlive: () => void): Promise<void> {
    const token = this.options.token();
    if (!token) throw new ApiError('unauthenticated', 'Not paired', 401);
    let response: Awaited<ReturnType<StreamFetch>>;
    try {
      response = await this.streamFetch('/api/display/events', {
        headers: {
          Accept: 'text/event-stream',
          Authorization: `Bearer ${token}`,
          [DISPLAY_VERSION_HEADER]: this.options.buildId,
        },
        signal,
      });
    } catch (cause) {
      throw new ApiError('network_error', 'The server could not be reached', 0, { cause: String(cause) });
    }
    if (response.status === 401) {
      this.unauthenticated.forEach((listener) => listener());
      throw new ApiError('unauthenticated', 'The display is no longer paired', 401);
    }
    if (response.status !== 200 || !response.body) {
      throw new ApiError('unavailable', `The push stream answered ${response.status}`, response.status);
    }
    const parser = new SseParser((event) => {
      if (event.event !== 'state') return;
      const parsed = displayStateSchema.safeParse(JSON.parse(event.data) as unknown);
      if (parsed.success) onState(parsed.data);
    }, onAlive);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value) parser.push(decoder.decode(value, { stream: true }));
      }
    } finally {
      reader.releaseLock();
    }
  }

  /** The build the server now serves, or null when it cannot say. */
  async servedBuild(): Promise<string | null> {
    try {
      const response = await this.transport({
        method: 'GET',
        url: `/display/version.json?t=${Date.now()}`,
        headers: { Accept: 'application/json', 'Cache-Control': 'no-cache' },
      });
      if (response.status !== 200) return null;
      const body = JSON.parse(response.text) as { build?: unknown };
      return typeof body.build === 'string' ? body.build : null;
    } catch {
      return null;
    }
  }
}
