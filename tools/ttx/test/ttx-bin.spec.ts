// The installed command as users run it: bin/ttx.js on the compiled CLI, in its own process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { copyOfExercises, edit, repoRoot } from './cli-harness.js';

const bin = path.join(repoRoot, 'tools/ttx/bin/ttx.js');
const run = (args: string[], cwd = repoRoot) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });

beforeAll(() => {
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', 'tools/ttx'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`tsc -b tools/ttx failed:\n${build.stdout}${build.stderr}`);
}, 180_000);

describe('bin/ttx.js', () => {
  it('exits 0 on the valid exercises/ folder', () => {
    const result = run(['validate', 'exercises']);
    expect(result.stdout).toMatch(/files valid/);
    expect(result.status).toBe(0);
  });

  it('exits 1 with positioned problems on a broken scenario', () => {
    const root = copyOfExercises();
    edit(root, 'exercises/grid-dark-winter/scenario.yaml', 'duration: "02:00"', 'duration: "two hours"');
    const result = run(['validate', 'exercises/grid-dark-winter/scenario.yaml'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^exercises\/grid-dark-winter\/scenario\.yaml:\d+:\d+: duration: /m);
  });

  it('exits 2 on an unknown option', () => {
    const result = run(['validate', '--strict', 'exercises']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--strict'");
  });

  it('prints nothing but the JSON object on stdout with --json', () => {
    const result = run(['simulate', 'exercises/grid-dark-winter/scenario.yaml', '--bots', 'random', '--seed', '5', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ scenario: 'grid-dark-winter', seed: 5 });
  });
});
