// What teams did earlier in the exercise, read through indexes so that judging one event costs the size of the
// scenario, never the length of the log: the engine keeps `aims` and `messagedAt` as it folds the log, and a state
// assembled by hand (without them) gets the same indexes folded from its lists here, once.
import { aimKey, foldAims, foldMessagedAt, messagedKey } from '@ttx/engine';
import type { AimSpan, DecisionRecord, ExerciseState, MessageRecord } from '@ttx/engine';
import type { Action, ActionTrait } from '@ttx/scenario';
import type { RuleContext, WorldIndex } from './rule-context.js';
import { earlierMessageOf, purposedIn, purposeQueriesTo } from './message-purposes.js';

/** Decisions and messages by team, kept in step with the state's growing lists (the engine appends in place). */
interface ActivityIndex {
  decisionsSeen: number;
  messagesSeen: number;
  decisions: Map<string, DecisionRecord[]>;
  messages: Map<string, MessageRecord[]>;
}
const activities = new WeakMap<DecisionRecord[], ActivityIndex>();

function activityOf(state: ExerciseState): ActivityIndex {
  let index = activities.get(state.decisions);
  if (!index) {
    index = { decisionsSeen: 0, messagesSeen: 0, decisions: new Map(), messages: new Map() };
    activities.set(state.decisions, index);
  }
  // A state rebuilt from scratch reuses no arrays, so shrinking lists mean a different exercise: start over.
  if (index.decisionsSeen > state.decisions.length || index.messagesSeen > state.messages.length) {
    index.decisionsSeen = index.messagesSeen = 0;
    index.decisions.clear();
    index.messages.clear();
  }
  for (; index.decisionsSeen < state.decisions.length; index.decisionsSeen++) {
    const d = state.decisions[index.decisionsSeen];
    const list = index.decisions.get(d.teamId) ?? [];
    list.push(d);
    index.decisions.set(d.teamId, list);
  }
  for (; index.messagesSeen < state.messages.length; index.messagesSeen++) {
    const m = state.messages[index.messagesSeen];
    if (m.teamId === undefined) continue;
    const list = index.messages.get(m.teamId) ?? [];
    list.push(m);
    index.messages.set(m.teamId, list);
  }
  return index;
}

/** The team's earlier decisions, oldest first. */
export function decisionsOf(state: ExerciseState, teamId: string): readonly DecisionRecord[] {
  return activityOf(state).decisions.get(teamId) ?? [];
}

/** Every earlier decision, oldest first. */
export function allDecisions(state: ExerciseState): readonly DecisionRecord[] {
  return state.decisions;
}

/** The team's earlier messages, oldest first. */
export function messagesOf(state: ExerciseState, teamId: string): readonly MessageRecord[] {
  return activityOf(state).messages.get(teamId) ?? [];
}

// ---------------------------------------------------------------- aims and messages, indexed

/** An index folded here from a list, for states that do not carry the engine's. */
interface Folded<T> {
  world: WorldIndex;
  seen: number;
  index: Record<string, T>;
}
const foldedAims = new WeakMap<DecisionRecord[], Folded<AimSpan>>();
const foldedMessages = new WeakMap<MessageRecord[], Folded<number>>();

/** The index cached for `list`, brought up to date with the records appended since it was last read. */
function foldedIndex<R, T>(
  cache: WeakMap<R[], Folded<T>>,
  list: R[],
  world: WorldIndex,
  fold: (index: Record<string, T>, record: R) => void,
): Record<string, T> {
  let folded = cache.get(list);
  if (!folded || folded.world !== world || folded.seen > list.length) {
    folded = { world, seen: 0, index: {} };
    cache.set(list, folded);
  }
  for (; folded.seen < list.length; folded.seen++) fold(folded.index, list[folded.seen]!);
  return folded.index;
}

function aimsIn(state: ExerciseState, world: WorldIndex): Record<string, AimSpan> {
  if (state.aims) return state.aims;
  const stateOf = (targetId: string) => world.targets.get(targetId)?.state;
  return foldedIndex(foldedAims, state.decisions, world, (index, decision) =>
    foldAims(index, decision, stateOf),
  );
}

function messagedAtIn(state: ExerciseState, world: WorldIndex): Record<string, number> {
  return state.messagedAt ?? foldedIndex(foldedMessages, state.messages, world, foldMessagedAt);
}

