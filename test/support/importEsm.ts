/**
 * The test peers that ship as ESM only (oidc-provider). jest.config.js keeps import() native in
 * files of this name, so jest loads them through its ESM loader instead of require().
 */
import type * as OidcProviderModule from 'oidc-provider' with { 'resolution-mode': 'import' };

export type OidcProviderExports = typeof OidcProviderModule;

export function importOidcProvider(): Promise<OidcProviderExports> {
  return import('oidc-provider');
}
