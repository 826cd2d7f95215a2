#!/usr/bin/env node
// Runs every project's tests through Nx and prints one closing line summed over all suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(root, 'dist/test-results');
rmSync(resultsDir, { recursive: true, force: true });

const nx = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/nx/dist/bin/nx.js'),
    'run-many',
    '-t',
    'test',
    '--output-style=static',
    '--parallel=1',
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true' },
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const suites = [];
const failures = [];
if (existsSync(resultsDir)) {
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('.json')).sort()) {
    const result = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8'));
    // Suites that fail to load report no tests; count each as one failure so they cannot pass silently.
    const broken = result.numRuntimeErrorTestSuites ?? 0;
    passed += result.numPassedTests;
    failed += result.numFailedTests + broken;
    skipped += result.numPendingTests + (result.numTodoTests ?? 0);
    for (const f of result.failures ?? []) failures.push(`  ${f.file} › ${f.test}\n      ${f.message}`);
    suites.push(`${file.replace(/\.json$/, '')}: ${result.numPassedTests} passed, ${result.numFailedTests + broken} failed`);
  }
}
if (failures.length > 0) console.log(`\nFailed tests (${failures.length}):\n${failures.join('\n')}`);
console.log('\n' + suites.join('\n'));
if (nx.status !== 0 && failed === 0) failed = 1; // a project whose runner crashed before writing results
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(nx.status === 0 && failed === 0 ? 0 : 1);
