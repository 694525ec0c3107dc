// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Import patterns that a layer must not reach (the dependency rule of docs/ARCHITECTURE.md). */
const ADAPTERS = ['**/adapters/**', '**/adapters'];
const IO_LIBRARIES = ['express', 'knex', 'knex-pglite', 'pg', '@electric-sql/*', 'ews-javascript-api', '@ewsjs/*', 'nodemailer', 'multer'];

function restrict(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through server/config.ts.' }],
    },
  },
  {
    files: ['addin/**/*.tsx', 'addin/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', { name: 'Office', message: 'Only addin/office/ touches Office.js.' }],
      ...restrict(['**/server/**', '**/server'], 'Web code talks to the server over HTTP only.'),
    },
  },
  { files: ['addin/office/**'], rules: { 'no-restricted-globals': 'off' } },
  {
    files: ['shared/**'],
    ...{ rules: restrict(['**/server/**', '**/addin/**', 'node:*', ...IO_LIBRARIES], 'shared/ is used by server and browser; it holds schemas and pure helpers only.') },
  },
  {
    files: ['server/domain/**'],
    rules: restrict([...ADAPTERS, '**/services/**', '**/http/**', '**/sync/**', ...IO_LIBRARIES], 'The domain is pure: no I/O, no framework.'),
  },
  {
    files: ['server/ports/**'],
    rules: restrict([...ADAPTERS, '**/services/**', '**/http/**', '**/sync/**', ...IO_LIBRARIES], 'Ports are interfaces in domain terms.'),
  },
  {
    files: ['server/services/**'],
    rules: restrict([...ADAPTERS, '**/http/**', '**/sync/**', ...IO_LIBRARIES], 'Services reach I/O through ports only.'),
  },
  {
    files: ['server/http/**', 'server/sync/**'],
    rules: restrict(ADAPTERS, 'Only server/main.ts wires adapters in.'),
  },
  {
    files: ['test/exchange-sim/**'],
    rules: restrict(['**/server/**', '**/server', '**/shared/**', '**/shared'], 'The simulator must behave like Exchange, not like our code: it imports nothing of ours.'),
  },
  { files: ['server/config.ts', 'test/**', 'scripts/**', 'bench/**', '**/*.test.ts', '**/*.test.tsx'], rules: { 'no-restricted-properties': 'off' } },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  prettier,
);
