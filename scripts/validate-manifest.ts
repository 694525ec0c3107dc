/**
 * `npm run validate:manifest`: checks the Outlook add-in manifest offline.
 *
 * 1. manifest.xml, and the copy the server serves (every URL rewritten to PUBLIC_URL, or to an
 *    example https origin when PUBLIC_URL is unset), against Microsoft's Office manifest schemas
 *    (xmllint-wasm; schemas from OFFICE_MANIFEST_SCHEMA_DIR or ../shared/schemas/office-manifest);
 * 2. what the schema cannot see but Outlook refuses: URLs that are not https, icons that are
 *    missing or not of their declared size, resids that point nowhere (or at the wrong kind of
 *    resource).
 *
 * Without the schemas it says so and exits 0, except with CI=true (CI must not skip). The same
 * checks run inside `npm test` (test/integration/manifest.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { PNG } from 'pngjs';
import { validateXML } from 'xmllint-wasm';
import { ICONS_URL_PATH, rewriteManifest } from '../server/http/routes/addin/manifest';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const MANIFEST_FILE = path.join(REPO_ROOT, 'manifest.xml');
export const ICONS_DIR = path.join(REPO_ROOT, 'addin', 'assets', 'icons');
const SCHEMA_ENTRY = 'OfficeAppManifestV1_1.xsd';
/** Stands in for PUBLIC_URL when none is set: any https origin shows the rewrite is sound. */
export const EXAMPLE_PUBLIC_URL = 'https://rooms.validate.example';

export function schemaDir(): string {
  return (
    process.env.OFFICE_MANIFEST_SCHEMA_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'schemas', 'office-manifest')
  );
}

export function schemasAvailable(dir = schemaDir()): boolean {
  return existsSync(path.join(dir, SCHEMA_ENTRY));
}

/** Schema errors (libxml2's words, with line numbers); empty when valid. */
export async function schemaErrors(xml: string, dir = schemaDir()): Promise<string[]> {
  const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(path.join(dir, name), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [schemaFile(SCHEMA_ENTRY)],
    preload: readdirSync(dir)
      .filter((name) => name.endsWith('.xsd') && name !== SCHEMA_ENTRY)
      .map(schemaFile),
  });
  return result.valid ? [] : result.errors.map((e) => e.message);
}

const elementsOf = (parent: Element): Element[] =>
  Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1);

function descendants(root: Element): Element[] {
  return elementsOf(root).flatMap((child) => [child, ...descendants(child)]);
}

/** Which kind of resource a resid may name, by the referring element. */
function expectedResourceKind(element: Element): string {
  if (element.localName === 'Image') return 'Images';
  if (element.localName === 'SourceLocation') return 'Urls';
  if (element.localName === 'Description') return 'LongStrings';
  return 'ShortStrings';
}

/** The VersionOverrides a node belongs to (resids resolve within their own block, not a nested one). */
function owningOverrides(element: Element): Element | undefined {
  for (let node = element.parentNode; node; node = node.parentNode) {
    if (node.nodeType === 1 && (node as Element).localName === 'VersionOverrides') return node as Element;
  }
  return undefined;
}

function checkResids(root: Element): string[] {
  const problems: string[] = [];
  const blocks = descendants(root).filter((e) => e.localName === 'VersionOverrides');
  for (const block of blocks) {
    const own = (e: Element) => owningOverrides(e) === block;
    const resources = new Map<string, string>();
    for (const resource of descendants(block).filter((e) => own(e) && e.parentNode && e.hasAttribute('id'))) {
      const kind = (resource.parentNode as Element).localName ?? '';
      if (!['Images', 'Urls', 'ShortStrings', 'LongStrings'].includes(kind)) continue;
      const id = resource.getAttribute('id') ?? '';
      if (resources.has(id))
        problems.push(`resource id "${id}" is declared twice in ${block.getAttribute('xsi:type')}`);
      resources.set(id, kind);
    }
    for (const ref of descendants(block).filter((e) => own(e) && e.hasAttribute('resid'))) {
      const resid = ref.getAttribute('resid') ?? '';
      const kind = resources.get(resid);
      const want = expectedResourceKind(ref);
      if (kind === undefined) problems.push(`<${ref.localName} resid="${resid}"> names no resource`);
      else if (kind !== want) problems.push(`<${ref.localName} resid="${resid}"> names ${kind}, expected ${want}`);
    }
  }
  return problems;
}

