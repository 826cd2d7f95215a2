// What a rule kind sees when it judges one event, and the helpers every kind shares to read the exercise world.
import type { z } from 'zod';
import {
  EVIDENCE_LEVELS,
  rungLevel,
  type Action,
  type ActionCatalogue,
  type ActionTrait,
  type EvidenceLevel,
  type FindingSeverity,
  type Incident,
  type Inject,
  type Rule,
  type RuleSet,
  type Scenario,
  type StateDef,
  type Target,
  type Team,
} from '@ttx/scenario';
import type { ActionChoice, DecisionRecord, ExerciseState, Finding, MessageRecord } from '@ttx/engine';

/** One catalogue action a team chose, resolved against the catalogue and the scenario's targets. */
export interface ChosenAction {
  choice: ActionChoice;
  action: Action;
  rung: number;
  target?: Target;
}

/** The event a rule judges: a submitted decision, a prompt's deadline passing unanswered, or a message. */
export type RuleTrigger =
  | { kind: 'decision'; decision: DecisionRecord; chosen: ChosenAction[] }
  | { kind: 'deadline-missed'; injectId: string; exerciseTime: number }
  | { kind: 'message'; message: MessageRecord; channelKind: string };

/** An incident of a released inject, with when it was released. */
export interface ReleasedIncident {
  inject: Inject;
  incident: Incident;
  releasedAt: number;
}

export interface RuleContext<P = Record<string, unknown>> {
  scenario: Scenario;
  catalogue: ActionCatalogue;
  ruleSet: RuleSet;
  rule: Rule;
  /** The rule's params, parsed by its kind's schema (defaults filled in). */
  params: P;
  team: Team;
  /** The exercise before the event. */
  state: ExerciseState;
  trigger: RuleTrigger;
  world: WorldIndex;
  /** Whether a rule of the set outside the cbm-use dimension finds this chosen action a violation (set by `judge`). */
  violated?: (chosen: ChosenAction) => boolean;
}

/** A rule kind: code that a rule set instantiates with params, weight, citations and explanation text. */
export interface RuleKind<S extends z.ZodType = z.ZodType> {
  kind: string;
  /** Sources the kind puts into practice; rules of this kind usually cite them. */
  sources: readonly string[];
  /** What triggers it, for facilitators (docs/rules.md). */
  summary: string;
  params: S;
  evaluate(context: RuleContext<z.output<S>>): Finding[];
}

/** Declares a kind with its params' type inferred from its schema. */
export function defineRuleKind<S extends z.ZodType>(kind: RuleKind<S>): RuleKind<S> {
  return kind;
}

/** Lookups over the fixed parts of an exercise, built once per scenario and catalogue. */
export interface WorldIndex {
  actions: Map<string, Action>;
  targets: Map<string, Target>;
  teams: Map<string, Team>;
  states: Map<string, StateDef>;
  injects: Map<string, Inject>;
}

const worlds = new WeakMap<Scenario, WeakMap<ActionCatalogue, WorldIndex>>();

export function indexWorld(scenario: Scenario, catalogue: ActionCatalogue): WorldIndex {
  let byCatalogue = worlds.get(scenario);
  if (!byCatalogue) worlds.set(scenario, (byCatalogue = new WeakMap()));
  let world = byCatalogue.get(catalogue);
  if (!world) {
    world = {
      actions: new Map(catalogue.actions.map((a) => [a.id, a])),
      targets: new Map(scenario.targets.map((t) => [t.id, t])),
      teams: new Map(scenario.teams.map((t) => [t.id, t])),
      states: new Map(scenario.states.map((s) => [s.id, s])),
      injects: new Map(scenario.injects.map((i) => [i.id, i])),
    };
    byCatalogue.set(catalogue, world);
  }
  return world;
}

/** Resolves a decision's choices; actions missing from the catalogue are left out (the engine refuses them). */
export function resolveChoices(world: WorldIndex, choices: readonly ActionChoice[]): ChosenAction[] {
  const chosen: ChosenAction[] = [];
  for (const choice of choices) {
    const action = world.actions.get(choice.actionId);
    if (!action) continue;
    const target = choice.targetId === undefined ? undefined : world.targets.get(choice.targetId);
    chosen.push({ choice, action, rung: rungLevel(action.rung), target });
  }
  return chosen;
}

export function hasTrait(action: Action, traits: readonly ActionTrait[]): boolean {
  return action.traits.some((t) => traits.includes(t));
}

/** The state a chosen action is aimed at, when it is aimed at a state other than the team's own. */
export function foreignState(team: Pick<Team, 'state'>, chosen: ChosenAction): string | undefined {
  const state = chosen.target?.state;
  return state !== undefined && state !== team.state ? state : undefined;
}

/** The last list worked out per state, valid while its seq and inject record stay (every event moves the seq). */
const incidentLists = new WeakMap<ExerciseState, { seq: number; injects: ExerciseState['injects']; world: WorldIndex; list: ReleasedIncident[] }>();

