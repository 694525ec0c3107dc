import type { Request } from 'express';
import type { z } from 'zod';
import { findControlCharacter } from '../../shared/schemas/common';
import { AppError } from '../domain/errors';

function describeIssues(issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('validation_failed', `Invalid ${where}`, { issues: describeIssues(result.error.issues) });
  }
  return result.data;
}

/**
 * One rule for every endpoint: no path, query or body string (declared or not) carries a control
 * character (shared/schemas/common.ts). Checked before the endpoint's schemas and handler run.
 */
export function refuseControlCharacters(req: Request): void {
  const parts: [string, unknown][] = [
    ['path parameters', req.params],
    ['query parameters', req.query],
    ['request body', req.body],
  ];
  for (const [where, value] of parts) {
    const control = findControlCharacter(value);
    if (control) {
      throw new AppError('validation_failed', `Invalid ${where}: text may not contain control characters`, {
        reason: control.reason,
        issues: [{ path: control.path, message: `must not contain ${control.reason.replace('_', ' ')}s` }],
      });
    }
  }
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.body ?? {}, 'request body');

export const parseQuery = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.query, 'query parameters');

export const parseParams = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.params, 'path parameters');
