import type { z } from 'zod';

/**
 * An API endpoint's contract: the one description that the server validates against, the
 * OpenAPI document is generated from, and the web client's typed fetch is built on.
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * `display`: only a paired display's device token (and a device token may call nothing else).
 * `analytics`: admins and analysts.
 */
export type Access = 'public' | 'signed-in' | 'admin' | 'facility' | 'analytics' | 'display';

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  /** Express-style path below /api, e.g. `/rooms/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Body of the success response; `undefined` for 204 No Content. */
  readonly response?: R;
  readonly successStatus: 200 | 201 | 204;
  /** For uploads: the body is multipart/form-data with a single `file` field. */
  readonly multipart?: boolean;
  /** A server-sent events stream (text/event-stream); the summary names its events. */
  readonly eventStream?: boolean;
}

export function endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(definition: Omit<Endpoint<P, Q, B, R>, 'successStatus'> & { successStatus?: 200 | 201 | 204 }): Endpoint<P, Q, B, R> {
  return { successStatus: 200, ...definition };
}

export type ParamsOf<E> = E extends Endpoint<infer P, z.ZodType, z.ZodType, z.ZodType> ? z.infer<P> : never;
export type QueryOf<E> = E extends Endpoint<z.ZodType, infer Q, z.ZodType, z.ZodType> ? z.input<Q> : never;
export type BodyOf<E> = E extends Endpoint<z.ZodType, z.ZodType, infer B, z.ZodType> ? z.input<B> : never;
export type ResponseOf<E> = E extends Endpoint<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.infer<R> : never;
