// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Packages that do I/O or bind us to a framework: the pure layers must not import them. */
const IO_LIBRARIES = [
  'express',
  'knex',
  'knex-pglite',
  'pg',
  '@electric-sql/*',
  'ews-javascript-api',
  '@ewsjs/*',
  'nodemailer',
  'multer',
];

const SIMULATOR = {
  group: ['**/exchange-sim', '**/exchange-sim/**'],
  message: 'Only the demo plug-in (demo/) starts the Exchange simulator.',
};

function restrictPackages(message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: IO_LIBRARIES, message }, SIMULATOR] }] };
}

/** The dependency rule of docs/ARCHITECTURE.md, checked on resolved file paths. */
const zone = (target, from, message) => ({ target, from, message });
/** The composition root: only it (server/main.ts and the features it composes in server/compose/) wires adapters in. */
const ROOT = ['./server/main.ts', './server/compose'];
const LAYERS = [
  zone(
    './server/domain',
    ['./server/ports', './server/services', './server/http', './server/sync', './server/adapters', ...ROOT],
    'The domain is pure: it depends on shared/ and itself only.',
  ),
  zone(
    './server/ports',
    ['./server/services', './server/http', './server/sync', './server/adapters', ...ROOT],
    'Ports are interfaces in domain terms.',
  ),
  zone(
    './server/services',
    ['./server/http', './server/sync', './server/adapters', ...ROOT],
    'Services reach I/O through ports only.',
  ),
  zone(
    './server/http',
    ['./server/adapters', ...ROOT],
    'Only the composition root (server/main.ts, server/compose/) wires adapters in.',
  ),
  zone(
    './server/sync',
    ['./server/adapters', ...ROOT],
    'Only the composition root (server/main.ts, server/compose/) wires adapters in.',
  ),
  zone('./server/adapters', ROOT, 'Adapters implement ports; the composition root uses them, not the other way round.'),
  zone(
    './shared',
    ['./server', './addin', './demo', './test'],
    'shared/ is used by server and browser: schemas and pure helpers only.',
  ),
  zone('./addin', ['./server', './demo', './test'], 'Web code talks to the server over HTTP only.'),
  zone('./server', ['./test'], 'Product code never depends on tests; the demo plug-in (demo/) starts the simulator.'),
  // The two front ends share addin/ui and addin/api, never each other's internals; Outlook is the taskpane's.
  zone('./addin/taskpane', ['./addin/web'], 'The taskpane uses addin/ui, not the web app: move what both need there.'),
  zone(
    './addin/web',
    ['./addin/taskpane', './addin/office'],
    'The web app uses addin/ui, not the taskpane (nor Outlook): move what both need there.',
  ),
  zone(
    './addin/ui',
    ['./addin/web', './addin/taskpane', './addin/office'],
    'addin/ui serves both front ends: it imports neither of them, nor Office.js.',
  ),
  zone('./server', ['./addin'], 'Product code never depends on web code.'),
  // The demo is a plug-in: the composition root loads it through one hook, nothing else knows it.
  zone(
    ['./server/*/**', './server/!(main).ts'],
    ['./demo'],
    'Only server/main.ts loads the demo plug-in (demo/index.ts).',
  ),
  {
    target: './demo',
    from: './test',
    except: ['./exchange-sim'],
    message: 'Of the tests, the demo plug-in uses the Exchange simulator only.',
  },
  zone(
    './test/exchange-sim',
    ['./server', './shared', './demo'],
    'The simulator must behave like Exchange, not like our code: it imports nothing of ours.',
  ),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'test-results/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYERS }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through server/config.ts.' },
      ],
    },
  },
  {
    files: ['addin/**/*.tsx', 'addin/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'Only addin/office/ touches Office.js.' },
        { name: 'process', message: 'Browser code has no process.' },
      ],
    },
  },
  { files: ['addin/office/**'], rules: { 'no-restricted-globals': 'off' } },
  { files: ['server/**'], rules: { 'no-restricted-imports': ['error', { patterns: [SIMULATOR] }] } },
  { files: ['shared/**'], rules: restrictPackages('shared/ is used by server and browser; no I/O libraries.') },
  {
    files: ['server/domain/**', 'server/ports/**'],
    rules: restrictPackages('The domain and its ports are pure: no I/O, no framework.'),
  },
  { files: ['server/services/**'], rules: restrictPackages('Services reach I/O through ports only.') },
  {
    files: ['shared/**'],
    rules: { 'no-restricted-globals': ['error', { name: 'process', message: 'shared/ also runs in the browser.' }] },
  },
  {
    files: ['server/config.ts', 'test/**', 'scripts/**', 'bench/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  prettier,
);
