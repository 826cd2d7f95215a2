// The fold of the event log: `applyEvent` updates a state in place (linear replay), replacing rather than mutating
// the small objects it changes (inject states, the clock, a team's participants) so that forks can share them, and
// writing the records a fork shares with its base only through `writable` (see state-fork.ts).
import { foldAims, foldMessagedAt } from './activity-index.js';
import { conditionHolds, escalationAtom, factsOf } from './condition-facts.js';
import type { ExerciseEvent } from './events.js';
import { own } from './own-value.js';
import type { ScenarioIndex } from './scenario-index.js';
import { writable } from './state-fork.js';
import type { ExerciseContext, ExerciseState, InjectState } from './state.js';

export function initialStateOf(ctx: ExerciseContext): ExerciseState {
  const injects: Record<string, InjectState> = {};
  for (const inject of ctx.scenario.injects) {
    injects[inject.id] = {
      injectId: inject.id,
      status: 'pending',
      ...(inject.at !== undefined ? { dueAt: inject.at } : {}),
      conditionMet: inject.when === undefined,
      adHoc: false,
      edited: false,
    };
  }
  return {
    status: 'none',
    seq: 0,
    clock: { running: false, speed: ctx.scenario.speed, anchorWall: 0, anchorExercise: 0 },
    injects,
    participants: {},
    decisions: [],
    decisionsById: {},
    answered: {},
    missed: {},
    findings: [],
    escalation: {},
    escalationPeak: {},
    messages: [],
    messageIds: {},
    observationIds: {},
    adjustmentIds: {},
    messageSenders: {},
    facts: {},
    aims: {},
    messagedAt: {},
  };
}

/**
 * Folds `event` into `state`. With `records` false the append-only records (decisions, findings, messages and the
 * id indexes) are left alone: `decide` folds its pending events into a light fork that shares them with the base.
 */
export function applyEvent(index: ScenarioIndex, state: ExerciseState, event: ExerciseEvent, records = true): ExerciseState {
  foldEvent(index, state, event, records);
  state.seq = event.seq;
  if (event.type === 'escalation.changed') {
    latchConditions(index, state, [escalationAtom(event.payload.from, event.payload.to)], event.exerciseTime);
    return state;
  }
  const keys = factsOf(event);
  if (keys.length === 0) return state;
  const facts = (state.facts ??= {});
  const fresh = keys.filter((key) => facts[key] !== true);
  for (const key of fresh) facts[key] = true;
  if (fresh.length > 0) latchConditions(index, state, fresh, event.exerciseTime);
  return state;
}

/**
 * Marks as met, once, the `when` of every unreleased inject that reads one of the `changed` atoms and now holds;
 * later events cannot unmeet it.
 */
function latchConditions(index: ScenarioIndex, state: ExerciseState, changed: readonly string[], exerciseTime: number): void {
  for (const atom of changed) {
    for (const inject of index.conditionalByAtom.get(atom) ?? []) {
      const current = own(state.injects, inject.id);
      if (!current || current.conditionMet || (current.status !== 'pending' && current.status !== 'held')) continue;
      if (inject.when && conditionHolds(inject.when, state)) {
        writable(state, 'injects')[inject.id] = { ...current, conditionMet: true, notBefore: Math.max(current.notBefore ?? 0, exerciseTime) };
      }
    }
  }
}

function updateInject(state: ExerciseState, injectId: string, change: Partial<InjectState>): void {
  const current = own(state.injects, injectId);
  if (current) writable(state, 'injects')[injectId] = { ...current, ...change };
}

