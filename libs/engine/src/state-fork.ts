// Forks let `decide` see the state as its pending events leave it without copying, or touching, the base state.
import type { ExerciseState } from './state.js';

/** A record whose reads fall through to `base` and whose writes stay its own: O(1) to make, lookups only. */
function chained<T>(base: Record<string, T> | undefined): Record<string, T> {
  return Object.create(base ?? null) as Record<string, T>;
}

/**
 * A fork of `base` that `applyEvent` may fold events into. The small mutable parts (inject states, escalation,
 * answered and missed prompts, participants) are copied, which costs the size of the scenario; condition facts are
 * chained. The light fork (`withRecords` false) shares the append-only records with `base` and must be folded with
 * `records` false; the full fork, handed to the scoring model, copies the record arrays (a pointer copy) and chains
 * the id and activity indexes.
 */
export function forkState(base: ExerciseState, withRecords: boolean): ExerciseState {
  const fork: ExerciseState = {
    ...base,
    injects: { ...base.injects },
    participants: { ...base.participants },
    answered: { ...base.answered },
    missed: { ...base.missed },
    escalation: { ...base.escalation },
    escalationPeak: { ...base.escalationPeak },
    facts: chained(base.facts),
  };
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
  }
  return fork;
}
