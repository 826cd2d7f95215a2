// The chain a rule of the law of responses shows (countermeasures, self-defence): each condition met or not met,
// with the inject or decision that decides it, and the targets no such response may ever be aimed at.
import type { Sector, Target, TargetKind } from '@ttx/scenario';
import type { KnownIncident } from './injury.js';
import type { RuleContext } from './rule-context.js';

export interface Condition {
  name: string;
  met: boolean;
  /** `met — …`, `not met — …` or `not required — …`, with the evidence that decides it. */
  text: string;
}

/** The conditions as one text, read in order: `Name: met — …. Name: not met — ….` */
export function chainText(conditions: readonly Condition[]): string {
  return conditions.map((c) => `${c.name}: ${c.text}.`).join(' ');
}

export function stateName(context: Pick<RuleContext, 'world'>, id: string): string {
  return context.world.states.get(id)?.name ?? id;
}

/** Why `target` may never be the object of the response (a protected sector or kind), or undefined when it may. */
export function protectedReason(
  context: Pick<RuleContext, 'world'>,
  target: Target,
  protectedKinds: readonly TargetKind[],
  protectedSectors: readonly Sector[],
): string | undefined {
  const owner = stateName(context, target.state);
  if (target.sector !== undefined && protectedSectors.includes(target.sector)) return `${target.name} serves ${target.sector} in ${owner}`;
  if (!protectedKinds.includes(target.kind)) return undefined;
  return target.kind === 'cert' ? `${target.name} is the authorised CERT of ${owner}` : `${target.name} is civilian critical infrastructure of ${owner}${target.sector ? ` (${target.sector})` : ''}`;
}

export function latest<T>(items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[items.length - 1];
}

/**
 * Whether the latest of `acts` still goes on: not reported as over, not ended by a later inject's `endsIncidents`.
 * `noun` names the act in the text ("act", "attack").
 */
export function ongoingCondition(name: string, acts: readonly KnownIncident[], noun: string): Condition {
  const ongoing = latest(acts.filter((k) => k.endedBy === undefined));
  const ended = latest(acts);
  return {
    name,
    met: ongoing !== undefined,
    text: ongoing
      ? `met — inject ${ongoing.inject.id} has not ended`
      : ended === undefined
        ? `not met — there is no such ${noun} to be ongoing`
        : ended.endedBy === ended.inject.id
          ? `not met — the ${noun} of inject ${ended.inject.id} was over when reported`
          : `not met — inject ${ended.endedBy} ended the ${noun} of inject ${ended.inject.id}`,
  };
}
