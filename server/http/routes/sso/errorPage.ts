import type { Response } from 'express';
import type { SsoFailure } from '../../../services/sso/signIn';

/** The HTTP status of each refused sign-in: the browser lands on a page, not on JSON. */
export const FAILURE_STATUS: Readonly<Record<SsoFailure | 'unexpected', number>> = {
  'not-configured': 404,
  unreachable: 502,
  'state-mismatch': 400,
  'provider-error': 401,
  'token-refused': 401,
  'assertion-refused': 401,
  'assertion-replayed': 401,
  'no-account-claim': 403,
  deactivated: 403,
  'role-refused': 403,
  unexpected: 500,
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A plain page (no script, so the strict CSP holds) that says why the sign-in was refused and
 * leads back to the sign-in page. No session cookie was set on the way here.
 */
export function sendSignInErrorPage(res: Response, failure: SsoFailure | 'unexpected', message: string): void {
  res
    .status(FAILURE_STATUS[failure])
    .type('html')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Sign-in failed · Roomserve</title>` +
        `<style>body{font-family:"Segoe UI",system-ui,sans-serif;background:#f5f5f5;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}` +
        `main{background:#fff;padding:32px;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.12);max-width:480px}` +
        `h1{font-size:24px;margin:0 0 12px}p{line-height:1.5}code{color:#616161}</style></head>` +
        `<body><main role="alert"><h1>Sign-in failed</h1><p>${escapeHtml(message)}</p>` +
        `<p><code>${escapeHtml(failure)}</code></p><p><a href="/">Back to the sign-in page</a></p></main></body></html>`,
    );
}