function foldEvent(index: ScenarioIndex, state: ExerciseState, event: ExerciseEvent, records: boolean): void {
  const { clock } = state;
  switch (event.type) {
    case 'exercise.created':
      state.exerciseId = event.payload.exerciseId;
      state.name = event.payload.name;
      state.status = 'created';
      state.clock = { ...clock, speed: event.payload.speed };
      return;
    case 'exercise.lobby-opened':
      state.status = 'lobby';
      return;
    case 'exercise.started':
      state.status = 'running';
      state.startedAt = event.at;
      state.clock = { running: true, speed: event.payload.speed, anchorWall: event.at, anchorExercise: event.exerciseTime };
      return;
    case 'exercise.paused':
      state.status = 'paused';
      state.clock = { ...clock, running: false, anchorWall: event.at, anchorExercise: event.exerciseTime };
      if (event.payload.reason !== undefined) state.pauseCause = { ...event.payload };
      return;
    case 'exercise.resumed':
      state.status = 'running';
      state.clock = { ...clock, running: true, anchorWall: event.at, anchorExercise: event.exerciseTime };
      delete state.pauseCause;
      return;
    case 'exercise.speed-changed':
      state.clock = { ...clock, speed: event.payload.speed, anchorWall: event.at, anchorExercise: event.exerciseTime };
      return;
    case 'exercise.ended':
      state.status = 'ended';
      state.endedAt = event.at;
      delete state.pauseCause;
      state.clock = { ...clock, running: false, anchorWall: event.at, anchorExercise: event.exerciseTime };
      return;
    case 'inject.released': {
      const released = event.payload;
      const current = own(state.injects, released.injectId);
      writable(state, 'injects')[released.injectId] = {
        ...(current ?? { injectId: released.injectId, conditionMet: true, adHoc: true, edited: false }),
        status: 'released',
        releasedAt: event.exerciseTime,
        released,
      };
      if (released.lateBy !== undefined) state.endDelay = Math.max(state.endDelay ?? 0, released.lateBy);
      return;
    }
    case 'inject.held':
      updateInject(state, event.payload.injectId, { status: 'held' });
      return;
    case 'inject.unheld':
      updateInject(state, event.payload.injectId, { status: 'pending' });
      return;
    case 'inject.skipped':
      updateInject(state, event.payload.injectId, { status: 'skipped' });
      return;
    case 'inject.edited': {
      const current = own(state.injects, event.payload.injectId);
      if (!current) return;
      const { changes } = event.payload;
      writable(state, 'injects')[current.injectId] = {
        ...current,
        edited: true,
        changes: { ...current.changes, ...changes },
        ...(changes.at !== undefined
          ? { dueAt: changes.at, notBefore: Math.max(current.notBefore ?? 0, event.exerciseTime) }
          : {}),
      };
      return;
    }
    case 'inject.deadline-missed':
      writable(state, 'missed')[`${event.payload.injectId}:${event.payload.teamId}`] = true;
      return;
    case 'team.joined': {
      const { teamId, participant } = event.payload;
      writable(state, 'participants')[teamId] = [...(own(state.participants, teamId) ?? []), participant];
      return;
    }
    case 'decision.submitted': {
      const { decisionId, teamId, injectId, actions, rationale, latency } = event.payload;
      if (injectId !== undefined) writable(state, 'answered')[`${injectId}:${teamId}`] = decisionId;
      if (!records) return;
      const record = {
        seq: event.seq,
        decisionId,
        teamId,
        ...(injectId !== undefined ? { injectId } : {}),
        actions,
        rationale,
        exerciseTime: event.exerciseTime,
        ...(latency !== undefined ? { latency } : {}),
      };
      state.decisions.push(record);
      state.decisionsById[decisionId] = record;
      if (state.aims) foldAims(state.aims, record, (targetId) => index.targets.get(targetId)?.state);
      return;
    }
    case 'findings.recorded':
      if (records) state.findings.push(...event.payload.findings);
      return;
    case 'escalation.changed': {
      const key = `${event.payload.from}>${event.payload.to}`;
      writable(state, 'escalation')[key] = event.payload.level;
      writable(state, 'escalationPeak')[key] = Math.max(own(state.escalationPeak, key) ?? 0, event.payload.level);
      return;
    }
    case 'message.sent': {
      if (!records) return;
      const { messageId, channelId, teamId, text } = event.payload;
      const message = {
        seq: event.seq,
        messageId,
        channelId,
        ...(teamId !== undefined ? { teamId } : {}),
        text,
        exerciseTime: event.exerciseTime,
      };
      state.messages.push(message);
      if (state.messagedAt) foldMessagedAt(state.messagedAt, message);
      state.messageIds[messageId] = true;
      (state.messageSenders ??= {})[messageId] = teamId ?? '';
      return;
    }
    case 'observation.recorded':
      if (records) state.observationIds[event.payload.observationId] = true;
      return;
    case 'score.adjusted':
      if (records) state.adjustmentIds[event.payload.adjustmentId] = true;
      return;
    case 'improvement.edited':
      return;
  }
}
