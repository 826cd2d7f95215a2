// `ttx simulate --bundle` writes an exercise bundle and `ttx rescore` judges it again under another rule set:
// both scoreboards and the differing findings as a table or JSON, positioned problems for a bad rule set or bundle.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExerciseBundle, RescoreResult } from '@ttx/report';
import { copyOfExercises, edit, lineOf, ttx } from './cli-harness.js';

const GRID = 'exercises/grid-dark-winter/scenario.yaml';

describe('ttx rescore', () => {
  let root: string;
  let strictText: string;

  beforeAll(async () => {
    root = copyOfExercises();
    const simulated = await ttx(['simulate', GRID, '--bots', 'escalatory', '--seed', '4', '--bundle', 'out/run.json'], root);
    if (simulated.status !== 0) throw new Error(simulated.stderr);
    // A stricter rule set: damage to civilian infrastructure costs three times as much.
    const original = readFileSync(path.join(root, 'exercises/roe/default.yaml'), 'utf8');
    strictText = original.replace('id: default', 'id: strict').replace('weight: 20', 'weight: 60');
    writeFileSync(path.join(root, 'strict.yaml'), strictText);
  }, 120_000);

  it('writes a bundle from a simulated run, saying where', async () => {
    const simulated = await ttx(['simulate', GRID, '--bots', 'restrained', '--seed', '2', '--bundle', 'out/calm.json'], root);
    expect(simulated.status).toBe(0);
    expect(simulated.stderr).toContain('exercise bundle written: out/calm.json');
    const bundle = JSON.parse(readFileSync(path.join(root, 'out/calm.json'), 'utf8')) as ExerciseBundle;
    expect(bundle).toMatchObject({ format: 'ttx-exercise-bundle', version: 1, scenario: { id: 'grid-dark-winter' }, ruleSet: { id: 'default' } });
    expect(bundle.events[0]).toMatchObject({ seq: 1, type: 'exercise.created' });
  });

  it('finds no difference under the rule set the run was scored by', async () => {
    const result = await ttx(['rescore', 'out/run.json', '--rules', 'exercises/roe/default.yaml'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No finding differs');
  });

  it('prints both scoreboards and the findings that differ as a table', async () => {
    const result = await ttx(['rescore', 'out/run.json', '--rules', 'strict.yaml'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Dark Winter: .* — re-scored \(\d+ events\)$/m);
    expect(result.stdout).toContain('recorded under default');
    expect(result.stdout).toContain('re-scored under strict');
    expect(result.stdout).toMatch(/^ {2}team +dimension +recorded +re-scored +change$/m);
    expect(result.stdout).toMatch(/^ {2}\S.* total +[+-]?\d/m);
    expect(result.stdout).toMatch(/^Findings that differ \(\d+\)$/m);
    expect(result.stdout).toMatch(/^ +\d+ +.+ +protect-civilian-infrastructure +decision \S+ +changed +-\d+ restraint +-\d+ restraint +-\d+$/m);
  });

  it('prints the same result as JSON with --json', async () => {
    const result = await ttx(['rescore', 'out/run.json', '--rules', 'strict.yaml', '--json'], root);
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as RescoreResult;
    expect(parsed.rescored.ruleSet.id).toBe('strict');
    const tripled = parsed.changes.filter((c) => c.ruleId === 'protect-civilian-infrastructure');
    expect(tripled.length).toBeGreaterThan(0);
    for (const c of tripled) expect(c).toMatchObject({ change: 'changed', after: { delta: c.before!.delta * 3 } });
    for (const team of parsed.rescored.teams) {
      const before = parsed.recorded.teams.find((t) => t.teamId === team.teamId)!;
      const moved = parsed.changes.filter((c) => c.teamId === team.teamId).reduce((sum, c) => sum + c.pointsDelta, 0);
      expect(team.total).toBeCloseTo(before.total + moved, 1);
    }
  });

  it('reports a rule set that is not valid at file:line:col, as ttx validate does, and exits 1', async () => {
    const broken = strictText.replace('weight: 60', 'weight: sixty');
    writeFileSync(path.join(root, 'broken.yaml'), broken);
    const result = await ttx(['rescore', 'out/run.json', '--rules', 'broken.yaml'], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`broken.yaml:${lineOf(broken, 'weight: sixty')}:`);
    expect(result.stderr).toMatch(/: rules\[0\]\.weight: /);
    expect(result.stdout).toBe('');
  });

  it('positions an escalation parameter the rules library refuses, and exits 1', async () => {
    const broken = strictText.replace('cbmRelief: 1', 'cbmRelief: -1');
    writeFileSync(path.join(root, 'below-zero.yaml'), broken);
    const result = await ttx(['rescore', 'out/run.json', '--rules', 'below-zero.yaml'], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`below-zero.yaml:${lineOf(broken, 'cbmRelief: -1')}:`);
    expect(result.stderr).toMatch(/: escalation\.cbmRelief: must be a number of at least 0/);
  });

  it('refuses a rule set made for another action catalogue than the bundle\'s', async () => {
    const other = edit(root, 'exercises/roe/default.yaml', 'catalogue: catalogue', 'catalogue: another');
    expect(other).toContain('catalogue: another');
    const result = await ttx(['rescore', 'out/run.json', '--rules', 'exercises/roe/default.yaml'], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/exercises\/roe\/default\.yaml:\d+:\d+: catalogue: /);
    edit(root, 'exercises/roe/default.yaml', 'catalogue: another', 'catalogue: catalogue');
  });

  it('gives the JSON path of what is wrong in a bundle, and exits 1', async () => {
    const bundle = JSON.parse(readFileSync(path.join(root, 'out/run.json'), 'utf8')) as Record<string, unknown> & { events: Record<string, unknown>[] };
    bundle.events[2] = { ...bundle.events[2], audience: { kind: 'everyone' } };
    const dir = mkdtempSync(path.join(tmpdir(), 'ttx-bundle-'));
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...bundle, version: 3 }));
    const result = await ttx(['rescore', path.join(dir, 'bad.json'), '--rules', path.join(root, 'strict.yaml')], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad\.json: version: must be 1/);
    expect(result.stderr).toMatch(/bad\.json: events\[2\]\.audience/);
    expect(result.stderr).toContain('BUNDLE_INVALID');
  });

  it('exits 2 without --rules or with a bundle that does not exist', async () => {
    expect((await ttx(['rescore', 'out/run.json'], root)).status).toBe(2);
    const missing = await ttx(['rescore', 'out/none.json', '--rules', 'strict.yaml'], root);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('out/none.json: no such bundle file');
  });
});
