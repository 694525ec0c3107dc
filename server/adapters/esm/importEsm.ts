/**
 * Loads the ESM-only packages (openid-client; oidc-provider in tests) from our CommonJS build.
 * tsc (module node16) keeps this import() native; jest's transform for this one file does too
 * (jest.config.js), so jest loads them through its ESM loader instead of require().
 */
export const importOpenIdClient = (): Promise<typeof import('openid-client')> => import('openid-client');
