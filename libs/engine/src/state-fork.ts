// Forks let `decide` see the state as its pending events leave it without copying, or touching, the base state.
import type { ExerciseState } from './state.js';

/** The small records a fork shares with its base until the fork's first write to each (copy on write). */
export type SharedRecord =
  | 'injects'
  | 'participants'
  | 'answered'
  | 'missed'
  | 'escalation'
  | 'escalationPeak'
  | 'unplayed';

const SHARED_RECORDS: readonly SharedRecord[] = ['injects', 'participants', 'answered', 'missed', 'escalation', 'escalationPeak', 'unplayed'];

/** Per fork, the records it still shares with its base; states that are not forks own all of theirs. */
const sharedByFork = new WeakMap<ExerciseState, Set<SharedRecord>>();

/** A record whose reads fall through to `base` and whose writes stay its own: O(1) to make, lookups only. */
function chained<T>(base: Record<string, T> | undefined): Record<string, T> {
  return Object.create(base ?? null) as Record<string, T>;
}

/**
 * A fork of `base` that `applyEvent` may fold events into. The small mutable records (inject states, escalation,
 * answered and missed prompts, participants) are shared until `writable` copies one for the fork's first write to
 * it, so a fork costs the same whatever the scenario's size; condition facts are chained. The light fork
 * (`withRecords` false) shares the append-only records with `base` and must be folded with `records` false; the full
 * fork, handed to the scoring model, copies the record arrays (a pointer copy) and chains the id and activity indexes.
 */
export function forkState(base: ExerciseState, withRecords: boolean): ExerciseState {
  const fork: ExerciseState = { ...base, facts: chained(base.facts) };
  sharedByFork.set(fork, new Set<SharedRecord>(SHARED_RECORDS));
  if (withRecords) {
    fork.decisions = base.decisions.slice();
    fork.findings = base.findings.slice();
    fork.messages = base.messages.slice();
    fork.decisionsById = chained(base.decisionsById);
    fork.messageIds = chained(base.messageIds);
    fork.observationIds = chained(base.observationIds);
    fork.adjustmentIds = chained(base.adjustmentIds);
    fork.messageSenders = chained(base.messageSenders);
    if (base.aims) fork.aims = chained(base.aims);
    if (base.messagedAt) fork.messagedAt = chained(base.messagedAt);
    if (base.purposed) fork.purposed = chained(base.purposed);
  }
  return fork;
}

/** `state[name]`, ready to be written: a fork gets its own copy the first time, any other state its own record. */
export function writable<K extends SharedRecord>(state: ExerciseState, name: K): ExerciseState[K] {
  const shared = sharedByFork.get(state);
  if (shared?.delete(name)) state[name] = { ...state[name] };
  return state[name];
}
