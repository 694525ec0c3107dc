import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * Paths pino blanks out wherever a secret could end up in a log line. The request serializer below
 * already logs no headers or bodies; this is the second line of defence for ad-hoc log calls.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'token',
  'csrfToken',
  '*.password',
  '*.token',
  '*.csrfToken',
  '*.passwordHash',
];

const pathOnly = (url: string | undefined): string => (url ?? '').split('?')[0] ?? '';

/** One line per request: method, path, status and time. No headers, cookies, query or body. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, path: pathOnly(req.url) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
  });
}
