// One shipped scenario played by one bot policy on every team with one seed, through the real engine and rules.
import path from 'node:path';
import { createScoringModel } from '@ttx/rules';
import { assignPolicies } from '../src/bots/bot-policies.js';
import { loadExerciseLibrary } from '../src/library/load-exercise-library.js';
import { runSimulation } from '../src/simulation/run-simulation.js';
import { repoRoot } from './fixture-world.js';

export const SHIPPED_SCENARIOS = ['grid-dark-winter', 'hospital-ransomware', 'satellite-blackout'];
export const SEEDS = [1, 2, 3, 4, 5];

export function playBot(scenarioId: string, policy: string, seed: number) {
  const { library } = loadExerciseLibrary([path.join(repoRoot, 'exercises', scenarioId, 'scenario.yaml')], repoRoot);
  const { scenario } = [...library.scenarios.values()][0]!;
  const ruleSet = library.ruleSets.get(scenario.rules)!;
  const catalogue = library.catalogues.get(ruleSet.catalogue)!;
  const assignment = assignPolicies([policy], scenario.teams.map((t) => t.id));
  if (!assignment.ok) throw new Error(assignment.message);
  const { events } = runSimulation({ context: { scenario, catalogue, ruleSet, scoring: createScoringModel() }, policies: assignment.policies, seed });
  return { events, scenario, catalogue };
}
