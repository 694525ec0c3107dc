import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

const TOKEN = 'scrape-3f9c1d2e7a6b5c4d';

describe('GET /metrics', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers anyone when no METRICS_TOKEN is set (the default of npm start)', async () => {
    const res = await request(createTestApp(db.knex).app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('roomserve_sync_duration_seconds');
  });

  describe('with METRICS_TOKEN set', () => {
    const app = () => createTestApp(db.knex, { config: { metricsToken: TOKEN } }).app;

    it('refuses a scraper without the token, or with a wrong one, with a bare 401', async () => {
      const guarded = app();
      for (const authorization of [undefined, `Bearer ${TOKEN}x`, 'Bearer wrong', `Basic ${TOKEN}`, TOKEN]) {
        const req = request(guarded).get('/metrics');
        const res = await (authorization === undefined ? req : req.set('Authorization', authorization));
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
        expect(res.text).toBe('');
        expect(res.text).not.toContain('roomserve_');
      }
    });

    it('serves the metrics to the scraper that sends the token', async () => {
      const res = await request(app()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toContain('roomserve_sync_duration_seconds');
    });

    it('leaves the health checks a load balancer polls open', async () => {
      const guarded = app();
      expect((await request(guarded).get('/healthz')).status).toBe(200);
      expect((await request(guarded).get('/readyz')).status).toBe(200);
    });
  });
});
