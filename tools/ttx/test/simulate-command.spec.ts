import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SimulationSummary } from '../src/simulation/simulation-summary.js';
import { copyOfExercises, edit, exerciseScenarios, ttx } from './cli-harness.js';

const GRID = 'exercises/grid-dark-winter/scenario.yaml';

async function simulate(scenario: string, bots: string, seed: number): Promise<SimulationSummary> {
  const result = await ttx(['simulate', scenario, '--bots', bots, '--seed', String(seed), '--json']);
  if (result.status !== 0) throw new Error(`ttx simulate exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as SimulationSummary;
}

const total = (summary: SimulationSummary) => summary.teams.reduce((sum, t) => sum + t.score, 0);

describe('ttx simulate', () => {
  it('gives the same digest for the same seed', async () => {
    const first = await simulate(GRID, 'random', 7);
    const second = await simulate(GRID, 'random', 7);
    expect(second.digest).toBe(first.digest);
    expect(second.events).toBe(first.events);
  });

  it('generally gives a different digest for a different seed', async () => {
    const digests = new Set<string>();
    for (const seed of [1, 2, 3]) digests.add((await simulate(GRID, 'random', seed)).digest);
    expect(digests.size).toBeGreaterThan(1);
  });

  it('prints scenario, seed, event count, digest, teams with policies and scores, and escalation peaks as JSON', async () => {
    const summary = await simulate(GRID, 'restrained,escalatory', 3);
    expect(summary).toMatchObject({ scenario: 'grid-dark-winter', seed: 3 });
    expect(summary.events).toBeGreaterThan(20);
    expect(summary.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.teams[0]).toMatchObject({ policy: 'restrained' });
    expect(summary.teams.slice(1).every((t) => t.policy === 'escalatory')).toBe(true);
    for (const team of summary.teams) {
      expect(typeof team.id).toBe('string');
      expect(typeof team.score).toBe('number');
      expect(Array.isArray(team.findings)).toBe(true);
    }
    expect(summary.escalation.max).toBe(Math.max(0, ...Object.values(summary.escalation.peaks)));
    expect(summary.refusals).toEqual([]);
  });

  it('prints a readable timeline with exercise times, decisions, findings and the digest', async () => {
    const result = await ttx(['simulate', GRID, '--bots', 'escalatory', '--seed', '1']);
    expect(result.status).toBe(0);
    // Worded as the review and the web client word events (eventWords).
    expect(result.stdout).toMatch(/^00:\d\d:\d\d {2}Inject g01-strategic-context "[^"]+" \(intelligence, SEV-1\) to /m);
    expect(result.stdout).toMatch(/^\d\d:\d\d:\d\d {2}Southland grid crisis cell decided: Isolate and restore/m);
    expect(result.stdout).toMatch(/^ +[+-]\d+ \S+ \[[^\]]+\] (commendation|note|concern|violation): /m);
    expect(result.stdout).toMatch(/^\d\d:\d\d:\d\d {2}Escalation .+ toward .+: ESC-\d+ to ESC-\d+/m);
    expect(result.stdout).toMatch(/digest [0-9a-f]{64}\n$/);
  });

  describe.each(exerciseScenarios())('on %s', (scenario) => {
    it.each([1, 2, 3, 4, 5])('a restrained run outscores an escalatory one and escalates less (seed %i)', async (seed) => {
      const restrained = await simulate(scenario, 'restrained', seed);
      const escalatory = await simulate(scenario, 'escalatory', seed);
      expect(total(restrained)).toBeGreaterThan(total(escalatory));
      expect(escalatory.escalation.max).toBeGreaterThan(restrained.escalation.max);
    });
  });

  it('writes the after-action review with --report', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ttx-report-')), 'aar');
    const result = await ttx(['simulate', GRID, '--bots', 'restrained,escalatory', '--seed', '2', '--json', '--report', dir]);
    expect(result.status).toBe(0);
    for (const file of ['aar.json', 'aar.html', 'aar.pdf', 'decisions.csv', 'timeline.csv'])
      expect(existsSync(path.join(dir, file)) && statSync(path.join(dir, file)).size > 0).toBe(true);
    expect(readFileSync(path.join(dir, 'aar.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // The scenario's summary has a minus sign (U+2212), beyond the standard PDF fonts: DejaVu Sans is embedded for it.
    expect(execFileSync('pdftotext', [path.join(dir, 'aar.pdf'), '-'], { encoding: 'utf8' })).toContain('−14 °C');
    const aar = JSON.parse(readFileSync(path.join(dir, 'aar.json'), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(aar)).toContain('grid-dark-winter');
    expect(JSON.parse(result.stdout)).toMatchObject({ scenario: 'grid-dark-winter', seed: 2 });
  });

  it('exits 2 for an unknown bot policy or a seed that is not a whole number', async () => {
    const policy = await ttx(['simulate', GRID, '--bots', 'restrained,hawk']);
    expect(policy.status).toBe(2);
    expect(policy.stderr).toContain('unknown bot policy "hawk"');
    const seed = await ttx(['simulate', GRID, '--seed', 'abc']);
    expect(seed.status).toBe(2);
    expect(seed.stderr).toContain('the seed must be a whole number');
  });

  it('exits 1 and shows the problems when the scenario is invalid', async () => {
    const root = copyOfExercises();
    edit(root, GRID, 'audience: [sl-gov, sl-cert, csf]', 'audience: [sl-gov, sl-cret, csf]');
    const result = await ttx(['simulate', GRID], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^exercises\/grid-dark-winter\/scenario\.yaml:\d+:\d+: injects\[\d+\]\.audience\[1\]: .*sl-cret/m);
    expect(result.stdout).toBe('');
  });
});
