import type { z } from 'zod';
import type { Endpoint, ResponseOf } from '../../shared/api/endpoint';
import { errorBodySchema, type ErrorCode } from '../../shared/schemas/errors';

/**
 * The typed fetch client of the web app and the add-in. Every call goes through an endpoint
 * contract of shared/api, so a path, a parameter or a response shape cannot drift from what the
 * server validates.
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

/** What the caller passes for one part of the request, typed from the endpoint's schema. */
type InputOf<S> = S extends z.ZodType ? z.input<S> : never;
type Slot<K extends string, T> = unknown extends T
  ? { readonly [P in K]?: undefined } // the endpoint declares no such part
  : Partial<T> extends T
    ? { readonly [P in K]?: T }
    : { readonly [P in K]: T };

export type CallOptions<E extends Endpoint> = Slot<'params', InputOf<NonNullable<E['params']>>> &
  Slot<'query', InputOf<NonNullable<E['query']>>> &
  Slot<'body', InputOf<NonNullable<E['body']>>> & { readonly signal?: AbortSignal };

/** Options may be left out entirely when nothing in them is required. */
type CallArgs<E extends Endpoint> =
  Partial<CallOptions<E>> extends CallOptions<E> ? [options?: CallOptions<E>] : [options: CallOptions<E>];

export const CSRF_HEADER = 'X-CSRF-Token';
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
/** How long a prefetched answer may wait for its call before it counts as stale. */
const EARLY_ANSWER_MS = 10_000;

export interface ApiClientOptions {
  readonly transport?: Transport;
  /** Prefix of every endpoint path; the server mounts all routers under /api. */
  readonly baseUrl?: string;
  /**
   * Credentials sent as `Authorization: Bearer <token>` on every call, e.g. the Outlook add-in's
   * Exchange identity token. Bearer calls need no CSRF token; without it the session cookie is used.
   */
  readonly bearerToken?: () => Promise<string>;
}

export class ApiClient {
  private csrfToken: string | undefined;
  private readonly transport: Transport;
  private readonly baseUrl: string;
  private readonly bearerToken: (() => Promise<string>) | undefined;
  private readonly unauthenticatedListeners = new Set<(error: ApiError) => void>();
  /** Answers to GETs started early (prefetch), each handed to the first call for the same URL. */
  private readonly early = new Map<string, { readonly at: number; readonly response: Promise<HttpResponse> }>();

  constructor(options: ApiClientOptions = {}) {
    this.transport = options.transport ?? fetchTransport;
    this.baseUrl = options.baseUrl ?? '/api';
    this.bearerToken = options.bearerToken;
  }

  /** The token from sign-in; cookie-authenticated writes are refused without it. */
  setCsrfToken(token: string | undefined): void {
    this.csrfToken = token;
  }

  /**
   * Called with the error whenever the server answers 401, e.g. when the session expired in
   * another tab, or the add-in's user must sign in once (details.reason `link-required`).
   */
  onUnauthenticated(listener: (error: ApiError) => void): () => void {
    this.unauthenticatedListeners.add(listener);
    return () => this.unauthenticatedListeners.delete(listener);
  }

  /** Uploads one file to a multipart endpoint (its single `file` field). */
  async upload<E extends Endpoint>(endpoint: E, file: Blob, filename: string): Promise<ResponseOf<E>> {
    if (!endpoint.multipart) throw new Error(`${endpoint.method} ${endpoint.path} takes no file upload`);
    const form = new FormData();
    form.append('file', file, filename);
    return this.send(endpoint, { body: form }, undefined);
  }

  async call<E extends Endpoint>(endpoint: E, ...args: CallArgs<E>): Promise<ResponseOf<E>> {
    const options: CallOptions<E> | undefined = args[0];
    return this.send(endpoint, options ?? {}, options?.signal);
  }

