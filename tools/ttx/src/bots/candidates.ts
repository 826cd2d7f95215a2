// The moves a prompt allows a team, and the small judgements every policy shares (who the other side is).
import type { Action, Target } from '@ttx/scenario';
import {
  type BotAnswer,
  type BotMessage,
  type Candidate,
  type PromptSituation,
  toChoice,
} from './bot-policy.js';

/** Every (action, target) pair the prompt allows; an action without target kinds is offered once, untargeted. */
export function candidatesFor(situation: PromptSituation): Candidate[] {
  const allowedTargets = situation.scenario.targets.filter((t) => situation.prompt.targets.includes(t.id));
  const result: Candidate[] = [];
  for (const actionId of situation.prompt.actions) {
    const action = situation.actions.get(actionId);
    if (!action) continue;
    if (action.targets.length === 0) {
      result.push({ action });
      continue;
    }
    for (const target of allowedTargets)
      if (action.targets.includes(target.kind)) result.push({ action, target });
  }
  return result;
}

/** The state this team is dealing with: the incident's actor when known, else the first other state. */
export function counterpartState(situation: PromptSituation): string | undefined {
  const own = situation.team.state;
  const actor = situation.incident?.actor;
  if (actor && actor !== own) return actor;
  return situation.scenario.states.find((s) => s.id !== own)?.id;
}

export function hasTrait(action: Action, trait: Action['traits'][number]): boolean {
  return action.traits.includes(trait);
}

export function rungOf(action: Action): number {
  return Number(action.rung.slice(4));
}

/** Actions this team already took in earlier decisions. */
export function actionsTakenBefore(situation: PromptSituation): Set<string> {
  return new Set(situation.earlier.flatMap((d) => d.actions.map((a) => a.actionId)));
}

/** The first candidate per action, in the given order, up to `limit` distinct actions. */
export function distinctActions(ordered: readonly Candidate[], limit: number): Candidate[] {
  const seen = new Set<string>();
  const chosen: Candidate[] = [];
  for (const c of ordered) {
    if (chosen.length >= limit) break;
    if (seen.has(c.action.id)) continue;
    seen.add(c.action.id);
    chosen.push(c);
  }
  return chosen;
}

/** Orders targets so that those of `preferredState` come first, then by kind preference, then scenario order. */
export function targetRank(
  target: Target | undefined,
  preferredState: string | undefined,
  kinds: readonly string[],
): number {
  if (!target) return 0;
  const stateRank = target.state === preferredState ? 0 : 1;
  const kindIndex = kinds.indexOf(target.kind);
  return stateRank * 100 + (kindIndex < 0 ? kinds.length : kindIndex);
}

export interface RankedAnswer {
  /** The candidates the policy would take at all. */
  candidates: readonly Candidate[];
  /** The policy's own order (negative: `a` first); ties go to the target nearest the counterpart by `targetKinds`. */
  compare(a: Candidate, b: Candidate): number;
  targetKinds: readonly string[];
  /** The rationale for the chosen actions, given their names joined. */
  rationale(names: string): string;
  /** The rationale when nothing is chosen. */
  none: string;
  messages?(chosen: readonly Candidate[]): BotMessage[];
}

/** The answer of a policy that ranks its candidates: the first `maxActions` distinct actions in its order. */
export function rankedAnswer(situation: PromptSituation, policy: RankedAnswer): BotAnswer {
  const counterpart = counterpartState(situation);
  const ordered = [...policy.candidates].sort(
    (a, b) =>
      policy.compare(a, b) ||
      targetRank(a.target, counterpart, policy.targetKinds) -
        targetRank(b.target, counterpart, policy.targetKinds),
  );
  const chosen = distinctActions(ordered, situation.prompt.maxActions);
  return {
    actions: chosen.map(toChoice),
    rationale: chosen.length ? policy.rationale(chosen.map((c) => c.action.name).join('; ')) : policy.none,
    messages: policy.messages?.(chosen) ?? [],
  };
}
