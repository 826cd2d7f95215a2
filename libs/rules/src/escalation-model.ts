/**
 * The escalation model: a level on the ladder ESC-0…10 for every ordered pair of states, keyed `from>to`
 * (`escalation["northland>southland"]` is how far Northland has escalated against Southland).
 *
 * - **Actions raise it.** When a state's team chooses an action aimed at a target of another state (targets
 *   belong to states), the pair `team's state>target's state` rises to the action's rung if it is lower.
 *   Actions with no target, aimed at the team's own state, or at ESC-0 move nothing.
 * - **CBM channels ease it.** A decision that reaches the other state through a hotline, consultation or
 *   notification action lowers both directions of the pair by `cbmRelief` — unless the same decision also acts
 *   against that state at `reliefBlockedFromRung` or above (talking while striking reassures no one). A message
 *   on a hotline channel lowers both directions between the sender's state and the other members' states by
 *   `hotlineRelief`, at most once per `hotlineCooldownMinutes` per team and channel.
 * - **Time eases it.** Each hostile action (rung ≥ 1) of `from` against `to` taken at time t with rung r holds
 *   the pair up to r − ⌊(now − t) / easeEveryMinutes⌋; the level never stays above the highest such hold, so a
 *   pair left quiet drops one rung per `easeEveryMinutes` of exercise time (0 turns time easing off). A level with
 *   no hostile action behind it (set by a controller) is left to the controller.
 *
 * Scenario incidents (scripted hostile acts) do not move levels: the ladder measures what the teams do.
 * Parameters live in the rule set's `escalation:` map; missing ones take `ESCALATION_DEFAULTS`.
 */
import type { ActionTrait, RuleSet, Scenario } from '@ttx/scenario';
import type { DecisionRecord, EscalationMove, ExerciseState, MessageRecord } from '@ttx/engine';
import { foreignState, hasTrait, lastMessagedAt, resolveChoices, type ChosenAction, type WorldIndex } from './rule-context.js';

export const ESCALATION_DEFAULTS = {
  /** Exercise minutes for a quiet pair to drop one rung (0: no easing over time). */
  easeEveryMinutes: 20,
  /** Rungs removed from both directions of a pair by a CBM action between its states. */
  cbmRelief: 1,
  /** Rungs removed from both directions by a hotline message. */
  hotlineRelief: 1,
  /** Exercise minutes before the same team's hotline messages on a channel ease again. */
  hotlineCooldownMinutes: 10,
  /** A decision acting against the other state at this rung or above earns no CBM relief toward it. */
  reliefBlockedFromRung: 2,
} as const;

export type EscalationParams = { -readonly [K in keyof typeof ESCALATION_DEFAULTS]: number };

/** Descriptions of the parameters, for docs/rules.md. */
export const ESCALATION_PARAM_DOCS: Record<keyof EscalationParams, string> = {
  easeEveryMinutes: 'Exercise minutes for a quiet pair to drop one rung (0 turns easing over time off).',
  cbmRelief: 'Rungs removed from both directions of a pair when a decision reaches the other state through a hotline, consultation or notification action.',
  hotlineRelief: 'Rungs removed from both directions of a pair by a message on a hotline channel.',
  hotlineCooldownMinutes: "Exercise minutes before a team's hotline messages on the same channel ease again.",
  reliefBlockedFromRung: 'A decision that also acts against the other state at this rung or above earns no CBM relief toward it.',
};

/** Traits of the actions that count as using a CBM channel. */
export const CBM_CHANNEL_TRAITS: readonly ActionTrait[] = ['hotline', 'consultation', 'notification'];

const MINUTE = 60_000;

export function escalationParams(ruleSet: RuleSet): EscalationParams {
  const params: EscalationParams = { ...ESCALATION_DEFAULTS };
  for (const key of Object.keys(params) as (keyof EscalationParams)[]) {
    const value = ruleSet.escalation[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) params[key] = value;
  }
  return params;
}

export function pairKey(from: string, to: string): string {
  return `${from}>${to}`;
}

/** Levels as they stand, updated as a decision's moves are worked out. */
class LevelBook {
  readonly moves: EscalationMove[] = [];
  private readonly levels = new Map<string, number>();
  constructor(private readonly state: ExerciseState) {}
  level(from: string, to: string): number {
    const key = pairKey(from, to);
    return this.levels.get(key) ?? this.state.escalation[key] ?? 0;
  }
  move(from: string, to: string, level: number, detail: Omit<EscalationMove, 'from' | 'to' | 'level'>): void {
    const next = Math.max(0, Math.min(10, level));
    if (next === this.level(from, to)) return;
    this.levels.set(pairKey(from, to), next);
    this.moves.push({ from, to, level: next, ...detail });
  }
}

