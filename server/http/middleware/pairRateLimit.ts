import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from '../../domain/errors';

export interface PairRateLimitSettings {
  /** Wrong codes allowed per address and window; the next attempt answers 429. */
  readonly max: number;
  readonly windowMinutes: number;
}

export const DEFAULT_PAIR_RATE_LIMIT: PairRateLimitSettings = { max: 5, windowMinutes: 1 };

/**
 * Wrong pairing codes per client address. A code is short so a tablet can be paired by hand;
 * this limit is what keeps it from being guessed. Successful pairings are not counted.
 */
export function pairRateLimit(settings: PairRateLimitSettings): RequestHandler {
  return rateLimit({
    windowMs: settings.windowMinutes * 60_000,
    limit: settings.max,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, _res, next) => {
      next(new AppError('rate_limited', 'Too many wrong pairing codes; wait a minute and try again'));
    },
  });
}
