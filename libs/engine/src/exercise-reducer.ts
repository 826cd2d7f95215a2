// The fold of the event log: `applyEvent` updates a state in place (linear replay), replacing rather than mutating
// the small objects it changes (inject states, the clock, a team's participants) so that forks can share them, and
// writing the records a fork shares with its base only through `writable` (see state-fork.ts).
import { conditionHolds } from './condition-facts.js';
import { EVENT_REGISTRY, type EventEntry } from './event-registry.js';
import type { ExerciseEvent } from './events.js';
import { own } from './own-value.js';
import type { ScenarioIndex } from './scenario-index.js';
import { writable } from './state-fork.js';
import type { ExerciseContext, ExerciseState, InjectState } from './state.js';

export function initialStateOf(ctx: Pick<ExerciseContext, 'scenario'>): ExerciseState {
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
    unplayed: {},
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
    purposed: {},
  };
}

/**
 * Folds `event` into `state` (its registry entry's `fold`), then latches the conditions its facts meet. With
 * `records` false the append-only records are left alone (see `EventEntry.fold`).
 */
export function applyEvent(
  index: ScenarioIndex,
  state: ExerciseState,
  event: ExerciseEvent,
  records = true,
): ExerciseState {
  // One entry per type; the registry's type ties each entry to its payload.
  const entry = EVENT_REGISTRY[event.type] as EventEntry<ExerciseEvent['type']>;
  entry.fold(state, event, index, records);
  state.seq = event.seq;
  const moved = entry.moves?.(event.payload);
  if (moved) latchConditions(index, state, moved, event.exerciseTime);
  const keys = entry.facts?.(event.payload);
  if (!keys || keys.length === 0) return state;
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
function latchConditions(
  index: ScenarioIndex,
  state: ExerciseState,
  changed: readonly string[],
  exerciseTime: number,
): void {
  for (const atom of changed) {
    for (const inject of index.conditionalByAtom.get(atom) ?? []) {
      const current = own(state.injects, inject.id);
      if (!current || current.conditionMet || (current.status !== 'pending' && current.status !== 'held'))
        continue;
      if (inject.when && conditionHolds(inject.when, state)) {
        writable(state, 'injects')[inject.id] = {
          ...current,
          conditionMet: true,
          notBefore: Math.max(current.notBefore ?? 0, exerciseTime),
        };
      }
    }
  }
}
