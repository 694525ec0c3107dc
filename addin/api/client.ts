import type { z } from 'zod';
import type { Endpoint, ResponseOf } from '../../shared/api/endpoint';
import { errorBodySchema, type ErrorCode } from '../../shared/schemas/errors';
import { EarlyAnswers } from './early';
import {
  ApiError,
  JSON_ACCEPT,
  fetchTransport,
  fillPath,
  isApiError,
  queryString,
  withBearer,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from './http';

export { ApiError, fetchTransport, fillPath, isApiError, queryString };
export type { ClientErrorCode, HttpRequest, HttpResponse, Transport } from './http';

/**
 * The typed fetch client of the web app and the add-in. Every call goes through an endpoint
 * contract of shared/api, so a path, a parameter or a response shape cannot drift from what the
 * server validates.
 */

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

export interface ApiClientOptions {
  readonly transport?: Transport;
  /** Prefix of every endpoint path; the server mounts all routers under /api. */
  readonly baseUrl?: string;
  /**
   * Credentials sent as `Authorization: Bearer <token>` on every call, e.g. the Outlook add-in's
   * Exchange identity token. Bearer calls need no CSRF token; without it the session cookie is used.
   */
  readonly bearerToken?: () => Promise<string>;
  /** GETs started before this client existed (the taskpane's first script): calls take their answers. */
  readonly early?: EarlyAnswers;
}

export class ApiClient {
  private csrfToken: string | undefined;
  private readonly transport: Transport;
  private readonly baseUrl: string;
  private readonly bearerToken: (() => Promise<string>) | undefined;
  private readonly unauthenticatedListeners = new Set<(error: ApiError) => void>();
  /** Answers to GETs started early (prefetch), each handed to the first call for the same URL. */
  private readonly early: EarlyAnswers;

  constructor(options: ApiClientOptions = {}) {
    this.transport = options.transport ?? fetchTransport;
    this.baseUrl = options.baseUrl ?? '/api';
    this.bearerToken = options.bearerToken;
    this.early = options.early ?? new EarlyAnswers();
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
    this.early.start(this.buildRequest(endpoint, args[0] ?? {}, undefined), (request) => this.sendNow(request));
  }

  private async sendNow(request: HttpRequest): Promise<HttpResponse> {
    return this.transport(await withBearer(request, this.bearerToken));
  }

  private async send<E extends Endpoint>(
    endpoint: E,
    options: RawOptions,
    signal: AbortSignal | undefined,
  ): Promise<ResponseOf<E>> {
    const built = this.buildRequest(endpoint, options, signal);
    const early = this.early.take(built);
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
    const headers: Record<string, string> = { ...JSON_ACCEPT };
    if (WRITE_METHODS.has(endpoint.method) && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken;
    const method = endpoint.method.toUpperCase();
    if (options.body === undefined) return { method, url, headers, signal };
    if (options.body instanceof FormData) return { method, url, headers, signal, body: options.body };
    headers['Content-Type'] = 'application/json';
    return { method, url, headers, signal, body: JSON.stringify(options.body) };
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
