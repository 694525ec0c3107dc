/**
 * Loads the ESM-only packages (openid-client) from our CommonJS build. tsc (module node16) keeps
 * this import() native; jest's transform for files of this name does too (jest.config.js), so
 * jest loads them through its ESM loader instead of require().
 */
import type * as OpenIdClient from 'openid-client' with { 'resolution-mode': 'import' };

export type OpenIdClientModule = typeof OpenIdClient;

let loaded: Promise<OpenIdClientModule> | undefined;

export function importOpenIdClient(): Promise<OpenIdClientModule> {
  loaded ??= import('openid-client');
  return loaded;
}
