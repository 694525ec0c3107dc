import type { HttpRequest, HttpResponse, Transport } from '../../api/client';

/**
 * A hand-written stand-in for the server behind the client's transport: tests declare the
 * answers per route and read back the requests the UI made.
 */
export interface FakeReply {
  readonly status: number;
  readonly body?: unknown;
  /** Sent as is instead of JSON, e.g. an HTML error page from a proxy. */
  readonly raw?: string;
}

export interface RecordedRequest extends HttpRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly json: unknown;
}

type Responder = (request: RecordedRequest, params: Record<string, string>) => FakeReply | Promise<FakeReply>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly respond: Responder;
}

export const ok = (body: unknown): FakeReply => ({ status: 200, body });
export const noContent = (): FakeReply => ({ status: 204 });
export const apiError = (status: number, code: string, message = code, details?: unknown): FakeReply => ({
  status,
  body: { error: { code, message, details } },
});

export class FakeApi {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];

  /** Later declarations win, so a test can override a default answer. */
  on(method: string, path: string, respond: Responder | FakeReply): this {
    const names: string[] = [];
    const source = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.unshift({
      method: method.toUpperCase(),
      pattern: new RegExp(`^${source}$`),
      names,
      respond: typeof respond === 'function' ? respond : () => respond,
    });
    return this;
  }

  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path);
  }

  readonly transport: Transport = async (request) => {
    const url = new URL(request.url, 'http://roomserve.test');
    const recorded: RecordedRequest = {
      ...request,
      path: url.pathname,
      query: url.searchParams,
      json: typeof request.body === 'string' ? (JSON.parse(request.body) as unknown) : undefined,
    };
    this.requests.push(recorded);
    const reply = await this.answer(recorded);
    return toResponse(reply);
  };

  private async answer(request: RecordedRequest): Promise<FakeReply> {
    for (const route of this.routes) {
      const match = route.method === request.method ? route.pattern.exec(request.path) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
      return route.respond(request, params);
    }
    return apiError(404, 'not_found', `No fake route for ${request.method} ${request.path}`);
  }
}

function toResponse(reply: FakeReply): HttpResponse {
  if (reply.raw !== undefined) return { status: reply.status, contentType: 'text/html', text: reply.raw };
  if (reply.body === undefined) return { status: reply.status, contentType: null, text: '' };
  return { status: reply.status, contentType: 'application/json', text: JSON.stringify(reply.body) };
}

/** A reply the test hands out when it chooses: what a long poll is while Exchange has not answered. */
export function heldReply(): { readonly reply: Promise<FakeReply>; readonly release: (reply: FakeReply) => void } {
  let release: (reply: FakeReply) => void = () => undefined;
  const reply = new Promise<FakeReply>((resolve) => {
    release = resolve;
  });
  return { reply, release };
}

/** Answers the given replies in turn, then keeps answering the last one. */
export function inTurn(...replies: FakeReply[]): () => FakeReply {
  let next = 0;
  return () => {
    const reply = replies[Math.min(next, replies.length - 1)];
    next += 1;
    if (!reply) throw new Error('inTurn needs at least one reply');
    return reply;
  };
}
