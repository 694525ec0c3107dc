import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** `<script>` elements without a src attribute, and their text (the build writes them unescaped). */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** CSP source expressions ('sha256-…') that allow exactly the inline scripts of this HTML. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .map((match) => match[1] ?? '')
    .filter((script) => script.length > 0)
    .map((script) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
}

/**
 * The hashes of a built page's inline scripts (the taskpane's first script is written into its
 * HTML, so it starts the first API calls without a request of its own), read again whenever the
 * build replaces the file; none while the page is not built.
 */
export function inlineScriptHashesOf(file: string): () => readonly string[] {
  let cached: { readonly mtimeMs: number; readonly hashes: readonly string[] } | undefined;
  return () => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return [];
    if (cached?.mtimeMs !== stat.mtimeMs) {
      cached = { mtimeMs: stat.mtimeMs, hashes: inlineScriptHashes(readFileSync(file, 'utf8')) };
    }
    return cached.hashes;
  };
}
