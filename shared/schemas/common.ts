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
