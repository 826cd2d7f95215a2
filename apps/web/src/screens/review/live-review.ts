// A held review brought up to the live log: facilitators' plan edits applied as they come (or, for an edit it cannot
// apply, such as a new item, the plan asked for again as a part), and the other events counted since it was built.
import { type AarModel, applyLiveEvent, type LiveEvent, type ReviewPart } from '@ttx/report/browser';

export type PlanPart = Pick<ReviewPart<'improvement-plan'>, 'asOf' | 'improvementPlan'>;

export interface LiveReview {
  model: AarModel;
  /** Events since the review was built that it does not show (a refresh does). */
  newer: number;
  /** The seq of the latest plan edit the held plan cannot show: the plan part is to be asked for again. */
  planBehind?: number;
}

export function withLiveEvents(model: AarModel, events: readonly LiveEvent[], plan?: PlanPart): LiveReview {
  let first = events.length;
  while (first > 0 && events[first - 1]!.seq > model.asOf.seq) first -= 1;
  // A plan part asked for since holds every edit up to its own log position.
  const planned = plan && plan.asOf.seq > model.asOf.seq ? plan : undefined;
  const planSeq = planned?.asOf.seq ?? model.asOf.seq;
  let held = planned ? { ...model, improvementPlan: planned.improvementPlan } : model;
  let newer = 0;
  let planBehind: number | undefined;
  for (const event of events.slice(first)) {
    if (event.type !== 'improvement.edited') newer += 1;
    else if (event.seq <= planSeq) continue;
    else if (planBehind !== undefined) planBehind = event.seq;
    else {
      const applied = applyLiveEvent(held, event);
      if (applied) held = applied;
      else planBehind = event.seq;
    }
  }
  return { model: held, newer, ...(planBehind !== undefined && { planBehind }) };
}
