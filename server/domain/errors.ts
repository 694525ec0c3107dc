import type { ErrorCode } from '../../shared/schemas/errors';

/**
 * The one error type our code throws on purpose. It carries a stable code; the HTTP layer maps
 * codes to statuses. Anything else that escapes is a bug and is answered as `internal`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id?: string): AppError =>
  new AppError('not_found', id === undefined ? `${what} not found` : `${what} ${id} not found`);

export const conflict = (message: string, details?: unknown): AppError => new AppError('conflict', message, details);

export const forbidden = (message = 'You are not allowed to do this'): AppError => new AppError('forbidden', message);

export const invalid = (message: string, details?: unknown): AppError =>
  new AppError('validation_failed', message, details);

export const unprocessable = (message: string, details?: unknown): AppError =>
  new AppError('unprocessable', message, details);
