import { createHmac } from 'node:crypto';
import type { WebhookSender } from '../../ports/webhook';

export const SIGNATURE_HEADER = 'X-Roomserve-Signature';

/** `sha256=<hex>` of the HMAC-SHA256 of the exact body bytes. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export class WebhookError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'WebhookError';
  }
}

/** JSON POST with fetch; a non-2xx answer or a timeout throws so the outbox retries with back-off. */
export function createHttpWebhookSender(options: { readonly timeoutMs: number }): WebhookSender {
  return {
    async post(request) {
      let res: Response;
      try {
        res = await fetch(request.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'Roomserve-Webhook/1',
            [SIGNATURE_HEADER]: signatureOf(request.body, request.secret),
            'X-Roomserve-Event': request.event,
            'X-Roomserve-Delivery': request.deliveryId,
          },
          body: request.body,
          redirect: 'error',
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (err) {
        throw new WebhookError(`webhook not reachable: ${err instanceof Error ? err.message : String(err)}`, null);
      }
      // Drain the body so the connection can be reused.
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new WebhookError(`webhook answered ${res.status}`, res.status);
    },
  };
}