/** Moves caused by a decision of a team acting for `ownState`. */
export function escalationForDecision(
  params: EscalationParams,
  state: ExerciseState,
  decision: Pick<DecisionRecord, 'decisionId' | 'teamId'>,
  ownState: string | undefined,
  chosen: readonly ChosenAction[],
): EscalationMove[] {
  if (ownState === undefined) return [];
  const team = { state: ownState };
  const book = new LevelBook(state);
  // One move per state acted against, to the decision's highest rung against it.
  const highest = new Map<string, ChosenAction>();
  for (const c of chosen) {
    const other = foreignState(team, c);
    if (other === undefined) continue;
    const known = highest.get(other);
    if (!known || c.rung > known.rung) highest.set(other, c);
  }
  for (const [other, c] of highest) {
    if (c.rung > 0 && c.rung > book.level(ownState, other)) {
      book.move(ownState, other, c.rung, { cause: 'action', decisionId: decision.decisionId, actionId: c.action.id, teamId: decision.teamId });
    }
  }
  const eased = new Set<string>();
  for (const c of chosen) {
    const other = foreignState(team, c);
    if (other === undefined || eased.has(other) || !hasTrait(c.action, CBM_CHANNEL_TRAITS)) continue;
    if ((highest.get(other)?.rung ?? 0) >= params.reliefBlockedFromRung) continue;
    eased.add(other);
    const detail = { cause: 'cbm' as const, decisionId: decision.decisionId, actionId: c.action.id, teamId: decision.teamId };
    book.move(ownState, other, book.level(ownState, other) - params.cbmRelief, detail);
    book.move(other, ownState, book.level(other, ownState) - params.cbmRelief, detail);
  }
  return book.moves;
}

/** Moves caused by a hotline message from a team acting for `ownState`. */
export function escalationForMessage(
  params: EscalationParams,
  scenario: Scenario,
  world: WorldIndex,
  state: ExerciseState,
  message: Pick<MessageRecord, 'channelId' | 'teamId' | 'exerciseTime'>,
): EscalationMove[] {
  const channel = scenario.channels.find((c) => c.id === message.channelId);
  const teamId = message.teamId;
  const ownState = teamId === undefined ? undefined : world.teams.get(teamId)?.state;
  if (!channel || channel.kind !== 'hotline' || teamId === undefined || ownState === undefined) return [];
  const cooldown = params.hotlineCooldownMinutes * MINUTE;
  // The latest earlier message is the nearest: if it is outside the cooldown, every earlier one is.
  const last = lastMessagedAt(state, world, channel.id, teamId);
  const recent = last !== undefined && message.exerciseTime - last < cooldown;
  if (recent) return [];
  const book = new LevelBook(state);
  const others = new Set(channel.members.map((m) => world.teams.get(m)?.state).filter((s): s is string => s !== undefined && s !== ownState));
  for (const other of others) {
    book.move(ownState, other, book.level(ownState, other) - params.hotlineRelief, { cause: 'cbm', teamId });
    book.move(other, ownState, book.level(other, ownState) - params.hotlineRelief, { cause: 'cbm', teamId });
  }
  return book.moves;
}

/** Hostile actions per pair, oldest first, kept in step with the state's growing decision list. */
interface HostileIndex {
  seen: number;
  byPair: Map<string, { at: number; rung: number }[]>;
}
const hostileIndexes = new WeakMap<DecisionRecord[], HostileIndex>();

function hostileActions(world: WorldIndex, state: ExerciseState): HostileIndex {
  let index = hostileIndexes.get(state.decisions);
  if (!index || index.seen > state.decisions.length) {
    index = { seen: 0, byPair: new Map() };
    hostileIndexes.set(state.decisions, index);
  }
  for (; index.seen < state.decisions.length; index.seen++) {
    const d = state.decisions[index.seen];
    const own = world.teams.get(d.teamId)?.state;
    if (own === undefined) continue;
    for (const c of resolveChoices(world, d.actions)) {
      const other = c.target?.state;
      if (c.rung === 0 || other === undefined || other === own) continue;
      const key = pairKey(own, other);
      const list = index.byPair.get(key) ?? [];
      list.push({ at: d.exerciseTime, rung: c.rung });
      index.byPair.set(key, list);
    }
  }
  return index;
}

/** Easing due by `exerciseTime`: every pair above the hold of its hostile actions comes down to it. */
export function escalationEasing(
  params: EscalationParams,
  world: WorldIndex,
  state: ExerciseState,
  exerciseTime: number,
): EscalationMove[] {
  if (params.easeEveryMinutes <= 0) return [];
  const step = params.easeEveryMinutes * MINUTE;
  const index = hostileActions(world, state);
  const moves: EscalationMove[] = [];
  for (const [key, level] of Object.entries(state.escalation)) {
    const hostile = index.byPair.get(key);
    if (level <= 0 || !hostile) continue;
    let hold = 0;
    for (let i = hostile.length - 1; i >= 0; i--) {
      const elapsed = Math.max(0, exerciseTime - hostile[i].at);
      if (elapsed >= 10 * step) break;
      hold = Math.max(hold, hostile[i].rung - Math.floor(elapsed / step));
    }
    if (hold < level) {
      const [from, to] = key.split('>');
      moves.push({ from, to, level: hold, cause: 'easing' });
    }
  }
  return moves;
}
