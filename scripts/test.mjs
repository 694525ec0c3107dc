#!/usr/bin/env node
/**
 * The README's test command. Runs jest in passes and sums them into one closing line:
 *   1. every test, database tests on the embedded engine (PGlite), TZ=UTC;
 *   2. when DATABASE_URL is set, every database test again on PostgreSQL;
 *   3. time-sensitive tests (marked `@timezone-sensitive`) again under TZ=Europe/Berlin.
 * Extra arguments are passed to jest as path filters, e.g. `npm test -- server/domain`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filters = process.argv.slice(2);
const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const outDir = mkdtempSync(path.join(tmpdir(), 'roomserve-test-'));
const SECOND_ZONE = 'Europe/Berlin';
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

function runPass(name, files, env) {
  if (files.length === 0) return { name, passed: 0, failed: 0, skipped: 0, ok: true, ran: false };
  const outputFile = path.join(outDir, `${name.replace(/\W+/g, '-')}.json`);
  const args = [jestBin, '--json', `--outputFile=${outputFile}`, '--maxWorkers=2', '--runTestsByPath', ...files];
  if (process.env.CI) args.splice(1, 0, '--ci');
  console.log(`\n=== test pass: ${name} (${files.length} files) ===`);
  const res = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, NODE_OPTIONS, ...env },
  });
  let report;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    report = undefined;
  }
  if (!report) return { name, passed: 0, failed: 1, skipped: 0, ok: false, ran: true };
  const brokenSuites = report.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  return {
    name,
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenSuites,
    skipped: report.numPendingTests + report.numTodoTests,
    ok: res.status === 0 && report.success,
    ran: true,
  };
}

const passes = [runPass('pglite', allFiles, { TZ: 'UTC', TEST_DB: 'pglite' })];
if (process.env.DATABASE_URL) passes.push(runPass('postgres', dbFiles, { TZ: 'UTC', TEST_DB: 'postgres' }));
passes.push(runPass(`tz-${SECOND_ZONE}`, zoneFiles, { TZ: SECOND_ZONE, TEST_DB: 'pglite' }));

console.log('');
for (const p of passes) {
  if (p.ran) console.log(`pass ${p.name}: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`);
}
const sum = (k) => passes.reduce((n, p) => n + p[k], 0);
const skipped = sum('skipped');
console.log(`${sum('passed')} passed, ${sum('failed')} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(passes.every((p) => p.ok) && sum('failed') === 0 ? 0 : 1);
