// The choices a prompt offers: its allowed actions from the catalogue grouped by category, lowest rung first, and
// for each action the targets it may be aimed at.
import { ACTION_CATEGORIES, rungLevel, type Action, type ActionCatalogue, type ActionCategory, type Target } from '@ttx/scenario';

export interface ActionGroup {
  category: ActionCategory;
  actions: Action[];
}

export function groupAllowedActions(catalogue: ActionCatalogue, allowed: readonly string[]): ActionGroup[] {
  const byId = new Map(catalogue.actions.map((a) => [a.id, a]));
  const actions = allowed.map((id) => byId.get(id)).filter((a): a is Action => a !== undefined);
  return ACTION_CATEGORIES.map((category) => ({
    category,
    actions: actions.filter((a) => a.category === category).sort((a, b) => rungLevel(a.rung) - rungLevel(b.rung)),
  })).filter((group) => group.actions.length > 0);
}

/** Targets of the prompt (or of the scenario, when the prompt names none) whose kind the action may be aimed at. */
export function targetsFor(action: Action, promptTargets: readonly string[], scenarioTargets: readonly Target[]): Target[] {
  if (action.targets.length === 0) return [];
  const pool = promptTargets.length
    ? scenarioTargets.filter((t) => promptTargets.includes(t.id))
    : scenarioTargets;
  return pool.filter((t) => action.targets.includes(t.kind));
}
