// Checks a well-formed scenario against itself and against the rule set and catalogue it names.
import { checkConditionCycles } from './condition-cycles.js';
import { checkConditionReferences, type ConditionReferences } from './condition-kinds.js';
import { type FieldPath, type FieldProblem } from './problem.js';
import { type UnavailableIds } from './partial-value.js';
import { checkRepeats, missingMessage, ReferenceIndex } from './reference-index.js';
import {
  type Action,
  type ActionCatalogue,
  type Inject,
  type RuleSet,
  type Scenario,
  formatOffset,
} from './schema.js';
import { closest, listIds } from './suggestions.js';

/** Catalogues and rule sets a file may refer to; leave a map out to skip the checks that need it. */
export interface LibraryRefs {
  catalogues?: ReadonlyMap<string, ActionCatalogue>;
  ruleSets?: ReadonlyMap<string, RuleSet>;
  /** Ids of catalogues and rule sets that exist but have problems of their own: references to them are not reported. */
  unavailable?: ReadonlySet<string>;
}

/** Team kinds that act for a state and so must name it. */
const KINDS_WITH_STATE = new Set(['state', 'national-cert', 'infrastructure-operator']);

interface Indexes {
  states: ReferenceIndex<{ id: string }>;
  objectives: ReferenceIndex<{ id: string }>;
  teams: ReferenceIndex<{ id: string }>;
  targets: ReferenceIndex<Scenario['targets'][number]>;
  channels: ReferenceIndex<{ id: string }>;
  injects: ReferenceIndex<Inject>;
  actions?: ReferenceIndex<Action>;
}

/** The catalogue whose actions the scenario's prompts may offer, when the refs reach it. */
function catalogueOf(
  scenario: Scenario,
  refs: LibraryRefs | undefined,
  problems: FieldProblem[],
): ActionCatalogue | undefined {
  if (refs?.ruleSets === undefined || refs.unavailable?.has(scenario.rules)) return undefined;
  const ruleSet = refs.ruleSets.get(scenario.rules);
  if (ruleSet === undefined) {
    problems.push({
      path: ['rules'],
      message: missingMessage('rule set', 'rule sets', scenario.rules, [...refs.ruleSets.keys()]),
    });
    return undefined;
  }
  return refs.catalogues?.get(ruleSet.catalogue);
}

/** With `unavailable`, the scenario may have holes where malformed items were (see partialValue). */
export function checkScenarioReferences(
  scenario: Scenario,
  refs?: LibraryRefs,
  unavailable?: UnavailableIds,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const skip = (list: string) => unavailable?.get(list);
  const catalogue = catalogueOf(scenario, refs, problems);
  const ix: Indexes = {
    states: new ReferenceIndex('state', 'states', scenario.states, ['states'], problems, skip('states')),
    objectives: new ReferenceIndex(
      'objective',
      'objectives',
      scenario.objectives,
      ['objectives'],
      problems,
      skip('objectives'),
    ),
    teams: new ReferenceIndex('team', 'teams', scenario.teams, ['teams'], problems, skip('teams')),
    targets: new ReferenceIndex(
      'target',
      'targets',
      scenario.targets,
      ['targets'],
      problems,
      skip('targets'),
    ),
    channels: new ReferenceIndex(
      'channel',
      'channels',
      scenario.channels,
      ['channels'],
      problems,
      skip('channels'),
    ),
    injects: new ReferenceIndex(
      'inject',
      'injects',
      scenario.injects,
      ['injects'],
      problems,
      skip('injects'),
    ),
    actions:
      catalogue &&
      new ReferenceIndex('action', `actions in catalogue "${catalogue.id}"`, catalogue.actions, [], []),
  };

  scenario.teams.forEach((team, i) => {
    if (team.state !== undefined) ix.states.require(team.state, ['teams', i, 'state'], problems);
    else if (KINDS_WITH_STATE.has(team.kind)) {
      problems.push({
        path: ['teams', i],
        message: `a team of kind ${team.kind} must name the state it acts for with "state:" (states: ${listIds(ix.states.ids)})`,
      });
    }
  });
  scenario.targets.forEach((target, i) => {
    ix.states.require(target.state, ['targets', i, 'state'], problems);
    target.affects?.forEach((state, j) => ix.states.require(state, ['targets', i, 'affects', j], problems));
  });
  scenario.channels.forEach((channel, i) => {
    channel.members.forEach((member, j) => ix.teams.require(member, ['channels', i, 'members', j], problems));
    checkRepeats(channel.members, ['channels', i, 'members'], 'team', problems);
    if (channel.purposes) checkRepeats(channel.purposes, ['channels', i, 'purposes'], 'purpose', problems);
  });
  scenario.injects.forEach((inject, i) => checkInject(scenario, inject, ['injects', i], ix, problems));
  problems.push(...checkConditionCycles(scenario.injects));
  return problems;
}

