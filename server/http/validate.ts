import type { Request } from 'express';
import type { z } from 'zod';
import { findControlCharacter } from '../../shared/schemas/common';
import { AppError } from '../domain/errors';

function describeIssues(issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const control = findControlCharacter(value);
  if (control) {
    throw new AppError('validation_failed', `Invalid ${where}: text may not contain control characters`, {
      reason: control.reason,
      issues: [{ path: control.path, message: `must not contain ${control.reason.replace('_', ' ')}s` }],
    });
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('validation_failed', `Invalid ${where}`, { issues: describeIssues(result.error.issues) });
  }
  return result.data;
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.body ?? {}, 'request body');

export const parseQuery = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.query, 'query parameters');

export const parseParams = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseWith(schema, req.params, 'path parameters');
