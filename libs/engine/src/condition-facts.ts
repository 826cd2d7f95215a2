// Conditions on earlier events (`when` of an inject) are answered from an index of facts the reducer keeps, so
// checking one costs the size of the condition, not the length of the log.
import { rungLevel, type Condition } from '@ttx/scenario';
import type { ExerciseEvent } from './events.js';
import { own } from './own-value.js';
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

export function escalationAtom(from: string, to: string): string {
  return `escalation:${from}>${to}`;
}

/**
 * The facts (and escalation pairs) a condition reads. A condition can only turn true when one of them does, since
 * `all` and `any` are monotone: the reducer re-checks a condition only when one of its atoms changes.
 */
export function atomsOf(condition: Condition): string[] {
  if ('released' in condition) return [`released:${condition.released}`];
  if ('decided' in condition) return [`decided:${condition.decided.team ?? ANY}:${condition.decided.inject ?? ANY}`];
  if ('chose' in condition) {
    const { action, team, target } = condition.chose;
    return [`chose:${action}:${team ?? ANY}:${target ?? ANY}`];
  }
  if ('missed' in condition) return [`missed:${condition.missed.inject}:${condition.missed.team ?? ANY}`];
  if ('messaged' in condition) return [`messaged:${condition.messaged.channel}:${condition.messaged.team ?? ANY}`];
  if ('escalation' in condition) return [escalationAtom(condition.escalation.from, condition.escalation.to)];
  return ('all' in condition ? condition.all : condition.any).flatMap(atomsOf);
}

/** Whether `condition` holds in `state` (facts, inject statuses and escalation levels as they are now). */
export function conditionHolds(condition: Condition, state: ExerciseState): boolean {
  const facts = state.facts ?? {};
  const has = (key: string) => facts[key] === true;
  if ('escalation' in condition) {
    const { from, to, atLeast } = condition.escalation;
    return (own(state.escalation, `${from}>${to}`) ?? 0) >= rungLevel(atLeast);
  }
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, state));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, state));
  return has(atomsOf(condition)[0]);
}
