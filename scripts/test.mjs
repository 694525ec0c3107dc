#!/usr/bin/env node
/**
 * The README's test command. Runs jest once, with one project per pass (sharing the two workers),
 * prints a line per pass and one closing line with the sums:
 *   1. every test, database tests on the embedded engine (PGlite), TZ=UTC;
 *   2. when DATABASE_URL is set, every database test again on PostgreSQL;
 *   3. time-sensitive tests (marked `@timezone-sensitive`) again under TZ=Europe/Berlin.
 * Extra arguments are passed to jest as path filters, e.g. `npm test -- server/domain`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filters = process.argv.slice(2);
const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const outDir = mkdtempSync(path.join(tmpdir(), 'roomserve-test-'));
const SECOND_ZONE = 'Europe/Berlin';
const baseConfig = createRequire(import.meta.url)(path.join(root, 'jest.config.js'));
// PGlite loads Node built-ins with dynamic import(), which jest's VM only allows with this flag.
const NODE_OPTIONS = [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--disable-warning=ExperimentalWarning']
  .filter(Boolean)
  .join(' ');

function testFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...testFiles(full));
    else if (/\.test\.tsx?$/.test(entry)) found.push(full);
  }
  return found;
}

const allFiles = ['server', 'shared', 'addin', 'demo', 'test']
  .map((d) => path.join(root, d))
  .filter((d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  })
  .flatMap(testFiles)
  .filter((f) => filters.length === 0 || filters.some((flt) => f.includes(flt)));

const contains = (marker) => (file) => readFileSync(file, 'utf8').includes(marker);
const dbFiles = allFiles.filter(contains('testDatabase'));
const zoneFiles = allFiles.filter(contains('@timezone-sensitive'));

/** Options jest reads only at the top of a configuration, never from a project. */
const GLOBAL_OPTIONS = [
  'testTimeout',
  'bail',
  'collectCoverage',
  'coverageReporters',
  'maxWorkers',
  'reporters',
  'workerIdleMemoryLimit',
];
const globalOptions = Object.fromEntries(Object.entries(baseConfig).filter(([key]) => GLOBAL_OPTIONS.includes(key)));

/** One jest project per pass: the shared configuration, these files, this engine and time zone. */
function project(pass) {
  const projectOptions = Object.entries(baseConfig).filter(([key]) => !GLOBAL_OPTIONS.includes(key));
  const { testMatch: _everyTestFile, ...shared } = Object.fromEntries(projectOptions);
  return {
    ...shared,
    rootDir: root,
    displayName: pass.name,
    // Stable across runs (the config file's path is not): jest keeps each project's file durations
    // under its id and runs the longest files first next time.
    id: createHash('sha1').update(root).update(pass.name).digest('hex').slice(0, 32),
    testRegex: pass.files.map((file) => `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    globals: { ...shared.globals, roomservePass: pass.env },
  };
}

/**
 * The passes run as projects of one jest run rather than one after another: the two workers stay
 * busy to the end of the last file instead of idling at the end of each pass while one long file
 * finishes, and jest starts once.
 */
function runPasses(passes) {
  const live = passes.filter((p) => p.files.length > 0);
  if (live.length === 0) return [];
  const configFile = path.join(outDir, 'jest.passes.config.cjs');
  const countsFile = path.join(outDir, 'passes.json');
  const config = {
    ...globalOptions,
    rootDir: root,
    testSequencer: path.join(root, 'test', 'support', 'longestFirst.cjs'),
    reporters: ['default', [path.join(root, 'test', 'support', 'passReporter.cjs'), { outputFile: countsFile }]],
    projects: live.map(project),
  };
  writeFileSync(configFile, `module.exports = ${JSON.stringify(config, null, 2)};\n`);
  const args = [jestBin, `--config=${configFile}`, '--maxWorkers=2', '--runTestsByPath', ...new Set(allFiles)];
  if (process.env.CI) args.splice(1, 0, '--ci');
  for (const p of live) console.log(`=== test pass: ${p.name} (${p.files.length} files) ===`);
  const res = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, NODE_OPTIONS, TZ: 'UTC' },
  });
  let counts;
  try {
    counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  } catch {
    counts = {};
  }
  return live.map((p) => {
    const c = counts[p.name];
    if (!c) return { name: p.name, passed: 0, failed: 1, skipped: 0, ok: false };
    return { name: p.name, ...c, ok: res.status === 0 };
  });
}

const passes = runPasses([
  { name: 'pglite', files: allFiles, env: { TZ: 'UTC', TEST_DB: 'pglite' } },
  ...(process.env.DATABASE_URL ? [{ name: 'postgres', files: dbFiles, env: { TZ: 'UTC', TEST_DB: 'postgres' } }] : []),
  { name: `tz-${SECOND_ZONE}`, files: zoneFiles, env: { TZ: SECOND_ZONE, TEST_DB: 'pglite' } },
]);

console.log('');
for (const p of passes) {
  console.log(`pass ${p.name}: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`);
}
const sum = (k) => passes.reduce((n, p) => n + p[k], 0);
const skipped = sum('skipped');
console.log(`${sum('passed')} passed, ${sum('failed')} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(passes.every((p) => p.ok) && sum('failed') === 0 ? 0 : 1);
