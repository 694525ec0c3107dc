/** Row-level helpers shared by the location and file repositories. */
import { invalid } from '../../../domain/errors';

interface PgErrorFields {
  readonly code?: unknown;
  readonly constraint?: unknown;
}

/** PostgreSQL error code of a failed query, the same on pg and PGlite. */
export function pgErrorOf(err: unknown): { code: string; constraint: string | undefined } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, constraint } = err as PgErrorFields;
  if (typeof code !== 'string') return undefined;
  return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** pg hands timestamptz back as Date; we still accept text so both engines map identically. */
export function toInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return new Date(value);
  throw new Error(`Not a timestamp: ${typeof value}`);
}

/** Counts come back as numbers from both engines (see database.ts); guard against text anyway. */
export function toCount(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** PostgreSQL text cannot hold NUL (U+0000); JSON can, so a client may well send one. */
export const CHARACTER_NOT_IN_REPERTOIRE = '22021';

/** Write errors every catalog table shares, as errors the API can answer; anything else as is. */
export function translateTextError(err: unknown): unknown {
  return pgErrorOf(err)?.code === CHARACTER_NOT_IN_REPERTOIRE
    ? invalid('Text may not contain NUL characters', { reason: 'nul_character' })
    : err;
}
