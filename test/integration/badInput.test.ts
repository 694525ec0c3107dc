import { randomUUID } from 'node:crypto';
import { parse as parseQueryString } from 'node:querystring';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { z } from 'zod';
import { allEndpoints } from '../../shared/api';
import type { Endpoint } from '../../shared/api/endpoint';
import { errorBodySchema } from '../../shared/schemas/errors';
import { buildBooking } from '../factories/bookings';
import { buildBuilding, buildFloor, buildImageFile, buildRoom } from '../factories/locations';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Every endpoint of shared/api gets malformed, oversized and out-of-range input. Each answer must
 * be a 4xx JSON error body, never a 500, and the database must be exactly as before.
 * Endpoints are taken from the contracts, so a new endpoint is covered without touching this file.
 */

const RUNS = 15;
const ONE_MB = 1024 * 1024;

type Query = Record<string, string | string[]>;
interface BadRequest {
  readonly path: string;
  readonly query?: string;
  readonly body?: unknown;
  readonly rawBody?: string;
}

function shapeKeys(schema: z.ZodType | undefined): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return shapeKeys(schema.in as z.ZodType);
  return [];
}

const fails = (schema: z.ZodType, value: unknown): boolean => !schema.safeParse(value).success;

function pathWith(ep: Endpoint, values: Record<string, string>): string {
  return `/api${ep.path.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => encodeURIComponent(values[name] ?? randomUUID()))}`;
}

function queryString(query: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  return search.toString();
}

/** What Express's query parser hands to the schema for this query string. */
const asServerSees = (query: Query): unknown => ({ ...parseQueryString(queryString(query)) });

const queryValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '',
    '-1',
    '0',
    '1e309',
    'NaN',
    '99999999999999',
    '2026-13-45T25:61:00Z',
    'true',
    'null',
    'x'.repeat(500),
  ),
  fc.array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 3 }),
);

const wrongValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    -1,
    0,
    1e12,
    -1e12,
    1.5,
    '',
    'x'.repeat(5000),
    [],
    {},
    null,
    true,
    '2026-13-45T25:61:00Z',
    'not-a-uuid',
  ),
);

/** Text with at least one control character PostgreSQL or a reader would choke on (NUL first of all). */
const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f'];
const withControlCharacter = fc
  .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...CONTROL_CHARACTERS), fc.string({ maxLength: 12 }))
  .map(([before, control, after]) => `${before}${control}${after}`);

const badParam = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.integer().map(String),
    fc.constantFrom('null', 'undefined', '..', '%', '0', '-1', `${randomUUID()}x`, randomUUID().slice(0, 35)),
  )
  .filter((s) => s.trim().length > 0);

/** Values the contract must refuse, whatever else the query says. */
const OUT_OF_RANGE: Record<string, Query[]> = {
  pageSize: [{ pageSize: '1000000' }, { pageSize: '0' }, { pageSize: '-5' }, { pageSize: '2.5' }],
  page: [{ page: '0' }, { page: '100000000' }],
  start: [{ start: '2026-05-04T10:00:00Z', end: '2026-05-04T09:00:00Z' }],
  from: [{ from: '2026-05-04T10:00:00Z', to: '2026-05-04T09:00:00Z' }],
};

async function tableNames(db: TestDatabase): Promise<string[]> {
  const rows = await db
    .knex('information_schema.tables')
    .where({ table_type: 'BASE TABLE' })
    .andWhereRaw('table_schema = current_schema()')
    .select<{ table_name: string }[]>('table_name');
  return rows.map((r) => r.table_name).sort();
}

/**
 * Counts the rows written to each table, by a trigger on every table, so that a check costs one
 * small query: a checksum of every table before and after each request was a fifth of this file's
 * time (894 checks). A write that changes nothing, or only last_used_at (which moves whenever the
 * test's token is used), is not counted.
 */
async function countWrites(db: TestDatabase, tables: readonly string[]): Promise<void> {
  await db.knex.raw('CREATE TABLE test_writes (table_name text PRIMARY KEY, n bigint NOT NULL)');
  await db.knex.raw(`
    CREATE FUNCTION test_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'last_used_at') IS NOT DISTINCT FROM (to_jsonb(OLD) - 'last_used_at') THEN
        RETURN NULL;
      END IF;
      INSERT INTO test_writes VALUES (TG_TABLE_NAME, 1) ON CONFLICT (table_name) DO UPDATE SET n = test_writes.n + 1;
      RETURN NULL;
    END $$`);
  for (const table of tables) {
    await db.knex.raw(
      'CREATE TRIGGER test_count_write AFTER INSERT OR UPDATE OR DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION test_count_write()',
      [table],
    );
    await db.knex.raw(
      'CREATE TRIGGER test_count_truncate AFTER TRUNCATE ON ?? FOR EACH STATEMENT EXECUTE FUNCTION test_count_write()',
      [table],
    );
  }
}

