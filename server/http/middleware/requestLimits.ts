import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestHandler } from 'express';
import { AppError } from '../../domain/errors';

/** Longer URLs are refused with 414 before any route reads them (Node refuses headers past 16 KiB). */
export const MAX_URL_LENGTH = 8 * 1024;

export const urlLengthLimit: RequestHandler = (req, _res, next) => {
  next(
    req.originalUrl.length > MAX_URL_LENGTH ? new AppError('uri_too_long', 'The request URL is too long') : undefined,
  );
};

/**
 * Requests Node refuses before Express sees them (headers or URL past its 16 KiB limit) get our JSON
 * error body with a code that says what was too large, instead of a bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      error: tooLarge
        ? { code: 'headers_too_large', message: 'The request URL or headers are too large' }
        : { code: 'validation_failed', message: 'Malformed request' },
    });
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** Signed-in answers must not be kept by browsers or proxies; routes with their own policy (files) override it. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
