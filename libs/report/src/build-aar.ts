// The after-action review as a pure function of (scenario, catalogue, rule set, event log); the server builds it in
// its report worker thread, so the build need not give the event loop back.
import type { ExerciseEvent } from '@ttx/engine';
import type { ActionCatalogue, RuleSet, Scenario } from '@ttx/scenario';
import { AarFold } from './aar-fold.js';
import { AAR_SCHEMA_VERSION, type AarAppendix, type AarModel, type DecisionEntry } from './aar-model.js';
import { escalationSection, objectiveSections, overviewSection, teamSections } from './aar-sections.js';
import { ExerciseLookup } from './exercise-lookup.js';
import { improvementPlanSection, judgementSections } from './improvement-plan.js';

export interface AarBuildInput {
  scenario: Scenario;
  catalogue: ActionCatalogue;
  ruleSet: RuleSet;
  /** The exercise's log in seq order. */
  events: readonly ExerciseEvent[];
  /** Overrides the name recorded by `exercise.created`. */
  exerciseName?: string;
  /** Report as of this seq: later events are left out. */
  asOf?: { seq: number };
  /** Wall time (ms since the epoch) to print as the generation time; the report has no clock of its own. */
  generatedAt?: number;
}

function includedCount({ events, asOf }: Pick<AarBuildInput, 'events' | 'asOf'>, from = 0): number {
  if (!asOf) return events.length;
  let n = from;
  while (n < events.length && events[n].seq <= asOf.seq) n += 1;
  return n;
}

/** Findings per rule, less those of teams not played (their findings are left out of the review). */
function firedByPlayedTeams(fold: AarFold): ReadonlyMap<string, number> {
  const { fired, rawFindingsByTeam } = fold.tallies;
  if (fold.unplayed.size === 0) return fired;
  const counts = new Map(fired);
  for (const teamId of fold.unplayed.keys())
    for (const f of rawFindingsByTeam.get(teamId) ?? []) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) - 1);
  return counts;
}

/** Decisions as the review lists them: those of a team not played without the findings recorded on them. */
function decisionsOf(fold: AarFold): DecisionEntry[] {
  if (fold.unplayed.size === 0) return fold.decisions;
  return fold.decisions.map((d) => (fold.isPlayed(d.teamId) ? d : { ...d, findings: [], scoreDelta: 0, verdicts: [] }));
}

function appendixSection(fold: AarFold): AarAppendix {
  const { ruleSet } = fold.names.input;
  const { used } = fold.tallies;
  const fired = firedByPlayedTeams(fold);
  return {
    participants: fold.participants.map((p) => ({ teamId: p.teamId, teamName: fold.names.team(p.teamId), participant: p.participant, joinedSeq: p.joinedSeq })),
    staff: [...fold.staff.values()].map((s) => ({ role: s.role, id: s.id })).sort((a, b) => a.role.localeCompare(b.role) || a.id.localeCompare(b.id)),
    ruleSet: {
      id: ruleSet.id,
      title: ruleSet.title,
      escalation: { ...ruleSet.escalation },
      rules: ruleSet.rules.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        cites: [...r.cites],
        dimension: r.dimension,
        weight: r.weight,
        explanation: r.explanation,
        fired: fired.get(r.id) ?? 0,
      })),
    },
    actionsUsed: fold.names.input.catalogue.actions
      .filter((a) => used.has(a.id))
      .map((a) => ({ actionId: a.id, name: a.name, rung: a.rung, category: a.category, cbm: [...a.cbm], count: used.get(a.id) ?? 0 })),
  };
}

/** Shapes the sections from the folded log. */
function finishModel(fold: AarFold, input: Pick<AarBuildInput, 'exerciseName' | 'generatedAt'>): AarModel {
  const overview = overviewSection(fold, fold.names, input.exerciseName);
  const teams = teamSections(fold, fold.names, overview);
  const { strengths, areasForImprovement } = judgementSections(fold);
  const escalation = escalationSection(fold, fold.names);
  const objectives = objectiveSections(fold, fold.names);
  const improvementPlan = improvementPlanSection(fold, areasForImprovement);
  const appendix = appendixSection(fold);
  return {
    schemaVersion: AAR_SCHEMA_VERSION,
    audience: { kind: 'staff' },
    ...(input.generatedAt !== undefined && { generatedAt: input.generatedAt }),
    asOf: { seq: fold.lastSeq, exerciseTime: fold.lastExerciseTime, ...(fold.lastAt !== undefined && { at: fold.lastAt }), final: fold.status === 'ended' },
    overview,
    timeline: {
      entries: fold.entries,
      injects: [...fold.injects.values()].sort((a, b) => (a.releasedSeq ?? Infinity) - (b.releasedSeq ?? Infinity)),
      decisions: decisionsOf(fold),
      channels: fold.names.input.scenario.channels.map((c) => ({
        channelId: c.id,
        name: c.name,
        kind: c.kind,
        members: [...c.members],
        messages: fold.messages.get(c.id) ?? [],
      })),
      controllerActions: fold.controllerActions,
    },
    teams,
    escalation,
    objectives,
    strengths,
    areasForImprovement,
    improvementPlan,
    appendix,
  };
}

/** Builds the after-action review in one go (the CLI, tests). */
export function buildAarModel(input: AarBuildInput): AarModel {
  const fold = new AarFold(new ExerciseLookup(input));
  const count = includedCount(input);
  for (let i = 0; i < count; i += 1) fold.absorb(input.events[i]);
  return finishModel(fold, input);
}

/** The parts of a review that later events change in place or extend, copied, so that a review keeps the log
 * position it was built at while its fold goes on. */
function detached(model: AarModel): AarModel {
  const { timeline, overview, teams, escalation } = model;
  return {
    ...model,
    overview: { ...overview, staff: overview.staff.map((s) => ({ ...s })) },
    timeline: {
      entries: timeline.entries.slice(),
      injects: timeline.injects.map((i) => ({ ...i })),
      decisions: timeline.decisions.map((d) => ({ ...d, findings: d.findings.slice(), verdicts: d.verdicts.slice() })),
      channels: timeline.channels.map((c) => ({ ...c, messages: c.messages.slice() })),
      controllerActions: timeline.controllerActions.slice(),
    },
    teams: teams.map((t) => ({ ...t, findings: t.findings.slice(), adjustments: t.adjustments.slice() })),
    escalation: { ...escalation, pairs: escalation.pairs.map((p) => ({ ...p, points: p.points.slice() })) },
  };
}

/**
 * Builds reviews of one exercise's growing log, folding each event once: a review as of a later position folds only
 * the events since the last one (an earlier position folds the log again). Each review is the one `buildAarModel`
 * gives for the same log and position, and stays so as the builder goes on.
 */
export class AarBuilder {
  private fold: AarFold | undefined;
  /** Events of the log folded so far. */
  private folded = 0;

  constructor(private readonly input: Omit<AarBuildInput, 'events' | 'asOf'>) {}

  /** The review of `events` (the log this builder was given before, extended) up to `asOf` (all unless given). */
  build(events: readonly ExerciseEvent[], asOf?: { seq: number }): AarModel {
    let fold = this.fold;
    if (!fold || (asOf !== undefined && asOf.seq < fold.lastSeq)) {
      fold = this.fold = new AarFold(new ExerciseLookup(this.input));
      this.folded = 0;
    }
    const count = includedCount({ events, asOf }, this.folded);
    for (let i = this.folded; i < count; i += 1) fold.absorb(events[i]);
    this.folded = count;
    return detached(finishModel(fold, this.input));
  }
}