async function writesSoFar(db: TestDatabase): Promise<Record<string, number>> {
  const rows = await db.knex('test_writes').select<{ table_name: string; n: number }[]>('table_name', 'n');
  return Object.fromEntries(rows.map((row) => [row.table_name, Number(row.n)]));
}

describe('bad input against every endpoint', () => {
  let db: TestDatabase;
  let t: TestApp;
  let bearer: string;
  const knownIds: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    t = createTestApp(db.knex, { config: { loginRateLimit: { max: 1000, windowMinutes: 1 } } });
    bearer = await t.tokenFor('admin');
    const buildingId = await buildBuilding(db.knex);
    const floorId = await buildFloor(db.knex, { buildingId });
    const fileId = await buildImageFile(db.knex);
    const roomId = await buildRoom(db.knex, { floorId, imageFileIds: [fileId] });
    await buildBooking(db.knex, { roomId, start: '2026-05-04T08:00:00Z', end: '2026-05-04T09:00:00Z' });
    const session = await t.loginAs('employee');
    const token = await t.deps.auth.createApiToken(session.user.id, { name: 'seeded' });
    Object.assign(knownIds, {
      buildings: buildingId,
      floors: floorId,
      rooms: roomId,
      files: fileId,
      users: session.user.id,
      auth: token.record.id,
    });
    await countWrites(db, await tableNames(db));
  });
  afterAll(async () => {
    await db.close();
  });

  /** An existing row of the endpoint's resource, so refused input is shown not to touch it. */
  const existingIds = (ep: Endpoint): Record<string, string> => ({
    id: knownIds[ep.path.split('/')[1] ?? ''] ?? randomUUID(),
  });

  async function send(ep: Endpoint, input: BadRequest): Promise<request.Response> {
    const url = input.query ? `${input.path}?${input.query}` : input.path;
    let req = request(t.app)[ep.method](url).set('Authorization', `Bearer ${bearer}`);
    if (input.rawBody !== undefined) req = req.set('Content-Type', 'application/json').send(input.rawBody);
    else if (input.body !== undefined) req = req.send(input.body as object);
    return req;
  }

  async function expectRefused(ep: Endpoint, input: BadRequest): Promise<void> {
    const res = await send(ep, input);
    const seen = {
      endpoint: `${ep.method} ${ep.path}`,
      input: JSON.stringify(input).slice(0, 300),
      status: res.status,
    };
    expect(res.status >= 400 && res.status < 500 ? seen : { ...seen, body: res.body as unknown }).toEqual(seen);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const body = errorBodySchema.safeParse(res.body);
    expect(body.success ? 'error body' : JSON.stringify(res.body)).toBe('error body');
    expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |node_modules/);
  }

  /** Runs the check and proves that it wrote nothing to the database. */
  async function unchanged(check: () => Promise<void>): Promise<void> {
    const before = await writesSoFar(db);
    await check();
    expect(await writesSoFar(db)).toEqual(before);
  }

  const property = <T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>) =>
    fc.assert(fc.asyncProperty(arb, run), { numRuns: RUNS, endOnFailure: true });

  describe('text with NUL or control characters where the rest of the request is valid', () => {
    const nulCases: [string, () => Promise<request.Response>][] = [
      ['a room search', () => request(t.app).get('/api/rooms?q=%00abc').set('Authorization', `Bearer ${bearer}`)],
      [
        'a sign-in email',
        () =>
          request(t.app)
            .post('/api/auth/login')
            .send({ email: 'emma\u0000@example.test', password: 'x'.repeat(12) }),
      ],
      [
        'a token name',
        () =>
          request(t.app).post('/api/auth/tokens').set('Authorization', `Bearer ${bearer}`).send({ name: 'ci\u0000' }),
      ],
      [
        'a booking subject',
        () =>
          request(t.app).post('/api/bookings').set('Authorization', `Bearer ${bearer}`).send({
            roomId: knownIds.rooms,
            start: '2030-05-06T08:00:00Z',
            end: '2030-05-06T09:00:00Z',
            subject: 'Plan\u0000ning',
          }),
      ],
      [
        'a building name (escape)',
        () =>
          request(t.app)
            .post('/api/buildings')
            .set('Authorization', `Bearer ${bearer}`)
            .send({ name: 'Harbour\u001bHouse', timeZone: 'UTC' }),
      ],
    ];
    it.each(nulCases)('%s is refused with 400 and the reason, changing nothing', async (_name, send) => {
      await unchanged(async () => {
        const res = await send();
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ error: { code: 'validation_failed' } });
        expect(['nul_character', 'control_character']).toContain(
          (res.body as { error: { details: { reason: string } } }).error.details.reason,
        );
      });
    });
  });

  it('covers a non-trivial API', () => {
    expect(allEndpoints.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(allEndpoints.map((ep) => [`${ep.method.toUpperCase()} ${ep.path}`, ep] as const))('%s', (_name, ep) => {
    it('refuses JSON bodies over 1 MB with 413 and broken JSON with 400', async () => {
      await unchanged(async () => {
        const huge = JSON.stringify({ name: 'x'.repeat(ONE_MB + 10) });
        const res = await send(ep, { path: pathWith(ep, existingIds(ep)), rawBody: huge });
        expect({ endpoint: ep.path, status: res.status }).toEqual({ endpoint: ep.path, status: 413 });
        expect((res.body as { error: { code: string } }).error.code).toBe('payload_too_large');
        await expectRefused(ep, { path: pathWith(ep, existingIds(ep)), rawBody: '{"name": "unterminated' });
      });
    });

    if (ep.params) {
      const params = ep.params;
      it('refuses malformed path parameters', async () => {
        const keys = shapeKeys(params);
        await unchanged(() =>
          property(badParam, async (value) => {
            const values = Object.fromEntries(keys.map((k) => [k, value]));
            fc.pre(fails(params, values));
            await expectRefused(ep, { path: pathWith(ep, values), body: {} });
          }),
        );
      });

      it('answers unknown ids with a 4xx', async () => {
        await unchanged(() =>
          property(fc.uuid({ version: 4 }), async (id) => {
            await expectRefused(ep, {
              path: pathWith(ep, { id }),
              query: 'from=2026-05-04T08:00:00Z&to=2026-05-04T09:00:00Z',
              body: {},
            });
          }),
        );
      });
    }

    if (ep.query) {
      const query = ep.query;
      const keys = shapeKeys(query);
      it('refuses malformed and out-of-range query parameters', async () => {
        const arb = fc.dictionary(fc.constantFrom(...keys), queryValue, { minKeys: 1, maxKeys: keys.length });
        await unchanged(async () => {
          await property(arb, async (q) => {
            fc.pre(fails(query, asServerSees(q)));
            await expectRefused(ep, { path: pathWith(ep, existingIds(ep)), query: queryString(q) });
          });
          for (const key of keys) {
            for (const q of OUT_OF_RANGE[key] ?? []) {
              expect({ key, refusedByContract: fails(query, asServerSees(q)) }).toEqual({
                key,
                refusedByContract: true,
              });
              await expectRefused(ep, { path: pathWith(ep, existingIds(ep)), query: queryString(q) });
            }
          }
        });
      });
    }

    if (ep.body) {
      const body = ep.body;
      const keys = shapeKeys(body);
      it('refuses bodies of the wrong shape or with wrong types', async () => {
        const partial =
          keys.length > 0
            ? fc.dictionary(fc.constantFrom(...keys), wrongValue, { maxKeys: keys.length })
            : fc.constant({});
        const withUnknownKey = partial.map((b) => ({ ...b, unexpectedField: 1 }));
        const arb = fc.oneof(fc.jsonValue({ maxDepth: 2 }), partial, withUnknownKey);
        await unchanged(() =>
          property(arb, async (value) => {
            fc.pre(fails(body, value));
            // Primitives and null travel as raw JSON text: supertest would not send them as JSON.
            const input =
              typeof value === 'object' && value !== null ? { body: value } : { rawBody: JSON.stringify(value) };
            await expectRefused(ep, { path: pathWith(ep, existingIds(ep)), ...input });
          }),
        );
      });
    }

    it('refuses text with NUL or other control characters in any string field (4xx), changing nothing', async () => {
      const keys = [...shapeKeys(ep.query), ...shapeKeys(ep.body)];
      const field = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('q');
      const modes = ['query' as const, ...(ep.body ? ['body' as const] : []), ...(ep.params ? ['param' as const] : [])];
      await unchanged(() =>
        property(fc.tuple(fc.constantFrom(...modes), field, withControlCharacter), async ([mode, key, text]) => {
          const path = pathWith(ep, mode === 'param' ? { id: `${randomUUID()}${text}` } : existingIds(ep));
          const res = await send(ep, {
            path,
            ...(mode === 'query' ? { query: queryString({ [key]: text }) } : {}),
            ...(mode === 'body' ? { body: { [key]: text } } : {}),
          });
          const seen = { endpoint: `${ep.method} ${ep.path}`, mode, key, status: res.status };
          expect(res.status >= 400 && res.status < 500 ? seen : { ...seen, body: res.body as unknown }).toEqual(seen);
        }),
      );
    });

    if (ep.multipart) {
      it('refuses uploads that are not multipart files', async () => {
        await unchanged(() =>
          property(fc.jsonValue({ maxDepth: 2 }), async (value) => {
            await expectRefused(ep, { path: pathWith(ep, existingIds(ep)), rawBody: JSON.stringify(value) });
          }),
        );
      });
    }
  });
});
