import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { buildInputs, hashInputs, isUpToDate, recordBuild } from '../../scripts/build-if-changed';

/** Issue #13: `npm start` rebuilds only when what the build reads has changed. */

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'build-if-changed-'));
  write('server/main.ts', 'export {};');
  write('addin/web/main.tsx', 'export {};');
  write('package-lock.json', '{}');
  write('webpack.config.js', 'module.exports = {};');
  for (const output of ['dist/server/main.js', 'dist/web/index.html', 'dist/web/taskpane.html']) write(output, 'x');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the build change detector', () => {
  it('reads sources and configs, not tests, dependencies or earlier output', () => {
    write('server/main.test.ts', 'test');
    write('node_modules/x/index.js', 'x');
    expect(buildInputs(root)).toEqual([
      'addin/web/main.tsx',
      'package-lock.json',
      'server/main.ts',
      'webpack.config.js',
    ]);
  });

  it('skips a build whose inputs are unchanged, and only then', () => {
    const hash = hashInputs(root);
    expect(isUpToDate(root, hash)).toBe(false);
    recordBuild(root, hash);
    expect(isUpToDate(root, hashInputs(root))).toBe(true);

    write('test/integration/other.test.ts', 'tests do not reach dist/');
    expect(isUpToDate(root, hashInputs(root))).toBe(true);
  });

  it.each([
    ['a source edit', () => write('addin/web/main.tsx', 'export const changed = 1;')],
    ['a new source file', () => write('shared/schemas/new.ts', 'export {};')],
    ['a lockfile change', () => write('package-lock.json', '{"lockfileVersion":3}')],
    ['a webpack config change', () => write('webpack.config.js', 'module.exports = { mode: "none" };')],
    ['a missing bundle', () => rmSync(path.join(root, 'dist/web/taskpane.html'))],
  ])('builds again after %s', (_what, change) => {
    recordBuild(root, hashInputs(root));
    change();
    expect(isUpToDate(root, hashInputs(root))).toBe(false);
  });
});
