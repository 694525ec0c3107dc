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

/**
 * The Outlook taskpane runs inside Outlook: Outlook on the web frames it from the Exchange
 * server's own host (on-premise OWA, whatever its name), so any https ancestor may frame it, and
 * office.js comes from Microsoft's CDN. Framing is harmless here: cross-site frames get no
 * SameSite=Lax session cookie, and an identity token comes only from the Office host.
 */
export function taskpaneSecurityHeaders(options: { readonly https: boolean }): RequestHandler {
  return helmet({
    ...helmetOptions(options.https, { scriptSrc: [OFFICE_JS_CDN], frameAncestors: ["'self'", 'https:'] }),
    xFrameOptions: false,
  });
}

function helmetOptions(
  https: boolean,
  extra: { readonly scriptSrc: readonly string[]; readonly frameAncestors: readonly string[] },
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
