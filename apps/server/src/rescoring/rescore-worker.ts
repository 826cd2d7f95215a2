// The re-scoring worker (a piscina thread, run by rescore-pool.ts): reads the rule set asked for and judges the
// exercise's log again under it, so that neither the YAML, the replay of a long log nor its garbage holds the server's
// event loop.
import type { ExerciseEvent } from '@ttx/engine';
import { exerciseBundle, loadRuleSetFor, rescore, type RescoreResult } from '@ttx/report';
import { formatProblem, type ActionCatalogue, type RuleSet, type Scenario } from '@ttx/scenario';

export interface RescoreTask {
  exercise: { id: string; name: string };
  context: { scenario: Scenario; catalogue: ActionCatalogue; ruleSet: RuleSet };
  events: ExerciseEvent[];
  /** A rule set the server loaded, or YAML text to load (named `file` in its problems). */
  rules: { kind: 'loaded'; ruleSet: RuleSet } | { kind: 'yaml'; file: string; text: string };
}

export type RescoreOutcome =
  | { kind: 'rescored'; result: RescoreResult }
  /** The rule set does not load or does not fit the exercise: each problem as `file:line:col: path: message`. */
  | { kind: 'invalid'; problems: string[] };

/** The rule set of the task, loaded and checked against the exercise's catalogue when it came as YAML. */
function ruleSetOf(task: RescoreTask): { ok: true; ruleSet: RuleSet } | { ok: false; problems: string[] } {
  const { rules } = task;
  if (rules.kind === 'loaded') return { ok: true, ruleSet: rules.ruleSet };
  const loaded = loadRuleSetFor({ path: rules.file, text: rules.text }, task.context.catalogue);
  return loaded.ok ? { ok: true, ruleSet: loaded.value } : { ok: false, problems: loaded.problems.map(formatProblem) };
}

export function rescoreExercise(task: RescoreTask): RescoreOutcome {
  const rules = ruleSetOf(task);
  if (!rules.ok) return { kind: 'invalid', problems: rules.problems };
  const outcome = rescore(exerciseBundle(task.context, task.events, task.exercise), rules.ruleSet);
  if (!outcome.ok) {
    const file = task.rules.kind === 'yaml' ? task.rules.file : `rule set ${rules.ruleSet.id}`;
    return { kind: 'invalid', problems: outcome.problems.map((p) => `${file}: ${p.path}: ${p.message}`) };
  }
  return { kind: 'rescored', result: outcome.result };
}
