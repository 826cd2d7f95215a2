// A held review brought up to the live log: the events it can apply (facilitators' plan edits), and how many others
// have come since it was built.
import { type AarModel, applyLiveEvent, type LiveEvent } from '@ttx/report/browser';

/** The live events after the review's log position: the model with those it can apply, and how many it cannot. */
export function withLiveEvents(model: AarModel, events: readonly LiveEvent[]): { model: AarModel; newer: number } {
  let first = events.length;
  while (first > 0 && events[first - 1]!.seq > model.asOf.seq) first -= 1;
  let held = model;
  let newer = 0;
  for (const event of events.slice(first)) {
    const applied = applyLiveEvent(held, event);
    if (applied) held = applied;
    else newer += 1;
  }
  return { model: held, newer };
}
