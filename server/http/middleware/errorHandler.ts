import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorBody, ErrorCode } from '../../../shared/schemas/errors';
import { AppError } from '../../domain/errors';

/** The one place where an error code becomes an HTTP status. */
export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  display_pin_required: 403,
  display_pin_wrong: 403,
  not_found: 404,
  conflict: 409,
  meeting_not_synced: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  dietary_label_conflict: 422,
  rate_limited: 429,
  link_gone: 410,
  password_change_required: 403,
  current_password_wrong: 422,
  unavailable: 503,
  internal: 500,
  uri_too_long: 414,
  headers_too_large: 431,
};

interface HttpishError {
  type?: unknown;
  status?: unknown;
  code?: unknown;
  message?: unknown;
}

/** Errors raised by body parsers and multer before our handlers run. */
function fromFrameworkError(err: HttpishError): AppError | undefined {
  if (err.type === 'entity.too.large' || err.code === 'LIMIT_FILE_SIZE') {
    return new AppError('payload_too_large', 'The request body is too large');
  }
  if (err.type === 'entity.parse.failed') return new AppError('invalid_json', 'The request body is not valid JSON');
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') {
    return new AppError('unsupported_media_type', 'Unsupported request encoding');
  }
  if (typeof err.code === 'string' && err.code.startsWith('LIMIT_')) {
    return new AppError('validation_failed', `Invalid upload: ${String(err.message)}`);
  }
  if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
    return new AppError('validation_failed', 'Malformed request');
  }
  return undefined;
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (typeof err === 'object' && err !== null) {
    const mapped = fromFrameworkError(err);
    if (mapped) return mapped;
  }
  return new AppError('internal', 'Something went wrong on our side');
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const appError = toAppError(err);
    const status = STATUS_OF[appError.code];
    if (status >= 500) logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details === undefined ? {} : { details: appError.details }),
      },
    };
    res.status(status).json(body);
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route for ${req.method} ${req.baseUrl}${req.path}`));
};
