// The words TTX uses for what happens in an exercise, in one place: the server's logs, the web client and every
// report rendering say an event the same way. Pure and browser-safe. Each event type's sentence is its `words` in
// the event registry (event-registry.ts); the pieces several of them share are here.
import type { ConditionNames } from '@ttx/scenario';
import type { Actor } from './events.js';

/** Display names for the ids events carry; the id itself where none is known. */
export interface EventNames extends ConditionNames {
  /** How one actor is shown when no team speaks for it (a controller's message). */
  actor(actor: Actor | undefined): string | undefined;
}

/** Names from plain lookups: what a screen or a log has at hand. A missing lookup shows the id. */
export function eventNamesFrom(lookups: {
  teams?: ReadonlyMap<string, string>;
  states?: ReadonlyMap<string, string>;
  actions?: ReadonlyMap<string, string>;
  targets?: ReadonlyMap<string, string>;
  channels?: ReadonlyMap<string, string>;
  injects?: ReadonlyMap<string, string>;
}): EventNames {
  const named = (map: ReadonlyMap<string, string> | undefined) => (id: string) => map?.get(id) ?? id;
  return {
    team: named(lookups.teams),
    state: named(lookups.states),
    action: named(lookups.actions),
    target: named(lookups.targets),
    channel: named(lookups.channels),
    inject: (id) => injectLabel(id, lookups.injects?.get(id)),
    actor: actorLabel,
  };
}

/** `role:id`, or the role alone. */
export function actorLabel(actor: Actor | undefined): string | undefined {
  if (!actor) return undefined;
  return actor.id === undefined ? actor.role : `${actor.role}:${actor.id}`;
}

/** An inject as events name it: its id and, when known, its title. */
export function injectLabel(injectId: string, title: string | undefined): string {
  return title === undefined ? injectId : `${injectId} "${title}"`;
}

/** A score change with its sign: `+3`, `-2`, `0`. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** An escalation change in words, without its cause. */
export function escalationMoveText(
  fromName: string,
  toName: string,
  previous: number,
  level: number,
): string {
  return `Escalation ${fromName} toward ${toName}: ESC-${previous} to ESC-${level}`;
}

/** A decision in words: the team, the actions it chose (with their targets) and its rationale. */
export function decisionWords(
  teamName: string,
  actions: readonly { actionName: string; targetName?: string }[],
  rationale: string,
  confidence?: string,
): string {
  const chosen = actions
    .map((a) => (a.targetName !== undefined ? `${a.actionName} (${a.targetName})` : a.actionName))
    .join('; ');
  const stated = confidence !== undefined ? ` Stated confidence in the attribution: ${confidence}.` : '';
  return `${teamName} decided: ${chosen}.${stated} Rationale: ${rationale}`;
}

/** The findings recorded for a team at one position of the log, in words. */
export function findingsWords(
  teamName: string,
  findings: readonly { ruleId: string; severity: string; delta: number }[],
  verdicts: readonly { actionId: string; verdict: string }[] = [],
): string {
  const parts = findings.map((f) => `${f.ruleId} ${f.severity} ${signed(f.delta)}`);
  const judged = verdicts.length > 0 ? ` — verdicts: ${verdicts.map((v) => `${v.actionId} ${v.verdict}`).join(', ')}` : '';
  return `Findings for ${teamName}${parts.length > 0 ? `: ${parts.join('; ')}` : ''}${judged}`;
}

/** The fields an edit changed, in a stable order. */
export function changedFields(changes: object): string {
  return Object.keys(changes).sort().join(', ');
}
