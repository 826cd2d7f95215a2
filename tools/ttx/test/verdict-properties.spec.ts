// One assessment per action, whatever the team does: over every bot on every shipped scenario and seeds 1–5, each
// action of each decision gets exactly one verdict; no action is both commended and found a violation; no step
// above ESC-1 is commended except a well-founded public attribution; and an action's points are its findings' sum.
import path from 'node:path';
import { createScoringModel } from '@ttx/rules';
import { rungLevel } from '@ttx/scenario';
import type { ExerciseEvent, Finding } from '@ttx/engine';
import { assignPolicies } from '../src/bots/bot-policies.js';
import { loadExerciseLibrary } from '../src/library/load-exercise-library.js';
import { runSimulation } from '../src/simulation/run-simulation.js';
import { repoRoot } from './fixture-world.js';

const SCENARIOS = ['grid-dark-winter', 'hospital-ransomware', 'satellite-blackout'];
const POLICIES = ['restrained', 'lawful-retaliator', 'escalatory', 'unlawful', 'random'] as const;
const SEEDS = [1, 2, 3, 4, 5];

function run(scenarioId: string, policy: string, seed: number) {
  const { library } = loadExerciseLibrary([path.join(repoRoot, 'exercises', scenarioId, 'scenario.yaml')], repoRoot);
  const { scenario } = [...library.scenarios.values()][0]!;
  const ruleSet = library.ruleSets.get(scenario.rules)!;
  const catalogue = library.catalogues.get(ruleSet.catalogue)!;
  const assignment = assignPolicies([policy], scenario.teams.map((t) => t.id));
  if (!assignment.ok) throw new Error(assignment.message);
  const { events } = runSimulation({ context: { scenario, catalogue, ruleSet, scoring: createScoringModel() }, policies: assignment.policies, seed });
  return { events, catalogue };
}

const runs = SCENARIOS.flatMap((s) => POLICIES.flatMap((p) => SEEDS.map((seed) => [s, p, seed] as const)));

describe('verdicts over bot runs', () => {
  const seen = { decisions: 0, verdicts: new Map<string, number>() };

  it.each(runs)('%s, %s bot, seed %i: one verdict per action, never commended and violated, escalation never commended', (scenarioId, policy, seed) => {
    const { events, catalogue } = run(scenarioId, policy, seed);
    const rung = new Map(catalogue.actions.map((a) => [a.id, rungLevel(a.rung)]));
    const traits = new Map(catalogue.actions.map((a) => [a.id, a.traits]));
    const assessed = new Map<string, ExerciseEvent & { type: 'findings.recorded' }>();
    for (const e of events) if (e.type === 'findings.recorded' && e.payload.decisionId !== undefined && e.payload.verdicts) assessed.set(e.payload.decisionId, e);
    for (const e of events) {
      if (e.type !== 'decision.submitted') continue;
      seen.decisions += 1;
      const recorded = assessed.get(e.payload.decisionId);
      expect(recorded).toBeDefined();
      const { verdicts = [], findings } = recorded!.payload;
      const keys = e.payload.actions.map((a) => `${a.actionId}:${a.targetId ?? ''}`);
      expect(verdicts.map((v) => `${v.actionId}:${v.targetId ?? ''}`)).toEqual([...new Set(keys)]);
      for (const v of verdicts) {
        seen.verdicts.set(v.verdict, (seen.verdicts.get(v.verdict) ?? 0) + 1);
        const own: Finding[] = findings.filter((f) => f.actionId === v.actionId && f.targetId === v.targetId);
        const severities = new Set(own.map((f) => f.severity));
        expect(severities.has('commendation') && severities.has('violation')).toBe(false);
        if (severities.has('violation')) {
          expect(v.verdict).toBe('violation');
          expect(own.filter((f) => f.delta > 0)).toEqual([]);
        }
        const escalatory = rung.get(v.actionId)! > 1;
        const wellFoundedAttribution =
          traits.get(v.actionId)!.includes('public-attribution') && own.some((f) => f.ruleKind === 'attribution-care' && f.severity === 'commendation');
        if (escalatory && !wellFoundedAttribution) {
          expect(v.verdict).not.toBe('commendation');
          expect(own.filter((f) => f.severity === 'commendation')).toEqual([]);
        }
        expect(v.total).toBeCloseTo(own.reduce((sum, f) => sum + f.delta, 0), 6);
        expect(v.summary).toMatch(/^Characterised as .+ ⇒ (A violation|A concern|Acceptable|Commended)/);
      }
    }
  });

  afterAll(() => {
    // The runs must exercise every verdict, or the properties above prove little.
    expect(seen.decisions).toBeGreaterThan(100);
    expect([...seen.verdicts.keys()].sort()).toEqual(['acceptable', 'commendation', 'concern', 'violation']);
  });
});
