import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { moduleBoundaries } from './tools/eslint-rules/module-boundaries.js';

const root = import.meta.dirname;

// The tags in each project.json: shared libs import nothing app-side; apps never import each other.
const depConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', 'coverage/**', 'docs/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { ttx: { rules: { 'module-boundaries': moduleBoundaries } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'ttx/module-boundaries': ['error', { root, depConstraints }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@ttx/report', allowTypeImports: true, message: 'The web client loads @ttx/report/browser: the main entry brings the Node renderers (csv-stringify, pdfkit) into the bundle.' }] }],
    },
  },
  {
    // Nest needs runtime class references for dependency injection metadata.
    files: ['apps/server/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      // The domain has no clock and no I/O of its own.
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'The domain has no clock.' }, { name: 'setInterval', message: 'The domain has no clock.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The domain has no clock: take `now` as an argument.' }, { object: 'Math', property: 'random', message: 'The domain is deterministic: take a seeded random source.' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'net', 'child_process', '@nestjs/*', 'react', 'react-dom', 'typeorm', 'socket.io*'], message: 'Domain libraries stay free of I/O and frameworks.' }] }],
    },
  },
);
