import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Production builds of the web bundles for browser tests and benches. A build newer than every
 * input is reused, so a test run after `npm run build` (as CI does) builds nothing; test files
 * running in parallel workers share one build through a lock.
 */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const WEB_DIR = path.join(ROOT, 'dist', 'web');

const WEB_INPUTS = ['addin', 'shared', 'webpack.config.js', 'package-lock.json'];

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
    stat.mtimeMs,
  );
}

/** Whether `output` exists and is newer than every file under the web inputs. */
export function isFreshWebBuild(output: string): boolean {
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  return WEB_INPUTS.every((input) => newestMtime(path.join(ROOT, input)) <= built);
}

const LOCK_DIR = path.join(ROOT, 'dist', '.web-build.lock');
const STALE_LOCK_MS = 10 * 60 * 1000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Test files run in parallel workers: one builds, the others wait for it (mkdir is atomic). */
function withBuildLock<T>(work: () => T): T {
  mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      const since = statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > STALE_LOCK_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
      sleep(500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/**
 * Runs webpack for production unless `output` is fresh. `configName` limits it to one of
 * webpack.config.js's configurations ('web' or 'taskpane'); without it both are built.
 */
export function ensureWebBuild(output: string, configName?: 'web' | 'taskpane'): { rebuilt: boolean } {
  return withBuildLock(() => {
    if (isFreshWebBuild(output)) return { rebuilt: false };
    const webpack = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const args = [webpack, '--mode', 'production', ...(configName ? ['--config-name', configName] : [])];
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'pipe' });
    return { rebuilt: true };
  });
}
