// Conditions on earlier events (`when` of an inject) are answered from an index of facts the reducer keeps (each
// event type's `facts` in the event registry), so checking one costs the size of the condition, not the length of
// the log. What each condition kind reads is its entry in the scenario library's condition registry.
import { conditionAtoms, conditionHoldsOn, type Condition } from '@ttx/scenario';
import { own } from './own-value.js';
import type { ExerciseState } from './state.js';

/** The fact keys a condition reads: the reducer re-checks a condition only when one of them changes. */
export function atomsOf(condition: Condition): string[] {
  return conditionAtoms(condition);
}

/** Whether `condition` holds in `state` (facts, inject statuses and escalation levels as they are now). */
export function conditionHolds(condition: Condition, state: ExerciseState): boolean {
  const facts = state.facts ?? {};
  return conditionHoldsOn(condition, {
    has: (key) => facts[key] === true,
    escalationLevel: (from, to) => own(state.escalation, `${from}>${to}`) ?? 0,
  });
}
