import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Express } from 'express';
import type { Composition } from '../../server/compose/app';
import request from 'supertest';
import { allEndpoints } from '../../shared/api';
import type { Endpoint } from '../../shared/api/endpoint';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { createAddinApp } from './addinHarness';

/**
 * Each feature's routes are mounted below the path prefixes it declares (server/http/featureRoutes).
 * Every endpoint of the contracts must still reach its route, with or without a trailing slash,
 * and anything else below /api must still be the API's 404.
 */

const SAMPLE_ID = '5b0e6c1e-8f7e-4c52-9d0a-2f3a4b5c6d7e';
const pathOf = (ep: Endpoint): string => `/api${ep.path.replace(/:[A-Za-z_]\w*/g, SAMPLE_ID)}`;

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const send = (app: Express, method: Endpoint['method'], path: string): Promise<Answer> =>
  request(app)[method](path).set('Content-Type', 'application/json').send('{}');

const noRouteMessage = (answer: Answer): string | undefined => {
  const body = answer.body as { error?: { code?: string; message?: string } } | undefined;
  return answer.status === 404 && body?.error?.message?.startsWith('No route for') ? body.error.message : undefined;
};

describe('the API routes', () => {
  let db: TestDatabase;
  let composition: Composition;
  let app: Express;

  beforeAll(async () => {
    db = await createTestDatabase();
    composition = createAddinApp(db.knex);
    app = composition.app;
  });
  afterAll(async () => {
    composition.services.exchange.close();
    await db.close();
  });

  it('reach every endpoint of the contracts, with and without a trailing slash', async () => {
    const unrouted: string[] = [];
    for (const ep of allEndpoints) {
      for (const path of [pathOf(ep), `${pathOf(ep)}/`]) {
        const answer = await send(app, ep.method, path);
        if (noRouteMessage(answer)) unrouted.push(`${ep.method.toUpperCase()} ${path}`);
      }
    }
    expect(unrouted).toEqual([]);
  });

  it('reach the single sign-on pages that are no contract endpoints', async () => {
    for (const path of [
      '/api/auth/sso/login',
      '/api/auth/sso/callback',
      '/api/auth/saml/metadata',
      '/api/auth/sso/logout',
    ]) {
      expect(noRouteMessage(await send(app, 'get', path))).toBeUndefined();
    }
    expect(noRouteMessage(await send(app, 'post', '/api/auth/sso/callback'))).toBeUndefined();
  });

  it('still answer 404 for paths and methods no endpoint serves, beside and below the served ones', async () => {
    const cases: [Endpoint['method'], string][] = [
      ['get', `/api/floors/${SAMPLE_ID}/occupancy/nothing`],
      ['get', '/api/floorsx'],
      ['patch', '/api/auth/me'],
      ['delete', '/api/admin'],
      ['get', '/api/admin/nothing'],
      ['post', `/api/rooms/${SAMPLE_ID}/schedule`],
    ];
    for (const [method, path] of cases) {
      const answer = await send(app, method, path);
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 404,
        body: { error: { code: 'not_found', message: `No route for ${method.toUpperCase()} ${path}` } },
      });
    }
  });
});
