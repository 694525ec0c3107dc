import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { SimCertificates } from './tls';

/** An HTTP or HTTPS listener with IIS-like keep-alive that can be closed with its live connections. */

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Listener {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ListenOptions {
  host: string;
  port: number;
  tls?: SimCertificates;
  handler: RequestHandler;
  onError: (err: unknown, req: IncomingMessage, res: ServerResponse) => void;
}

// IIS keeps idle connections for 120 s (connectionTimeout).
const KEEP_ALIVE_MS = 120_000;

export async function listen(options: ListenOptions): Promise<Listener> {
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    options.handler(req, res).catch((err: unknown) => options.onError(err, req, res));
  };
  const server = options.tls
    ? https.createServer({ cert: options.tls.serverCertPem, key: options.tls.serverKeyPem }, handle)
    : http.createServer(handle);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  server.requestTimeout = 0;
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    url: `${options.tls ? 'https' : 'http'}://${hostInUrl}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > limitBytes) throw Object.assign(new Error('request body too large'), { code: 'BODY_TOO_LARGE' });
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
