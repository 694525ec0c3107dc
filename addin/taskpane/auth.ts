import type { OfficeHost } from '../office/officeHost';

/** Outlook hands out the same identity token for hours; asking for it on every call costs a round trip to Exchange. */
const REUSE_MS = 5 * 60 * 1000;

/** The bearer token source of the API client inside Outlook: the Exchange identity token, briefly cached. */
export function identityTokenSource(host: OfficeHost, now: () => number = Date.now): () => Promise<string> {
  let cached: { token: string; at: number } | undefined;
  return async () => {
    if (cached && now() - cached.at < REUSE_MS) return cached.token;
    const token = await host.identityToken();
    cached = { token, at: now() };
    return token;
  };
}