function checkInject(
  scenario: Scenario,
  inject: Inject,
  path: FieldPath,
  ix: Indexes,
  problems: FieldProblem[],
): void {
  const end = formatOffset(scenario.duration);
  if (inject.at === undefined && inject.when === undefined) {
    problems.push({
      path,
      message: 'needs "at" (a time from the start), "when" (a condition) or both, to know when to release it',
    });
  }
  if (inject.at !== undefined && inject.at > scenario.duration) {
    problems.push({
      path: [...path, 'at'],
      message: `is at ${formatOffset(inject.at)}, after the scenario ends at ${end} (duration)`,
    });
  }
  checkAudience(inject, path, ix, problems);
  inject.objectives.forEach((objective, j) =>
    ix.objectives.require(objective, [...path, 'objectives', j], problems),
  );
  if (inject.incident) {
    const { actor, victim } = inject.incident;
    if (actor !== undefined) ix.states.require(actor, [...path, 'incident', 'actor'], problems);
    ix.states.require(victim, [...path, 'incident', 'victim'], problems);
    if (actor !== undefined && actor === victim) {
      problems.push({
        path: [...path, 'incident', 'victim'],
        message: `is the same state as the actor ("${actor}")`,
      });
    }
    inject.incident.alsoHit?.forEach((state, j) => ix.states.require(state, [...path, 'incident', 'alsoHit', j], problems));
  }
  inject.endsIncidents?.forEach((endedId, j) => {
    const endsPath = [...path, 'endsIncidents', j];
    if (endedId === inject.id) {
      problems.push({ path: endsPath, message: 'names the inject itself; an inject ends the incidents of earlier ones' });
      return;
    }
    const ended = ix.injects.require(endedId, endsPath, problems);
    if (ended !== undefined && ended.incident === undefined) {
      problems.push({ path: endsPath, message: `names inject "${endedId}", which has no incident to end` });
    }
  });
  if (inject.decision) checkDecision(scenario, inject, [...path, 'decision'], ix, problems);
  if (inject.when)
    checkConditionReferences(inject.when, [...path, 'when'], conditionReferences(ix, problems));
}

function checkAudience(inject: Inject, path: FieldPath, ix: Indexes, problems: FieldProblem[]): void {
  if (inject.audience === 'all') return;
  const audiencePath = [...path, 'audience'];
  const unknown = inject.audience.filter((team) => !ix.teams.has(team));
  if (unknown.length > 0 && unknown.length === inject.audience.length) {
    const guesses = unknown.flatMap((team) => {
      const guess = closest(team, ix.teams.ids);
      return guess === undefined ? [] : [unknown.length === 1 ? `"${guess}"` : `"${guess}" for "${team}"`];
    });
    const meant = guesses.length === 0 ? '' : `; did you mean ${guesses.join(', ')}?`;
    problems.push({
      path: audiencePath,
      message: `includes no team of this scenario (${unknown.map((t) => `"${t}"`).join(', ')} ${unknown.length === 1 ? 'is not a team' : 'are not teams'}${meant}; teams: ${listIds(ix.teams.ids)})`,
    });
    return;
  }
  inject.audience.forEach((team, j) => ix.teams.require(team, [...audiencePath, j], problems));
  checkRepeats(inject.audience, audiencePath, 'team', problems);
}

function checkDecision(
  scenario: Scenario,
  inject: Inject,
  path: FieldPath,
  ix: Indexes,
  problems: FieldProblem[],
): void {
  const decision = inject.decision;
  if (decision === undefined) return;
  const actions: Action[] = [];
  decision.actions.forEach((actionId, j) => {
    const action = ix.actions?.require(actionId, [...path, 'actions', j], problems);
    if (action) actions.push(action);
  });
  checkRepeats(decision.actions, [...path, 'actions'], 'action', problems);
  const allowedKinds = new Set(actions.flatMap((action) => action.targets));
  const actionsKnown = ix.actions !== undefined && actions.length === decision.actions.length;
  decision.targets.forEach((targetId, j) => {
    const target = ix.targets.require(targetId, [...path, 'targets', j], problems);
    if (target && actionsKnown && !allowedKinds.has(target.kind)) {
      const kinds = [...allowedKinds];
      problems.push({
        path: [...path, 'targets', j],
        message:
          kinds.length === 0
            ? `target "${targetId}" cannot be chosen: none of this prompt's actions takes a target`
            : `target "${targetId}" is ${target.kind}, which none of this prompt's actions can be aimed at (they take: ${kinds.join(', ')})`,
      });
    }
  });
  checkRepeats(decision.targets, [...path, 'targets'], 'target', problems);
  if (
    decision.deadline !== undefined &&
    inject.at !== undefined &&
    inject.at + decision.deadline > scenario.duration
  ) {
    problems.push({
      path: [...path, 'deadline'],
      message: `falls at ${formatOffset(inject.at + decision.deadline)}, after the scenario ends at ${formatOffset(scenario.duration)} (duration)`,
    });
  }
}

function requireDecisionInject(
  id: string,
  path: FieldPath,
  ix: Indexes,
  problems: FieldProblem[],
  needDeadline: boolean,
): void {
  const inject = ix.injects.require(id, path, problems);
  if (inject === undefined) return;
  if (inject.decision === undefined)
    problems.push({ path, message: `inject "${id}" has no decision prompt` });
  else if (needDeadline && inject.decision.deadline === undefined) {
    problems.push({ path, message: `inject "${id}" has no decision deadline, so it cannot be missed` });
  }
}

/** The scenario's ids, as a condition's references are checked against them. */
function conditionReferences(ix: Indexes, problems: FieldProblem[]): ConditionReferences {
  return {
    inject: (id, path) => ix.injects.require(id, path, problems),
    promptInject: (id, path, needDeadline) => requireDecisionInject(id, path, ix, problems, needDeadline),
    team: (id, path) => ix.teams.require(id, path, problems),
    action: (id, path) => ix.actions?.require(id, path, problems),
    target: (id, path) => ix.targets.require(id, path, problems),
    channel: (id, path) => ix.channels.require(id, path, problems),
    state: (id, path) => ix.states.require(id, path, problems),
    problem: (path, message) => problems.push({ path, message }),
  };
}
