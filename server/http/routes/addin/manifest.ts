import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The add-in manifest as committed (manifest.xml at the repository root) names the placeholder
 * origin below everywhere; the server swaps in PUBLIC_URL when it serves the file. Shared by the
 * routes and scripts/validate-manifest.ts, so both rewrite the same way.
 */
export const MANIFEST_PLACEHOLDER_ORIGIN = 'https://roomserve.example.com';
/** Where the icons of addin/assets/icons are served. */
export const ICONS_URL_PATH = '/addin/icons';
export const TASKPANE_PATH = '/taskpane.html';

/** The add-in's first FormSettings SourceLocation: the `aud` of its Exchange identity tokens. */
export function taskpaneUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${TASKPANE_PATH}`;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function rewriteManifest(xml: string, publicUrl: string): string {
  return xml.split(MANIFEST_PLACEHOLDER_ORIGIN).join(escapeXml(publicUrl.replace(/\/+$/, '')));
}

export interface AddinFiles {
  readonly manifestFile: string;
  readonly iconsDir: string;
}

/** The repository's manifest.xml and icons, found upwards from here (server/… under tsx, dist/server/… when built). */
export function findAddinFiles(start = __dirname): AddinFiles {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifestFile = path.join(dir, 'manifest.xml');
    if (existsSync(manifestFile)) return { manifestFile, iconsDir: path.join(dir, 'addin', 'assets', 'icons') };
  }
  throw new Error(`manifest.xml not found above ${start}`);
}