/** Incidents of released injects, oldest release first; worked out once per state and seq for all the rules. */
export function releasedIncidents(context: Pick<RuleContext, 'state' | 'world'>): readonly ReleasedIncident[] {
  const { state, world } = context;
  const known = incidentLists.get(state);
  if (known && known.seq === state.seq && known.injects === state.injects && known.world === world) return known.list;
  const list = listReleasedIncidents(state, world);
  incidentLists.set(state, { seq: state.seq, injects: state.injects, world, list });
  return list;
}

function listReleasedIncidents(state: ExerciseState, world: WorldIndex): ReleasedIncident[] {
  const context = { state, world };
  const found: ReleasedIncident[] = [];
  for (const inject of Object.values(context.state.injects)) {
    if (inject.status !== 'released' || inject.releasedAt === undefined) continue;
    const def = context.world.injects.get(inject.injectId);
    if (def?.incident) found.push({ inject: def, incident: def.incident, releasedAt: inject.releasedAt });
  }
  return found.sort((a, b) => a.releasedAt - b.releasedAt);
}

/**
 * The latest ongoing incident against `victim` that `actor` may be behind (its actor is `actor` or not yet known);
 * without `actor`, the latest ongoing incident against `victim` by anyone.
 */
export function latestOngoingIncident(
  incidents: readonly ReleasedIncident[],
  victim: string | undefined,
  actor?: string,
): ReleasedIncident | undefined {
  for (let i = incidents.length - 1; i >= 0; i--) {
    const { incident } = incidents[i];
    if (!incident.ongoing || incident.victim !== victim) continue;
    if (actor === undefined || incident.actor === undefined || incident.actor === actor) return incidents[i];
  }
  return undefined;
}

/** The strongest attribution evidence released so far that names `actor`. */
export function evidenceAgainst(incidents: readonly ReleasedIncident[], actor: string): EvidenceLevel {
  let best = 0;
  for (const { incident } of incidents) {
    if (incident.actor === actor) best = Math.max(best, EVIDENCE_LEVELS.indexOf(incident.evidence));
  }
  return EVIDENCE_LEVELS[best];
}

export {
  aimedEarlierAt,
  allDecisions,
  decisionsOf,
  domesticAimAt,
  earlierAimsAt,
  lastAimedAt,
  lastHotlineAt,
  lastMessagedAt,
  messagesOf,
  usedHotlineWith,
} from './team-activity.js';

// ---------------------------------------------------------------- findings

export interface FindingDraft {
  severity: FindingSeverity;
  /** Signed share of the rule's weight: +1 a full commendation, −1 a full violation. */
  share: number;
  /** Template to fill; the rule's explanation unless a kind has a second outcome with its own text. */
  template?: string;
  chosen?: ChosenAction;
  injectId?: string;
  /** Kind-specific placeholders. */
  fields?: Record<string, string | number>;
  /** Sources cited beside the rule's own, such as the catalogue's `cbm:` references of the action credited. */
  cites?: readonly string[];
}

/** Fills `{name}` placeholders; unknown names are left as written so a facilitator sees the gap. */
export function fillTemplate(template: string, fields: Record<string, string | number | undefined>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
    const value = fields[name];
    return value === undefined ? whole : String(value);
  });
}

function roundScore(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}

/** Turns a kind's judgement into a finding: weight-scaled delta, explanation filled from the rule's text. */
export function recordFinding(context: RuleContext, draft: FindingDraft): Finding {
  const { rule, team, world, trigger } = context;
  const target = draft.chosen?.target;
  const decision = trigger.kind === 'decision' ? trigger.decision : undefined;
  const injectId =
    draft.injectId ?? (trigger.kind === 'decision' ? trigger.decision.injectId : trigger.kind === 'deadline-missed' ? trigger.injectId : undefined);
  const inject = injectId === undefined ? undefined : world.injects.get(injectId);
  const cites = [...new Set([...rule.cites, ...(draft.cites ?? [])])];
  const fields: Record<string, string | number | undefined> = {
    team: team.name,
    state: team.state === undefined ? team.name : (world.states.get(team.state)?.name ?? team.state),
    action: draft.chosen?.action.name,
    rung: draft.chosen?.action.rung,
    target: target?.name,
    targetState: target ? (world.states.get(target.state)?.name ?? target.state) : undefined,
    sector: target?.sector,
    inject: inject?.title,
    cites: cites.join(', '),
    ...draft.fields,
  };
  const finding: Finding = {
    ruleId: rule.id,
    ruleKind: rule.kind,
    cites,
    delta: roundScore(rule.weight * draft.share),
    severity: draft.severity,
    dimension: rule.dimension,
    explanation: fillTemplate(draft.template ?? rule.explanation, fields),
    teamId: team.id,
  };
  if (decision) finding.decisionId = decision.decisionId;
  if (injectId !== undefined) finding.injectId = injectId;
  if (draft.chosen) {
    finding.actionId = draft.chosen.action.id;
    if (draft.chosen.choice.targetId !== undefined) finding.targetId = draft.chosen.choice.targetId;
  }
  return finding;
}

/** The chosen actions of a decision trigger, or none for other triggers. */
export function chosenActions(context: RuleContext): ChosenAction[] {
  return context.trigger.kind === 'decision' ? context.trigger.chosen : [];
}
