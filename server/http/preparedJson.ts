import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { Request, Response } from 'express';
import type { z } from 'zod';

const gzip = promisify(gzipCallback);

interface Prepared {
  readonly json: Buffer;
  readonly etag: string;
  gzipped?: Promise<Buffer>;
}

/** Per answer object, its checked and serialised form; gone with the object. */
const preparedByValue = new WeakMap<object, Prepared>();

function prepare(schema: z.ZodType, value: object): Prepared {
  let prepared = preparedByValue.get(value);
  if (!prepared) {
    // Parsed through the schema as mount() does, so nothing undeclared leaks; once per object.
    const json = Buffer.from(JSON.stringify(schema.parse(value)));
    const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
    prepared = { json, etag };
    preparedByValue.set(value, prepared);
  }
  return prepared;
}

/**
 * Sends a 200 JSON answer that many requests share: `value` must never change once sent (the
 * service hands out a new object for new content). Its schema check, serialisation, ETag and gzip
 * are done once per object, not per request; a matching If-None-Match gets 304.
 */
export async function sendSharedJson(req: Request, res: Response, schema: z.ZodType, value: object): Promise<void> {
  const prepared = prepare(schema, value);
  res.status(200);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', prepared.etag);
  res.vary('Accept-Encoding');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  if (req.acceptsEncodings('gzip') !== 'gzip') {
    res.setHeader('Content-Length', prepared.json.length);
    res.end(prepared.json);
    return;
  }
  const gzipping = (prepared.gzipped ??= gzip(prepared.json));
  gzipping.catch(() => {
    if (prepared.gzipped === gzipping) prepared.gzipped = undefined; // the next request tries again
  });
  const body = await gzipping;
  // Already encoded: the compression middleware leaves it as it is.
  res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', body.length);
  res.end(body);
}
