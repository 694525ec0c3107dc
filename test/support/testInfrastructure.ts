import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { pino } from 'pino';
import { systemClock } from '../../server/adapters/clock/systemClock';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import type { Infrastructure } from '../../server/compose/infrastructure';
import { createSyncMetrics } from '../../server/sync/metrics';

/** What the compose functions build on, for a test database: silent, real time, a fresh key and registry. */
export function testInfrastructure(knex: Knex, overrides: Partial<Omit<Infrastructure, 'knex'>> = {}): Infrastructure {
  return {
    knex,
    logger: pino({ level: 'silent' }),
    clock: systemClock,
    secrets: createSecretBox(randomBytes(32)),
    metrics: createSyncMetrics(),
    ...overrides,
  };
}
