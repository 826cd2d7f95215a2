// The bots rank as the rules of engagement say they should, on every shipped scenario and seeds 1–5: restraint scores
// at least as well as lawful countermeasures, which beat escalation, which beats striking protected targets; and the
// unlawful team draws violations of sovereignty (TM2-R4), NORM-F or NORM-K.
import path from 'node:path';
import { createScoringModel, scoreboardFromEvents } from '@ttx/rules';
import { assignPolicies } from '../src/bots/bot-policies.js';
import { loadExerciseLibrary } from '../src/library/load-exercise-library.js';
import { runSimulation } from '../src/simulation/run-simulation.js';
import { repoRoot } from './fixture-world.js';

const SCENARIOS = ['grid-dark-winter', 'hospital-ransomware', 'satellite-blackout'];
const POLICIES = ['restrained', 'lawful-retaliator', 'escalatory', 'unlawful'] as const;
const SEEDS = [1, 2, 3, 4, 5];

function played(scenarioId: string, policy: string, seed: number) {
  const { library } = loadExerciseLibrary([path.join(repoRoot, 'exercises', scenarioId, 'scenario.yaml')], repoRoot);
  const { scenario } = [...library.scenarios.values()][0]!;
  const ruleSet = library.ruleSets.get(scenario.rules)!;
  const catalogue = library.catalogues.get(ruleSet.catalogue)!;
  const assignment = assignPolicies([policy], scenario.teams.map((t) => t.id));
  if (!assignment.ok) throw new Error(assignment.message);
  const run = runSimulation({ context: { scenario, catalogue, ruleSet, scoring: createScoringModel() }, policies: assignment.policies, seed });
  const findings = run.events.flatMap((e) => (e.type === 'findings.recorded' ? e.payload.findings : []));
  const total = scoreboardFromEvents(run.events, { teams: scenario.teams.map((t) => t.id) }).reduce((sum, s) => sum + s.total, 0);
  return { total, findings, events: run.events };
}

describe.each(SCENARIOS)('the bots on %s', (scenarioId) => {
  it.each(SEEDS)('rank restrained ≥ lawful-retaliator > escalatory > unlawful with seed %i', (seed) => {
    const totals = Object.fromEntries(POLICIES.map((p) => [p, played(scenarioId, p, seed).total]));
    expect(totals.restrained).toBeGreaterThanOrEqual(totals['lawful-retaliator']!);
    expect(totals['lawful-retaliator']).toBeGreaterThan(totals.escalatory!);
    expect(totals.escalatory).toBeGreaterThan(totals.unlawful!);
  });

  it('finds the unlawful team violating sovereignty, NORM-F or NORM-K', () => {
    const { findings } = played(scenarioId, 'unlawful', 1);
    const violations = findings.filter((f) => f.severity === 'violation');
    expect(violations.some((f) => f.cites.some((c) => ['TM2-R4', 'NORM-F', 'NORM-K'].includes(c)))).toBe(true);
  });
});

describe('the lawful retaliator on Dark Winter', () => {
  it.each(SEEDS)('demands compliance before its reversible countermeasure and draws no violation for it (seed %i)', (seed) => {
    const { events, findings } = played('grid-dark-winter', 'lawful-retaliator', seed);
    const decisions = events.flatMap((e) => (e.type === 'decision.submitted' ? [e.payload] : []));
    const struck = decisions.filter((d) => d.actions.some((a) => a.actionId === 'reversible-countermeasure'));
    expect(struck.length).toBeGreaterThan(0);
    for (const strike of struck) {
      const before = decisions.filter((d) => d.teamId === strike.teamId && d.decisionId !== strike.decisionId && decisions.indexOf(d) < decisions.indexOf(strike));
      expect(before.some((d) => d.actions.some((a) => a.actionId === 'private-demarche'))).toBe(true);
      const own = findings.filter((f) => f.decisionId === strike.decisionId && f.severity === 'violation');
      expect(own.map((f) => f.ruleId)).toEqual([]);
    }
  });
});