  /**
   * Starts a GET now, before anything on the page asks for it (the pane's first calls, while React
   * is still mounting), so it runs in parallel with the rest of the start. The first call of the
   * same URL within a few seconds takes its answer, once; later calls, and a prefetch nobody asks
   * for, go their normal way. Failures surface only in that call, exactly as they would have.
   */
  prefetch<E extends Endpoint>(endpoint: E, ...args: CallArgs<E>): void {
    if (endpoint.method !== 'get') return;
    const request = this.buildRequest(endpoint, args[0] ?? {}, undefined);
    const response = this.sendNow(request);
    // Handled here so an unused or failed prefetch is never an unhandled rejection; the call re-awaits it.
    response.catch(() => undefined);
    this.early.set(request.url, { at: Date.now(), response });
  }

  private async sendNow(request: HttpRequest): Promise<HttpResponse> {
    return this.transport(await this.withBearer(request));
  }

  private takeEarly(request: HttpRequest): Promise<HttpResponse> | undefined {
    if (request.method !== 'GET') return undefined;
    const early = this.early.get(request.url);
    this.early.delete(request.url);
    return early && Date.now() - early.at < EARLY_ANSWER_MS ? early.response : undefined;
  }

  private async send<E extends Endpoint>(
    endpoint: E,
    options: RawOptions,
    signal: AbortSignal | undefined,
  ): Promise<ResponseOf<E>> {
    const built = this.buildRequest(endpoint, options, signal);
    const early = this.takeEarly(built);
    let response: HttpResponse;
    try {
      response = await (early ?? this.sendNow(built));
      // An early 401 may predate a sign-in that happened since: ask again rather than sign out.
      if (early && response.status === 401) response = await this.sendNow(built);
    } catch (cause) {
      // An ApiError here is missing credentials (withBearer), not the network.
      if (signal?.aborted || isApiError(cause)) throw cause;
      throw new ApiError('network_error', 'The server could not be reached', 0, { cause: String(cause) });
    }
    if (response.status >= 400) throw this.failure(response);
    return parseSuccess(endpoint, response) as ResponseOf<E>;
  }

  private buildRequest(endpoint: Endpoint, options: RawOptions, signal: AbortSignal | undefined): HttpRequest {
    const url = this.baseUrl + fillPath(endpoint.path, options.params) + queryString(options.query);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (WRITE_METHODS.has(endpoint.method) && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken;
    const method = endpoint.method.toUpperCase();
    if (options.body === undefined) return { method, url, headers, signal };
    if (options.body instanceof FormData) return { method, url, headers, signal, body: options.body };
    headers['Content-Type'] = 'application/json';
    return { method, url, headers, signal, body: JSON.stringify(options.body) };
  }

  private async withBearer(request: HttpRequest): Promise<HttpRequest> {
    if (!this.bearerToken) return request;
    let token: string;
    try {
      token = await this.bearerToken();
    } catch (cause) {
      throw new ApiError('unauthenticated', 'No credentials to call the server with', 0, { cause: String(cause) });
    }
    return { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } };
  }

  private failure(response: HttpResponse): ApiError {
    const error = errorOf(response);
    if (response.status === 401) for (const listener of this.unauthenticatedListeners) listener(error);
    return error;
  }
}

function errorOf(response: HttpResponse): ApiError {
  const parsed = errorBodySchema.safeParse(parseJson(response.text));
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(code, message, response.status, details);
  }
  const code = STATUS_CODES[response.status] ?? (response.status >= 500 ? 'internal' : 'validation_failed');
  return new ApiError(code, `The server answered ${response.status}`, response.status);
}

/** For error answers without our JSON body (from a proxy, say): the code their status stands for. */
const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

interface RawOptions {
  readonly params?: unknown;
  readonly query?: unknown;
  readonly body?: unknown;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseSuccess(endpoint: Endpoint, response: HttpResponse): unknown {
  if (endpoint.response === undefined || response.status === 204) return undefined;
  const json = parseJson(response.text);
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    throw new ApiError('invalid_response', 'The server sent an unexpected answer', response.status, {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}

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
