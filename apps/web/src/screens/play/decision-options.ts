// The choices a prompt offers: its allowed actions from the catalogue grouped by category, lowest rung first, and
// for each action the targets it may be aimed at.
import { COMMAND_TABLE, type AttributionConfidence } from '@ttx/engine';
import { ACTION_CATEGORIES, rungLevel, type Action, type ActionCatalogue, type ActionCategory, type ActionTrait, type Target } from '@ttx/scenario';

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

/** Every catalogue action, for a decision a team takes on its own initiative (no prompt narrows the choice). */
export function groupCatalogueActions(catalogue: ActionCatalogue): ActionGroup[] {
  return groupAllowedActions(catalogue, catalogue.actions.map((a) => a.id));
}

export interface ChoiceCheck {
  chosen: readonly string[];
  targetOf: Readonly<Record<string, string>>;
  maxActions: number;
  /** Targets an action may be aimed at here; an action with any must have one chosen. */
  targetsOf: (action: Action) => readonly Target[];
  catalogue: ActionCatalogue;
}

/** What is wrong with a choice of actions before it is sent, in words for the player; undefined when it can go. */
export function problemWithChoice(check: ChoiceCheck): string | undefined {
  if (check.chosen.length === 0) return 'Choose at least one action.';
  if (check.chosen.length > check.maxActions) return `Choose at most ${check.maxActions} action(s).`;
  const byId = new Map(check.catalogue.actions.map((a) => [a.id, a]));
  const missing = check.chosen.map((id) => byId.get(id)).find((a) => a && check.targetsOf(a).length > 0 && !check.targetOf[a.id]);
  return missing ? `Choose a target for “${missing.name}”.` : undefined;
}

/** The chosen actions as the decision sends them. */
export function choicesOf(chosen: readonly string[], targetOf: Readonly<Record<string, string>>) {
  return chosen.map((actionId) => (targetOf[actionId] ? { actionId, targetId: targetOf[actionId] } : { actionId }));
}

/** The chosen action ids after ticking or unticking one, in the order they were chosen. */
export function toggled(current: readonly string[], actionId: string, on: boolean): string[] {
  return on ? [...current.filter((c) => c !== actionId), actionId] : current.filter((c) => c !== actionId);
}

/** Traits of the actions that name a state publicly, for which a team may state its confidence. */
export const ATTRIBUTION_TRAITS: readonly ActionTrait[] = ['public-attribution', 'joint-attribution'];

/** The confidences a decision may state, as the command table takes them. */
export const CONFIDENCE_OPTIONS: readonly AttributionConfidence[] = COMMAND_TABLE['decision.submit'].schema.shape.confidence.unwrap().options;

/** Whether any chosen action names a state publicly. */
export function attributes(chosen: readonly string[], actions: readonly Action[]): boolean {
  return actions.some((a) => chosen.includes(a.id) && a.traits.some((t) => ATTRIBUTION_TRAITS.includes(t)));
}
