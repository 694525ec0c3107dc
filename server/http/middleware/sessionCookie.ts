import { parse as parseCookieHeader } from 'cookie';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'rs_session';
export const CSRF_HEADER = 'X-CSRF-Token';

export interface SessionCookieSettings {
  /** Set behind https, so the cookie never travels in clear text. */
  readonly secure: boolean;
  readonly maxAgeHours: number;
}

export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const value = parseCookieHeader(header)[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

export function writeSessionCookie(res: Response, token: string, settings: SessionCookieSettings): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
    path: '/',
    maxAge: settings.maxAgeHours * 3_600_000,
  });
}

export function clearSessionCookie(res: Response, settings: SessionCookieSettings): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: settings.secure, path: '/' });
}
