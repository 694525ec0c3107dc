#!/usr/bin/env node
/**
 * Records every platform-specific optional dependency in package-lock.json.
 *
 * Why: npm leaves out optional packages it cannot resolve (here, the registry mirror serves only the
 * Linux builds of e.g. @swc/core-*), and `npm ci` then refuses the lock as "out of sync". An entry
 * with just the version is what npm needs; on a platform where the package applies, npm fetches it
 * as usual. Run after `npm install` changes dependencies: `node scripts/complete-lockfile.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const added = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    lock.packages[hoisted] = { version, ...(entry.dev ? { dev: true } : {}), optional: true };
    added.push(`${dep}@${version}`);
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length === 0
    ? 'package-lock.json already complete'
    : `recorded ${added.length} optional packages: ${added.join(', ')}`,
);
