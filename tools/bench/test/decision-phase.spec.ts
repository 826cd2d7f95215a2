// `decision-phase`, the command behind the decision figures of docs/performance.md, run small: it prints one row per
// run with a rate, an ack p99 and the server's CPU per decision, and fails on refused or duplicated decisions.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../src/server-process.js';

describe('decision-phase', () => {
  it('prints a row per run with the rate, the ack p99 and the server CPU per decision', () => {
    const build = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'tools/bench'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(build.stdout + build.stderr).toBe('');
    const run = spawnSync(
      process.execPath,
      ['tools/bench/bin/decision-phase.js', '--participants', '40', '--seconds', '2', '--runs', '2'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = run.stdout.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [, , rate, ack, cpu] = row.split('|').map((cell) => cell.trim());
      expect(Number(rate)).toBeGreaterThan(0);
      expect(ack).toMatch(/^\d+ ms$/);
      expect(Number(cpu.replace(' µs', ''))).toBeGreaterThan(0);
    }
  });

  it('refuses a size that is not a whole number above 0', () => {
    const run = spawnSync(process.execPath, ['tools/bench/bin/decision-phase.js', '--runs', '0'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--runs take whole numbers above 0');
  });
});
