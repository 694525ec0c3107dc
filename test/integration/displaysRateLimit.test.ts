import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { buildRoom } from '../factories/locations';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { addDisplay } from './displaysHarness';

describe('guessing pairing codes', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = createTestApp(db.knex); // production's limit: 5 wrong codes per address a minute
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers 429 after five wrong codes from one address, even to the right code', async () => {
    const admin = await t.tokenFor('admin');
    const created = await addDisplay(t.app, admin, await buildRoom(db.knex));
    for (let i = 0; i < 5; i++) {
      const res = await request(t.app).post('/api/display/pair').send({ code: 'ABCD-EFGH' });
      expect(res.status).toBe(422);
    }
    const blocked = await request(t.app).post('/api/display/pair').send({ code: created.pairingCode });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: 'rate_limited' } });
    const row = await db.knex('displays').where({ id: created.id }).first<{ token_hash: string | null }>();
    expect(row.token_hash).toBeNull();
  });
});
