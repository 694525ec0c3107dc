import { z } from 'zod';

export const uuidSchema = z.uuid();
export const idParamsSchema = z.object({ id: z.uuid() });

/** An instant on the wire: ISO 8601 with an explicit offset or Z. */
export const instantSchema = z.iso.datetime({ offset: true }).meta({ id: 'Instant', example: '2026-05-04T08:00:00Z' });

/** A time of day in a building's own zone, HH:MM, 24-hour clock. */
export const wallTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

/**
 * Text never carries C0 control characters other than tab, line feed and carriage return, nor DEL:
 * PostgreSQL refuses NUL outright, and the others only hide or garble what a reader sees. The
 * server applies this to every path, query and body string before the endpoint's own schema
 * (server/http/validate.ts), so every endpoint answers 400 the same way.
 */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface ControlCharacterIssue {
  readonly path: string;
  readonly reason: 'nul_character' | 'control_character';
}

/** The first string inside `value` (keys included) that holds a forbidden control character. */
export function findControlCharacter(value: unknown, path: readonly string[] = []): ControlCharacterIssue | undefined {
  if (typeof value === 'string') {
    if (!FORBIDDEN_CONTROL_CHARACTER.test(value)) return undefined;
    return { path: path.join('.'), reason: value.includes('\u0000') ? 'nul_character' : 'control_character' };
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findControlCharacter(item, [...path, String(index)]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findControlCharacter(key, [...path, key]) ?? findControlCharacter(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
