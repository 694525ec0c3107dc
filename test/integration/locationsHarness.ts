import type { Express } from 'express';
import type { Knex } from 'knex';
import request from 'supertest';
import type { Role } from '../../shared/schemas/users';
import { createTestApp } from '../support/testApp';

/** supertest requests on behalf of one caller; `undefined` role is an anonymous caller. */
export interface Caller {
  get(url: string): request.Test;
  post(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
}

export interface LocationsTestApp {
  readonly app: Express;
  readonly anonymous: Caller;
  as(role: Role): Caller;
}

function callerOf(app: Express, token: string | undefined): Caller {
  const sign = (test: request.Test): request.Test =>
    token === undefined ? test : test.set('Authorization', `Bearer ${token}`);
  return {
    get: (url) => sign(request(app).get(url)),
    post: (url) => sign(request(app).post(url)),
    patch: (url) => sign(request(app).patch(url)),
    delete: (url) => sign(request(app).delete(url)),
  };
}

/**
 * The real application (createTestApp) with one signed-in caller per role, authenticated by
 * personal API tokens (so no CSRF token is needed), on the clock the test chooses.
 */
export async function locationsTestApp(db: Knex, options: { now?: () => Date } = {}): Promise<LocationsTestApp> {
  const { app, tokenFor } = createTestApp(db, options.now ? { clock: { now: options.now } } : {});
  const roles: Role[] = ['admin', 'facility', 'employee', 'external'];
  const callers = new Map<Role, Caller>();
  for (const role of roles) callers.set(role, callerOf(app, await tokenFor(role)));
  return {
    app,
    anonymous: callerOf(app, undefined),
    as(role) {
      const caller = callers.get(role);
      if (!caller) throw new Error(`no caller for ${role}`);
      return caller;
    },
  };
}

/** Row counts of every table these routes write, to prove a refused request changed nothing. */
export async function tableCounts(db: Knex): Promise<Record<string, number>> {
  const tables = ['buildings', 'floors', 'rooms', 'room_images', 'files', 'bookings'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db(table).count<{ n: number }[]>('* as n');
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

interface ErrorReply {
  readonly code: string;
  readonly message: string;
  readonly details: {
    readonly issues?: readonly { readonly path: string; readonly message: string }[];
    readonly problems?: readonly string[];
    readonly reasons?: readonly string[];
    readonly [key: string]: unknown;
  };
}

/** The `error` of an error response body. */
export const errorOf = (res: { body: unknown }): ErrorReply => (res.body as { error: ErrorReply }).error;

/** A success body, typed as the shared shape the endpoint declares. */
export const bodyOf = <T>(res: { body: unknown }): T => res.body as T;