function checkHttps(root: Element): string[] {
  const problems: string[] = [];
  for (const element of [root, ...descendants(root)]) {
    // Namespace names are identifiers that look like URLs; they are never fetched.
    const values = Array.from(element.attributes)
      .filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'))
      .map((a) => a.value);
    const text = elementsOf(element).length === 0 ? (element.textContent ?? '').trim() : '';
    for (const value of [...values, text]) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith('https://'))
        problems.push(`<${element.localName}> has a URL that is not https: ${value}`);
    }
  }
  return problems;
}

/** Every icon the manifest names, with the pixel size Outlook expects of it. */
function declaredIcons(root: Element): Array<{ url: string; size: number }> {
  const all = descendants(root);
  const icons: Array<{ url: string; size: number }> = [];
  for (const [name, size] of [
    ['IconUrl', 64],
    ['HighResolutionIconUrl', 128],
  ] as const) {
    const url = all.find((e) => e.localName === name)?.getAttribute('DefaultValue');
    if (url) icons.push({ url, size });
  }
  for (const block of all.filter((e) => e.localName === 'VersionOverrides')) {
    const images = new Map(
      descendants(block)
        .filter((e) => e.localName === 'Image' && e.hasAttribute('id') && owningOverrides(e) === block)
        .map((e) => [e.getAttribute('id') ?? '', e.getAttribute('DefaultValue') ?? '']),
    );
    const refs = descendants(block).filter(
      (e) => e.localName === 'Image' && e.hasAttribute('size') && owningOverrides(e) === block,
    );
    for (const ref of refs) {
      const url = images.get(ref.getAttribute('resid') ?? '');
      if (url) icons.push({ url, size: Number(ref.getAttribute('size')) });
    }
  }
  return icons;
}

function checkIcons(root: Element, iconsDir: string): string[] {
  const problems: string[] = [];
  for (const { url, size } of declaredIcons(root)) {
    const pathname = new URL(url).pathname;
    if (!pathname.startsWith(`${ICONS_URL_PATH}/`)) {
      problems.push(`icon ${url} is not served from ${ICONS_URL_PATH}/ (addin/assets/icons)`);
      continue;
    }
    const file = path.join(iconsDir, path.basename(pathname));
    if (!existsSync(file)) {
      problems.push(`icon ${url}: ${path.relative(REPO_ROOT, file)} does not exist`);
      continue;
    }
    try {
      const png = PNG.sync.read(readFileSync(file));
      if (png.width !== size || png.height !== size)
        problems.push(`icon ${url} is ${png.width}×${png.height} px, declared ${size}×${size}`);
    } catch {
      problems.push(`icon ${url}: ${path.relative(REPO_ROOT, file)} is not a PNG`);
    }
  }
  return problems;
}

/** The checks the schema cannot do; empty when all pass. */
export function outlookChecks(xml: string, iconsDir = ICONS_DIR): string[] {
  const parseErrors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => void (level !== 'warning' && parseErrors.push(message)),
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root || parseErrors.length > 0) return [`not well-formed XML: ${parseErrors.join('; ')}`];
  // An icon named by several buttons is reported once.
  return [...new Set([...checkHttps(root), ...checkIcons(root, iconsDir), ...checkResids(root)])];
}

export interface ManifestReport {
  readonly name: string;
  readonly problems: readonly string[];
}

export async function validateManifests(publicUrl = EXAMPLE_PUBLIC_URL): Promise<ManifestReport[]> {
  const committed = readFileSync(MANIFEST_FILE, 'utf8');
  const documents = [
    { name: 'manifest.xml', xml: committed },
    { name: `served manifest (PUBLIC_URL ${publicUrl})`, xml: rewriteManifest(committed, publicUrl) },
  ];
  const reports: ManifestReport[] = [];
  for (const { name, xml } of documents) {
    reports.push({ name, problems: [...(await schemaErrors(xml)), ...outlookChecks(xml)] });
  }
  return reports;
}

async function main(): Promise<void> {
  if (!schemasAvailable()) {
    const message = `Office manifest schemas not found in ${schemaDir()} (set OFFICE_MANIFEST_SCHEMA_DIR).`;
    if (process.env.CI === 'true') {
      console.error(`${message} CI must validate the manifest: failing.`);
      process.exit(1);
    }
    console.log(`${message} Skipped.`);
    return;
  }
  const reports = await validateManifests(process.env.PUBLIC_URL ?? EXAMPLE_PUBLIC_URL);
  for (const report of reports) {
    console.log(`${report.problems.length === 0 ? 'valid  ' : 'INVALID'} ${report.name}`);
    for (const problem of report.problems) console.log(`  - ${problem}`);
  }
  if (reports.some((r) => r.problems.length > 0)) process.exit(1);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