/** Catalogue actions with one of `traits`, worked out once per catalogue and list of traits. */
const actionsByTraits = new WeakMap<WorldIndex, Map<string, Action[]>>();
function actionsWith(world: WorldIndex, traits: readonly ActionTrait[]): Action[] {
  let byTraits = actionsByTraits.get(world);
  if (!byTraits) actionsByTraits.set(world, (byTraits = new Map()));
  const key = traits.join(',');
  let actions = byTraits.get(key);
  if (!actions)
    byTraits.set(
      key,
      (actions = [...world.actions.values()].filter((a) => a.traits.some((t) => traits.includes(t)))),
    );
  return actions;
}

/** One `aims` key earlierAimsAt reads: a team of `state` aiming action `name` at the asked-about state. */
interface AimQuery {
  state: string;
  key: string;
  name: string;
}
const aimQueries = new WeakMap<WorldIndex, Map<string, AimQuery[]>>();
/** Every team outside `stateId` × every action with one of `traits`, in team then action order, keys built once. */
function aimQueriesOf(world: WorldIndex, stateId: string, traits: readonly ActionTrait[]): AimQuery[] {
  let byQuery = aimQueries.get(world);
  if (!byQuery) aimQueries.set(world, (byQuery = new Map()));
  const id = `${stateId}|${traits.join(',')}`;
  let queries = byQuery.get(id);
  if (queries) return queries;
  queries = [];
  const actions = actionsWith(world, traits);
  for (const team of world.teams.values()) {
    if (team.state === undefined || team.state === stateId) continue;
    for (const action of actions)
      queries.push({ state: team.state, key: aimKey(team.id, action.id, stateId), name: action.name });
  }
  byQuery.set(id, queries);
  return queries;
}

/** Whether the team earlier aimed an action with one of `traits` at a target of `otherState`. */
export function aimedEarlierAt(
  context: Pick<RuleContext, 'state' | 'world' | 'team'>,
  otherState: string,
  traits: readonly ActionTrait[],
): boolean {
  const aims = aimsIn(context.state, context.world);
  return actionsWith(context.world, traits).some(
    (a) => aims[aimKey(context.team.id, a.id, otherState)] !== undefined,
  );
}

/**
 * States whose teams earlier aimed an action with one of `traits` at a target of `stateId` (teams of that state
 * excepted), or sent it a message with such a purpose on the hotline or the CERT network, in the order each first
 * did so, with the name of the last such action of each (the words of the message, for a message).
 */
export function earlierAimsAt(
  context: Pick<RuleContext, 'state' | 'world' | 'scenario'>,
  stateId: string,
  traits: readonly ActionTrait[],
): Map<string, string> {
  const aims = aimsIn(context.state, context.world);
  const byState = new Map<
    string,
    { first: number; firstIndex: number; last: number; lastIndex: number; name: string }
  >();
  for (const query of aimQueriesOf(context.world, stateId, traits)) {
    const span = aims[query.key];
    if (!span) continue;
    const known = byState.get(query.state);
    if (!known) {
      byState.set(query.state, {
        first: span.firstSeq,
        firstIndex: span.firstIndex,
        last: span.lastSeq,
        lastIndex: span.lastIndex,
        name: query.name,
      });
      continue;
    }
    if (
      span.firstSeq < known.first ||
      (span.firstSeq === known.first && span.firstIndex < known.firstIndex)
    ) {
      known.first = span.firstSeq;
      known.firstIndex = span.firstIndex;
    }
    if (span.lastSeq > known.last || (span.lastSeq === known.last && span.lastIndex > known.lastIndex)) {
      known.last = span.lastSeq;
      known.lastIndex = span.lastIndex;
      known.name = query.name;
    }
  }
  // A message comes before or after a decision by its seq alone: the two never share one.
  const purposed = purposedIn(context.state);
  for (const query of purposeQueriesTo(context.scenario, context.world, stateId, traits)) {
    if (query.teamState === undefined || query.teamState === stateId) continue;
    const span = purposed[query.key];
    if (!span) continue;
    const known = byState.get(query.teamState);
    const name = earlierMessageOf(span.last, query.channel).label;
    if (!known) {
      byState.set(query.teamState, { first: span.first.seq, firstIndex: 0, last: span.last.seq, lastIndex: 0, name });
      continue;
    }
    if (span.first.seq < known.first) {
      known.first = span.first.seq;
      known.firstIndex = 0;
    }
    if (span.last.seq > known.last) {
      known.last = span.last.seq;
      known.lastIndex = 0;
      known.name = name;
    }
  }
  const ordered = [...byState].sort(([, a], [, b]) => a.first - b.first || a.firstIndex - b.firstIndex);
  return new Map(ordered.map(([state, { name }]) => [state, name]));
}

