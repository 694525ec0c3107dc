import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createHttpWebhookSender } from '../../server/adapters/webhook/httpWebhookSender';
import type { WebhookSender } from '../../server/ports/webhook';

/**
 * The webhook sender as production builds it, with the local receiver's loopback address on the
 * internal allow-list, as an admin lists an internal caterer.
 */
export function loopbackWebhookSender(timeoutMs: number): WebhookSender {
  return createHttpWebhookSender({ timeoutMs, internalAllowList: () => Promise.resolve(['127.0.0.1']) });
}

/** A real SMTP server on a loopback port that keeps every message it receives. */
export interface LocalSmtp {
  readonly port: number;
  readonly messages: { to: string[]; subject: string; text: string; messageId: string }[];
  close(): Promise<void>;
}

export async function startLocalSmtp(): Promise<LocalSmtp> {
  const messages: LocalSmtp['messages'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
          });
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedHook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A local webhook receiver; `failNext` makes the next requests answer 500. */
export interface LocalReceiver {
  readonly url: string;
  readonly received: ReceivedHook[];
  failNext(count: number): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<LocalReceiver> {
  const received: ReceivedHook[] = [];
  let failures = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500).end('down');
        return;
      }
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/roomserve`,
    received,
    failNext(count) {
      failures = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
