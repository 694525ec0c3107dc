import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, WEB_DIR, ensureWebBuild, isFreshWebBuild } from './productBuild';

/**
 * The production build of the Outlook taskpane (dist/web/taskpane.html + dist/web/taskpane/),
 * shared by the bundle-budget test and `npm run bench:taskpane`. A build newer than every input
 * is reused; otherwise only the taskpane's webpack configuration is run.
 */

export { ROOT, WEB_DIR };
export const TASKPANE_HTML = path.join(WEB_DIR, 'taskpane.html');

export function taskpaneBuildIsFresh(): boolean {
  return isFreshWebBuild(TASKPANE_HTML);
}

/** Builds the taskpane for production unless dist already holds a build of the current sources. */
export function ensureTaskpaneBuild(): { rebuilt: boolean } {
  return ensureWebBuild(TASKPANE_HTML, 'taskpane');
}

/**
 * The scripts written into taskpane.html itself (the first script: webpack's runtime and main.ts),
 * which run as the page is parsed, without a request of their own.
 */
export function inlineScripts(html = readFileSync(TASKPANE_HTML, 'utf8')): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? '')
    .filter((script) => script.length > 0);
}

/**
 * The script files taskpane.html loads before anything else, as paths under dist/web: its own, if
 * any, and those it preloads for the first screen (the pane chunk main.ts imports at once).
 */
export function initialScripts(html = readFileSync(TASKPANE_HTML, 'utf8')): string[] {
  const loaded = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)];
  const preloaded = [...html.matchAll(/<link[^>]*\sas="?script"?[^>]*\shref="?([^"\s>]+)"?/g)];
  return [...loaded, ...preloaded].map((m) => (m[1] ?? '').replace(/^\//, ''));
}
