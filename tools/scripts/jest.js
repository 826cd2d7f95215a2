#!/usr/bin/env node
// Runs one project's jest suite as native ESM and records its counts for the workspace summary.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [projectDir, ...rest] = process.argv.slice(2);
if (!projectDir) {
  console.error('usage: node tools/scripts/jest.js <projectDir> [jest args…]');
  process.exit(2);
}
const resultsDir = path.join(root, 'dist/test-results');
mkdirSync(resultsDir, { recursive: true });
const outputFile = path.join(resultsDir, `${projectDir.replace(/[\\/]/g, '-')}.json`);
const run = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    path.join(root, 'node_modules/jest/bin/jest.js'),
    '--config',
    path.join(root, projectDir, 'jest.config.js'),
    '--reporters',
    'default',
    '--reporters',
    path.join(root, 'tools/scripts/jest-counts-reporter.js'),
    '--passWithNoTests',
    ...rest,
  ],
  { stdio: 'inherit', cwd: root, env: { ...process.env, TTX_TEST_RESULTS_FILE: outputFile } },
);
process.exit(run.status ?? 1);
