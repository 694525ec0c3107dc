import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * How a test starts a Roomserve server process: the compiled dist/server/main.js when it is newer
 * than every source it is built from (CI builds right before the tests), otherwise server/main.ts
 * through tsx. Compiling the server on the fly costs each start about 10 s of CPU, and the browser
 * and multi-instance tests start a server many times in one run.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const BUILT = path.join(ROOT, 'dist', 'server', 'main.js');
/** What tsconfig.build.json compiles into dist/ (tests beside the code included, to stay on the safe side). */
const SOURCES = ['server', 'shared', 'demo', 'test/exchange-sim', 'scripts', 'tsconfig.json', 'tsconfig.build.json'];

function newestMtime(target: string): number {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
    stat.mtimeMs,
  );
}

let cached: readonly string[] | undefined;

export function isFreshServerBuild(): boolean {
  if (!existsSync(BUILT)) return false;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(ROOT, source)) <= built);
}

/** The node arguments that run the server: `[...serverEntry(), ...]` after process.execPath. */
export function serverEntry(): readonly string[] {
  cached ??= isFreshServerBuild() ? [BUILT] : ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')];
  return cached;
}
