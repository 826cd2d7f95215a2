// What a bot team sees when a decision prompt reaches it, and what it answers.
import type { ActionChoice, DecisionRecord, ReleasedInject } from '@ttx/engine';
import type { Action, ChannelDef, Incident, Scenario, Target, Team } from '@ttx/scenario';
import type { SeededRandom } from '@ttx/engine';

export type PromptOf = NonNullable<ReleasedInject['decision']>;

export interface PromptSituation {
  scenario: Scenario;
  /** The action catalogue by action id. */
  actions: ReadonlyMap<string, Action>;
  team: Team;
  inject: ReleasedInject;
  prompt: PromptOf;
  /** The hostile act the inject describes, if any (from the scenario). */
  incident?: Incident;
  /** This team's earlier decisions, oldest first. */
  earlier: readonly DecisionRecord[];
  /** Channels the team may post on. */
  channels: readonly ChannelDef[];
  random: SeededRandom;
}

export interface BotMessage {
  channelId: string;
  text: string;
}

/** An empty `actions` list means the team lets the prompt pass unanswered. */
export interface BotAnswer {
  actions: ActionChoice[];
  rationale: string;
  messages: BotMessage[];
}

export interface BotPolicy {
  name: string;
  /** One line for `ttx simulate --help`. */
  summary: string;
  answer(situation: PromptSituation): BotAnswer;
}

/** One action the prompt allows, paired with one allowed target it may take (or none when it takes no target). */
export interface Candidate {
  action: Action;
  target?: Target;
}

export function toChoice({ action, target }: Candidate): ActionChoice {
  return target ? { actionId: action.id, targetId: target.id } : { actionId: action.id };
}
