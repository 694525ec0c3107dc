import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Guards GET /metrics with the operator's bearer token (METRICS_TOKEN), so the app can face the
 * network without showing its internals. A missing or wrong token gets a bare 401: nothing tells a
 * guesser how close it came. Digests are compared, so the comparison takes the same time whatever
 * the token's length.
 */
export function requireMetricsToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected)) {
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer realm="metrics"').status(401).end();
  };
}
