import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseConfig } from './config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('starts with sensible defaults on an empty environment', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3000, demo: true, secureCookies: false, database: { engine: 'pglite' } });
    expect(config.initialAdmin).toBeUndefined();
  });

  it('lists every problem at once, naming each variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db',
      ADMIN_EMAIL: 'not-an-email',
      ADMIN_PASSWORD: 'short',
      LOG_LEVEL: 'loud',
      DEMO: 'maybe',
    });
    const variables = problems.map((p) => p.split(':')[0]);
    expect(variables.sort()).toEqual(['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'DATABASE_URL', 'DEMO', 'LOG_LEVEL', 'PORT']);
  });

  it('names every problem in the error message printed at start', () => {
    try {
      parseConfig({ PORT: '99999', SESSION_TTL_HOURS: '0' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/SESSION_TTL_HOURS/);
    }
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'admin@example.test' })).toEqual([
      expect.stringMatching(/^ADMIN_PASSWORD: .*go together/),
    ]);
  });

  it('uses PostgreSQL when DATABASE_URL is set and secure cookies behind an https PUBLIC_URL', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://u@db:5432/rooms',
      PUBLIC_URL: 'https://rooms.example.test/',
      ADMIN_EMAIL: 'admin@example.test',
      ADMIN_PASSWORD: 'a long admin password',
      DEMO: 'off',
    });
    expect(config.database).toEqual({ engine: 'postgres', url: 'postgres://u@db:5432/rooms' });
    expect(config.publicUrl).toBe('https://rooms.example.test');
    expect(config.secureCookies).toBe(true);
    expect(config.demo).toBe(false);
    expect(config.initialAdmin).toEqual({ email: 'admin@example.test', password: 'a long admin password' });
  });

  it('protects /metrics with METRICS_TOKEN only when it is set, and refuses a short token', () => {
    expect(parseConfig({}).metricsToken).toBeUndefined();
    expect(parseConfig({ METRICS_TOKEN: '0123456789abcdef0123' }).metricsToken).toBe('0123456789abcdef0123');
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual([expect.stringMatching(/^METRICS_TOKEN: /)]);
  });
});
