import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from '../../domain/errors';

export interface LoginRateLimitSettings {
  readonly max: number;
  readonly windowMinutes: number;
}

function emailOf(req: Request): string {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || !('email' in body)) return '';
  return typeof body.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
}

/** Many accounts tried from one address (credential stuffing) trip this looser limit. */
const PER_ADDRESS_FACTOR = 10;

function limiter(settings: LoginRateLimitSettings, max: number, key: (req: Request) => string): RequestHandler {
  return rateLimit({
    windowMs: settings.windowMinutes * 60_000,
    limit: max,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
    handler: (_req, _res, next) => {
      next(new AppError('rate_limited', 'Too many sign-in attempts; try again later'));
    },
  });
}

const addressOf = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown');

/**
 * Failed sign-ins per client address and email, and (more loosely) per address. Successful ones
 * are not counted, so a user who signs in often is never locked out; guessing passwords is.
 */
export function loginRateLimit(settings: LoginRateLimitSettings): RequestHandler[] {
  return [
    limiter(settings, settings.max, (req) => `${addressOf(req)}|${emailOf(req)}`),
    limiter(settings, settings.max * PER_ADDRESS_FACTOR, addressOf),
  ];
}
