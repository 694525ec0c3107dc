import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The production build of the Outlook taskpane (dist/web/taskpane.html + dist/web/taskpane/),
 * shared by the bundle-budget test and `npm run bench:taskpane`. A build newer than every input
 * is reused; otherwise only the taskpane's webpack configuration is run.
 */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const WEB_DIR = path.join(ROOT, 'dist', 'web');
export const TASKPANE_HTML = path.join(WEB_DIR, 'taskpane.html');

const INPUTS = ['addin', 'shared', 'webpack.config.js', 'package-lock.json'];

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
    stat.mtimeMs,
  );
}

export function taskpaneBuildIsFresh(): boolean {
  if (!existsSync(TASKPANE_HTML)) return false;
  const built = statSync(TASKPANE_HTML).mtimeMs;
  return INPUTS.every((input) => newestMtime(path.join(ROOT, input)) <= built);
}

const LOCK_DIR = path.join(ROOT, 'dist', '.taskpane-build.lock');
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
      if (Date.now() - since > STALE_LOCK_MS) {
        rmSync(LOCK_DIR, { recursive: true, force: true });
      }
      sleep(500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Builds the taskpane for production unless dist already holds a build of the current sources. */
export function ensureTaskpaneBuild(): { rebuilt: boolean } {
  return withBuildLock(() => {
    if (taskpaneBuildIsFresh()) return { rebuilt: false };
    const webpack = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    execFileSync(process.execPath, [webpack, '--mode', 'production', '--config-name', 'taskpane'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    return { rebuilt: true };
  });
}

/** The scripts taskpane.html loads before anything else, as paths under dist/web. */
export function initialScripts(html = readFileSync(TASKPANE_HTML, 'utf8')): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => (m[1] ?? '').replace(/^\//, ''));
}
