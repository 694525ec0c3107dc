import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { DISPLAY_PIN_HEADER } from '../../../shared/schemas/displays';
import type { DisplayPrincipal } from '../../domain/displays/principal';
import { AppError } from '../../domain/errors';
import { displayOf } from '../route';

export interface DisplayPinLimit {
  /** Wrong PINs allowed per display and window; the next action answers 429. */
  readonly max: number;
  readonly windowMinutes: number;
}

export const DEFAULT_DISPLAY_PIN_LIMIT: DisplayPinLimit = { max: 5, windowMinutes: 1 };

/** Set when this request's PIN was wrong: only those count against the display's limit. */
const WRONG = 'displayPinWrong';

/**
 * The PIN check of every display action (check-in, book now, end, extend), in front of their
 * handlers: a display with a PIN needs it in X-Display-Pin. Five wrong PINs a minute per display
 * (counted on this instance) answer 429, so a PIN cannot be tried through. Anyone who is not a
 * display passes on to mount(), which refuses them.
 */
export function displayPinGuard(
  pins: { check(display: DisplayPrincipal, sent: string | undefined): Promise<void> },
  limit: DisplayPinLimit = DEFAULT_DISPLAY_PIN_LIMIT,
): RequestHandler[] {
  const limiter = rateLimit({
    windowMs: limit.windowMinutes * 60_000,
    limit: limit.max,
    skip: (_req, res) => displayOf(res) === undefined,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.locals[WRONG] !== true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => displayOf(res)?.displayId ?? 'none',
    handler: (_req, _res, next) => {
      next(new AppError('rate_limited', 'Too many wrong PINs on this display; wait a minute and try again'));
    },
  });
  const guard = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const display = displayOf(res);
    if (display) {
      try {
        await pins.check(display, req.get(DISPLAY_PIN_HEADER));
      } catch (err) {
        if (err instanceof AppError && err.code === 'display_pin_wrong') res.locals[WRONG] = true;
        throw err;
      }
    }
    next();
  };
  return [limiter, guard];
}
