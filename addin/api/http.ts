import type { ErrorCode } from '../../shared/schemas/errors';

/**
 * The client's plumbing without the endpoint contracts: requests, responses, errors and URLs. It
 * imports no zod, so the taskpane's first script can start its API calls (./early.ts) before the
 * contracts and their schemas have arrived; ./client.ts builds the typed client on top of it.
 */

/** Failures that happen on the client side and therefore have no server error code. */
export type ClientErrorCode = 'network_error' | 'invalid_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** HTTP status; 0 when the server was never reached. */
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | FormData;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
}

/** How requests leave the client; tests pass a hand-written fake instead of the browser's fetch. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export const fetchTransport: Transport = async (request) => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    // The session cookie must travel with every call, and never to another origin.
    credentials: 'same-origin',
  });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
};

/**
 * Adds `Authorization: Bearer <token>` when there is a token source (the add-in's identity token).
 * An ApiError here means missing credentials, not the network.
 */
export async function withBearer(
  request: HttpRequest,
  bearerToken: (() => Promise<string>) | undefined,
): Promise<HttpRequest> {
  if (!bearerToken) return request;
  let token: string;
  try {
    token = await bearerToken();
  } catch (cause) {
    throw new ApiError('unauthenticated', 'No credentials to call the server with', 0, { cause: String(cause) });
  }
  return { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } };
}

/** A GET as the client sends it: the same URL for the same path and query, which early answers are keyed by. */
export function getRequest(baseUrl: string, path: string, params?: unknown, query?: unknown): HttpRequest {
  return { method: 'GET', url: baseUrl + fillPath(path, params) + queryString(query), headers: JSON_ACCEPT };
}

export const JSON_ACCEPT: Readonly<Record<string, string>> = { Accept: 'application/json' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces `:name` segments with the encoded parameter; a missing parameter is a programming error. */
export function fillPath(path: string, params: unknown): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) => {
    const value = isRecord(params) ? params[name] : undefined;
    if (value === undefined || value === null) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(scalar(value));
  });
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new Error(`Cannot put a ${typeof value} into a URL`);
}

/** Arrays become repeated keys (`tags=a&tags=b`); undefined, null and empty strings are left out. */
export function queryString(query: unknown): string {
  if (!isRecord(query)) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === undefined || item === null || item === '') continue;
      search.append(key, scalar(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
