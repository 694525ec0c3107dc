import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { pino } from 'pino';
import { createSecretBox } from '../../server/adapters/crypto/secretBox';
import { composeApp, type ComposeOptions, type Composition } from '../../server/compose/app';
import { TEST_SCRYPT_COST } from '../factories/users';
import { TEST_APP_CONFIG } from '../support/testApp';

/** The whole application with the Outlook add-in switched on, as main() composes it. */

export const ADDIN_PUBLIC_URL = 'https://rooms.addin.example';
export const TASKPANE_URL = `${ADDIN_PUBLIC_URL}/taskpane.html`;

export function createAddinApp(
  knex: Knex,
  addin: Partial<NonNullable<ComposeOptions['addin']>> = {},
  extra: Pick<ComposeOptions, 'clock'> = {},
): Composition {
  return composeApp({
    knex,
    config: TEST_APP_CONFIG,
    logger: pino({ level: 'silent' }),
    passwordCost: TEST_SCRYPT_COST,
    secrets: createSecretBox(randomBytes(32)),
    addin: { publicUrl: ADDIN_PUBLIC_URL, tokenAllowedHosts: undefined, ...addin },
    ...extra,
  });
}
