/// <reference types="office-js" />
import { OfficeHostError } from './officeHost';

/** Add-ins in production load office.js from Microsoft's CDN, as the store rules and Outlook expect. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The copy of the @microsoft/office-js package that webpack puts next to the taskpane bundle. */
export const OFFICE_JS_LOCAL = '/taskpane/office-js/office.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Where office.js comes from, decided in the browser by the page's own host name: the page is
 * served at PUBLIC_URL, so "PUBLIC_URL is localhost" and "location.hostname is local" coincide,
 * and one build serves both (no inline script, which the CSP forbids, and no server rewrite).
 */
export function officeJsSource(hostname: string): string {
  return LOCAL_HOSTS.has(hostname) ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`office.js could not be loaded from ${src}`));
    document.head.appendChild(script);
  });
}

/** Loads office.js and waits until Office has initialised the add-in; fails outside Outlook. */
export async function loadOffice(hostname = window.location.hostname): Promise<void> {
  await loadScript(officeJsSource(hostname));
  const { host } = await Office.onReady();
  if (host !== Office.HostType.Outlook) throw new OfficeHostError('unsupported', 'The taskpane runs inside Outlook');
}
