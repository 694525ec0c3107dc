import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers for an SPA served from our own origin. Fluent UI (Griffel) inserts <style>
 * elements at run time, hence 'unsafe-inline' for styles only; scripts must come from us.
 */
export function securityHeaders(options: { readonly https: boolean }): RequestHandler {
  return helmet(helmetOptions(options.https, { scriptSrc: [], frameAncestors: ["'self'"] }));
}

/** Microsoft's CDN copy of office.js: an add-in in production must load it from there. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com';

/** Outlook's own web hosts, which may frame add-ins (Microsoft 365 mailboxes in a hybrid organisation). */
export const OUTLOOK_HOSTS = ['https://outlook.office.com', 'https://outlook.office365.com'] as const;

/**
 * The Outlook taskpane runs inside Outlook: Outlook on the web frames it from the Exchange server's
 * own origin (on-premise OWA), so that origin and Outlook's own hosts may frame it, and no other
 * site; office.js comes from Microsoft's CDN. `exchangeOrigins` names the Exchange servers' origins
 * (the configured EWS URL's and the allowed identity-token hosts'), read on each page load. Its
 * inline scripts are allowed by their hashes only.
 */
export function taskpaneSecurityHeaders(options: {
  readonly https: boolean;
  readonly exchangeOrigins?: () => Promise<readonly string[]>;
  /** CSP hashes of the page's own inline scripts (the first script, written into taskpane.html). */
  readonly inlineScriptHashes?: () => readonly string[];
}): RequestHandler {
  const inlineScripts = options.inlineScriptHashes ?? (() => []);
  const headers = helmet({
    ...helmetOptions(options.https, {
      scriptSrc: [OFFICE_JS_CDN, () => inlineScripts().join(' ')],
      frameAncestors: [
        (_req: IncomingMessage, res: ServerResponse) => {
          const origins: unknown = (res as ServerResponse & { locals?: { frameAncestors?: unknown } }).locals
            ?.frameAncestors;
          return ["'self'", ...OUTLOOK_HOSTS, ...(Array.isArray(origins) ? origins.map(String) : [])].join(' ');
        },
      ],
    }),
    xFrameOptions: false,
  });
  return (req, res, next) => {
    (options.exchangeOrigins ?? (() => Promise.resolve([])))()
      .catch(() => [])
      .then((origins) => {
        res.locals.frameAncestors = origins.filter((o) => /^https:\/\/[a-z0-9.:[\]-]+$/i.test(o));
        headers(req, res, next);
      })
      .catch(next);
  };
}

type DirectiveValue = string | ((req: IncomingMessage, res: ServerResponse) => string);

/** https origins of the configured EWS URL and of the identity-token allow-list's hosts. */
export function exchangeOriginsOf(ewsUrl: string | undefined, allowedHosts: readonly string[] | undefined): string[] {
  const origins = new Set<string>();
  for (const candidate of [
    ewsUrl,
    ...(allowedHosts ?? []).map((h) => (/^https?:\/\//i.test(h) ? h : `https://${h}`)),
  ]) {
    if (candidate === undefined) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:') origins.add(url.origin);
    } catch {
      // not a URL: nothing to allow
    }
  }
  return [...origins];
}

function helmetOptions(
  https: boolean,
  extra: { readonly scriptSrc: readonly DirectiveValue[]; readonly frameAncestors: readonly DirectiveValue[] },
) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...extra.scriptSrc],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': [...extra.frameAncestors],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // HSTS only makes sense when we are reached over https.
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  };
}