/** The latest exercise time of the team's earlier messages on `channelId`, if it sent any there. */
export function lastMessagedAt(
  state: ExerciseState,
  world: WorldIndex,
  channelId: string,
  teamId: string,
): number | undefined {
  return messagedAtIn(state, world)[messagedKey(channelId, teamId)];
}

/** Whether the team opened a hotline to `otherState`: a hotline message on a channel shared with a team of it. */
export function usedHotlineWith(context: RuleContext, otherState: string): boolean {
  const messagedAt = messagedAtIn(context.state, context.world);
  return context.scenario.channels.some(
    (c) =>
      c.kind === 'hotline' &&
      c.members.includes(context.team.id) &&
      c.members.some((m) => context.world.teams.get(m)?.state === otherState) &&
      messagedAt[messagedKey(c.id, context.team.id)] !== undefined,
  );
}

/** The team's latest earlier decision aiming an action with one of `traits` at `otherState`, and that action. */
export function lastAimedAt(
  context: Pick<RuleContext, 'state' | 'world' | 'team'>,
  otherState: string,
  traits: readonly ActionTrait[],
): { decision: DecisionRecord; action: Action } | undefined {
  const aims = aimsIn(context.state, context.world);
  let best: { seq: number; action: Action } | undefined;
  for (const action of actionsWith(context.world, traits)) {
    const span = aims[aimKey(context.team.id, action.id, otherState)];
    if (span && (!best || span.lastSeq > best.seq)) best = { seq: span.lastSeq, action };
  }
  if (!best) return undefined;
  const decision = decisionAt(context.state.decisions, best.seq);
  return decision && { decision, action: best.action };
}

/** The decision with `seq` in a list kept in seq order (binary search: the log may be long). */
function decisionAt(decisions: readonly DecisionRecord[], seq: number): DecisionRecord | undefined {
  let low = 0;
  let high = decisions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = decisions[mid]!.seq;
    if (at === seq) return decisions[mid];
    if (at < seq) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/** The latest time the team messaged on a hotline it shares with a team of `otherState`, if it ever did. */
export function lastHotlineAt(context: RuleContext, otherState: string): number | undefined {
  const messagedAt = messagedAtIn(context.state, context.world);
  let latest: number | undefined;
  for (const c of context.scenario.channels) {
    if (c.kind !== 'hotline' || !c.members.includes(context.team.id)) continue;
    if (!c.members.some((m) => context.world.teams.get(m)?.state === otherState)) continue;
    const at = messagedAt[messagedKey(c.id, context.team.id)];
    if (at !== undefined && (latest === undefined || at > latest)) latest = at;
  }
  return latest;
}

/**
 * The name of the last action with one of `traits` that another team of the team's own state (an infrastructure
 * operator asking its CERT or government, say) aimed at a target of that state, or the words of its last message
 * with such a purpose on the hotline or the CERT network reaching that state; undefined when none did.
 */
export function domesticAimAt(
  context: Pick<RuleContext, 'state' | 'world' | 'team' | 'scenario'>,
  traits: readonly ActionTrait[],
): string | undefined {
  const own = context.team.state;
  if (own === undefined) return undefined;
  const aims = aimsIn(context.state, context.world);
  let latest: { seq: number; index: number; name: string } | undefined;
  for (const team of context.world.teams.values()) {
    if (team.state !== own || team.id === context.team.id) continue;
    for (const action of actionsWith(context.world, traits)) {
      const span = aims[aimKey(team.id, action.id, own)];
      if (!span) continue;
      if (!latest || span.lastSeq > latest.seq || (span.lastSeq === latest.seq && span.lastIndex > latest.index))
        latest = { seq: span.lastSeq, index: span.lastIndex, name: action.name };
    }
  }
  const purposed = purposedIn(context.state);
  for (const query of purposeQueriesTo(context.scenario, context.world, own, traits)) {
    if (query.teamState !== own || query.teamId === context.team.id) continue;
    const span = purposed[query.key];
    if (span && (!latest || span.last.seq > latest.seq))
      latest = { seq: span.last.seq, index: 0, name: earlierMessageOf(span.last, query.channel).label };
  }
  return latest?.name;
}
