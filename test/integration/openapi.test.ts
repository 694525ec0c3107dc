import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { allEndpoints } from '../../shared/api';
import { openApiPath } from '../../server/http/openapi';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

describe('GET /api/openapi.json', () => {
  let db: TestDatabase;
  let t: TestApp;
  let doc: Document;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = createTestApp(db.knex);
    const res = await request(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    doc = res.body as Document;
  });
  afterAll(async () => {
    await db.close();
  });

  it('is an OpenAPI 3.1 document about Roomserve', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe('Roomserve API');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('describes every endpoint of the shared contracts, with OpenAPI-style paths', () => {
    expect(allEndpoints.length).toBeGreaterThan(10);
    for (const ep of allEndpoints) {
      const operation = doc.paths[openApiPath(ep.path)]?.[ep.method];
      expect({ endpoint: `${ep.method} ${ep.path}`, summary: operation?.summary }).toEqual({
        endpoint: `${ep.method} ${ep.path}`,
        summary: ep.summary,
      });
      expect(openApiPath(ep.path)).not.toContain(':');
    }
    const documented = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(documented).toBe(allEndpoints.length);
  });

  it('declares path parameters, query parameters and request bodies', () => {
    const revoke = doc.paths['/api/auth/tokens/{id}']?.delete;
    expect(revoke?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]));
    const listUsers = doc.paths['/api/users']?.get;
    expect(listUsers?.parameters?.map((p) => p.name).sort()).toEqual(['page', 'pageSize', 'q', 'role']);
    expect(doc.paths['/api/auth/login']?.post?.requestBody?.content).toHaveProperty('application/json');
  });

  it('documents the error body for every 4xx response and security for protected endpoints', () => {
    expect(doc.components.schemas).toHaveProperty('Error');
    for (const ep of allEndpoints) {
      const operation = doc.paths[openApiPath(ep.path)]?.[ep.method];
      if (!operation) throw new Error(`${ep.path} missing`);
      const clientErrors = Object.entries(operation.responses).filter(([status]) => status.startsWith('4'));
      if (ep.access !== 'public' || ep.params || ep.body || ep.query) expect(clientErrors.length).toBeGreaterThan(0);
      for (const [, response] of clientErrors) {
        expect(response.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/Error');
      }
      if (ep.access === 'public') expect(operation.security).toBeUndefined();
      else if (ep.access === 'display') expect(operation.security).toEqual([{ displayToken: [] }]);
      else expect(operation.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    }
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'bearerToken',
      'displayToken',
      'sessionCookie',
    ]);
  });

  it('has no dangling references', () => {
    const names = new Set(Object.keys(doc.components.schemas).map((n) => `#/components/schemas/${n}`));
    for (const ref of refsIn(doc.paths)) expect(names.has(ref) ? ref : `dangling ${ref}`).toBe(ref);
  });
});
