/**
 * `npm start`'s build step: builds the server and the web app only when their inputs changed since
 * the last successful build. The inputs are every source that reaches dist/ (tests excluded), the
 * build configurations and the lockfile; their hash is kept in dist/.build-inputs.
 *
 * Why: both webpack bundles and the server took about 95 s to build on every start (issue #13).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUT_DIRS = ['server', 'shared', 'addin', 'demo', 'test/exchange-sim', 'scripts'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'webpack.config.js'];
/** What a build leaves behind; missing ones mean no build to reuse. */
const OUTPUTS = ['dist/server/main.js', 'dist/web/index.html', 'dist/web/taskpane.html'];
export const STAMP = 'dist/.build-inputs';

const isTest = (name: string): boolean => /\.test\.tsx?$/.test(name);

function filesUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    if (entry.isDirectory()) return filesUnder(root, relative);
    return entry.isFile() && !isTest(entry.name) ? [relative] : [];
  });
}

/** Every file the build reads, sorted, relative to `root`. */
export function buildInputs(root: string): string[] {
  const files = INPUT_DIRS.flatMap((dir) => filesUnder(root, dir));
  return [...files, ...INPUT_FILES.filter((f) => existsSync(path.join(root, f)))].sort();
}

/** One hash over the inputs' names and contents: a rename changes it as much as an edit. */
export function hashInputs(root: string): string {
  const hash = createHash('sha256');
  for (const file of buildInputs(root)) {
    hash.update(file).update('\0');
    hash
      .update(
        createHash('sha256')
          .update(readFileSync(path.join(root, file)))
          .digest(),
      )
      .update('\0');
  }
  return hash.digest('hex');
}

/** The last build is still good: same inputs, and its outputs are all there. */
export function isUpToDate(root: string, inputsHash: string): boolean {
  const stamp = path.join(root, STAMP);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== inputsHash) return false;
  return OUTPUTS.every((file) => existsSync(path.join(root, file)));
}

export function recordBuild(root: string, inputsHash: string): void {
  writeFileSync(path.join(root, STAMP), `${inputsHash}\n`);
}

function main(): void {
  const root = path.resolve(__dirname, '..');
  const before = hashInputs(root);
  if (isUpToDate(root, before)) {
    console.log('Build is up to date (sources unchanged since the last build): starting at once.');
    return;
  }
  console.log('Sources changed since the last build: building the server and the web app…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // Hash as it was when the build started: an edit made during the build triggers the next one.
  recordBuild(root, before);
}

if (require.main === module) main();
