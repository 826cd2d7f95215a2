// Conditions on earlier events (`when` of an inject) are answered from an index of facts the reducer keeps, so
// checking one costs the size of the condition, not the length of the log.
import { rungLevel, type Condition } from '@ttx/scenario';
import type { ExerciseEvent } from './events.js';
import { own } from './scenario-index.js';
import type { ExerciseState } from './state.js';

const ANY = '*';

/** Fact keys an event establishes; ids cannot contain `:` or `*`, so keys never collide. */
export function factsOf(event: ExerciseEvent): string[] {
  switch (event.type) {
    case 'inject.released':
      return [`released:${event.payload.injectId}`];
    case 'decision.submitted': {
      const { teamId, injectId, actions } = event.payload;
      const keys = [`decided:${ANY}:${ANY}`, `decided:${teamId}:${ANY}`];
      if (injectId !== undefined) keys.push(`decided:${ANY}:${injectId}`, `decided:${teamId}:${injectId}`);
      for (const { actionId, targetId } of actions) {
        keys.push(`chose:${actionId}:${ANY}:${ANY}`, `chose:${actionId}:${teamId}:${ANY}`);
        if (targetId !== undefined) keys.push(`chose:${actionId}:${ANY}:${targetId}`, `chose:${actionId}:${teamId}:${targetId}`);
      }
      return keys;
    }
    case 'inject.deadline-missed':
      return [`missed:${event.payload.injectId}:${ANY}`, `missed:${event.payload.injectId}:${event.payload.teamId}`];
    case 'message.sent': {
      const { channelId, teamId } = event.payload;
      return teamId === undefined
        ? [`messaged:${channelId}:${ANY}`]
        : [`messaged:${channelId}:${ANY}`, `messaged:${channelId}:${teamId}`];
    }
    default:
      return [];
  }
}

/** Whether an event can change the truth of a condition. */
export function affectsConditions(event: ExerciseEvent): boolean {
  return event.type === 'escalation.changed' || factsOf(event).length > 0;
}

/** Whether `condition` holds in `state` (facts, inject statuses and escalation levels as they are now). */
export function conditionHolds(condition: Condition, state: ExerciseState): boolean {
  const facts = state.facts ?? {};
  const has = (key: string) => facts[key] === true;
  if ('released' in condition) return has(`released:${condition.released}`);
  if ('decided' in condition) {
    const { team, inject } = condition.decided;
    return has(`decided:${team ?? ANY}:${inject ?? ANY}`);
  }
  if ('chose' in condition) {
    const { action, team, target } = condition.chose;
    return has(`chose:${action}:${team ?? ANY}:${target ?? ANY}`);
  }
  if ('missed' in condition) return has(`missed:${condition.missed.inject}:${condition.missed.team ?? ANY}`);
  if ('messaged' in condition) return has(`messaged:${condition.messaged.channel}:${condition.messaged.team ?? ANY}`);
  if ('escalation' in condition) {
    const { from, to, atLeast } = condition.escalation;
    return (own(state.escalation, `${from}>${to}`) ?? 0) >= rungLevel(atLeast);
  }
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, state));
  return condition.any.some((c) => conditionHolds(c, state));
}
