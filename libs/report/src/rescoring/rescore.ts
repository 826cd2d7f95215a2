// Re-scoring: the log of an exercise judged again under another rule set. The decisions, messages, missed deadlines,
// injects and escalation stay as recorded (they are what the teams faced); only the findings are judged anew.
import { createEngine, eventEntry, isJudged, ScoreBook, type ExerciseEvent, type Finding } from '@ttx/engine';
import { checkRuleSet, createScoringModel } from '@ttx/rules';
import { formatFieldPath, type Dimension, type RuleSet } from '@ttx/scenario';
import type { BundleProblem, ExerciseBundle } from './exercise-bundle.js';
import { findingChanges, type FindingChange, type JudgedFinding } from './finding-changes.js';

export interface RescoredTeam {
  teamId: string;
  teamName: string;
  /** Findings and adjustments together. */
  total: number;
  byDimension: Record<Dimension, number>;
  /** What the rules alone gave. */
  fromFindings: number;
  findings: number;
}

export interface Scoreboard {
  ruleSet: { id: string; title: string };
  teams: RescoredTeam[];
}

export interface RescoreResult {
  exercise?: { id: string; name?: string };
  scenario: { id: string; title: string };
  events: number;
  /** The scores as the log recorded them, under the bundle's rule set. */
  recorded: Scoreboard;
  /** The scores the other rule set gives the same log. */
  rescored: Scoreboard;
  /** Findings added, removed or with other points, in log order. */
  changes: FindingChange[];
}

export type RescoreOutcome =
  | { ok: true; result: RescoreResult }
  | { ok: false; code: 'RULE_SET_INVALID'; problems: BundleProblem[] }
  | { ok: false; code: 'BUNDLE_INVALID'; problems: BundleProblem[] };

/** The scoreboard of a set of findings, with the log's adjustments, every scenario team listed. */
function scoreboardOf(bundle: ExerciseBundle, ruleSet: RuleSet, findings: readonly Finding[]): Scoreboard {
  const book = new ScoreBook();
  for (const finding of findings) book.addFinding(finding);
  for (const event of bundle.events) if (event.type === 'score.adjusted') book.addAdjustment(event.payload);
  const names = new Map(bundle.scenario.teams.map((t) => [t.id, t.name]));
  return {
    ruleSet: { id: ruleSet.id, title: ruleSet.title },
    teams: book.scores(bundle.scenario.teams.map((t) => t.id)).map((score) => ({
      teamId: score.teamId,
      teamName: names.get(score.teamId) ?? score.teamId,
      total: score.total,
      byDimension: score.byDimension,
      fromFindings: score.fromFindings,
      findings: score.findings.length,
    })),
  };
}

/** The findings the log holds, each with the seq of the event it judged (the last judged event before it). */
function recordedFindings(events: readonly ExerciseEvent[]): JudgedFinding[] {
  const judged: JudgedFinding[] = [];
  let cause: ExerciseEvent | undefined;
  for (const event of events) {
    if (event.type === 'findings.recorded') {
      for (const finding of event.payload.findings) judged.push({ causeSeq: cause?.seq ?? event.seq, finding });
    } else if (eventEntry(event.type).assessed) {
      cause = event;
    }
  }
  return judged;
}

/** Replays the log, recorded findings left out, judging each judged event under `ruleSet` against the state as
 * the new findings leave it (a rule may read the findings before it). */
function rejudgedFindings(bundle: ExerciseBundle, ruleSet: RuleSet): JudgedFinding[] {
  const scoring = createScoringModel();
  const ctx = { scenario: bundle.scenario, catalogue: bundle.catalogue, ruleSet, scoring };
  const engine = createEngine(ctx);
  const state = engine.initialState();
  const judged: JudgedFinding[] = [];
  for (const event of bundle.events) {
    if (event.type === 'findings.recorded') continue;
    if (!eventEntry(event.type).assessed) {
      engine.apply(state, event);
      continue;
    }
    // A team a controller has marked not played is judged on nothing, as the engine records it.
    const findings = scoring.assess(ctx, state, event).findings.filter((f) => isJudged(state, f.teamId));
    engine.apply(state, event);
    if (findings.length === 0) continue;
    const byTeam = new Map<string, Finding[]>();
    for (const finding of findings) {
      judged.push({ causeSeq: event.seq, finding });
      byTeam.set(finding.teamId, [...(byTeam.get(finding.teamId) ?? []), finding]);
    }
    // Folded as the engine records them: one findings event per team after the event judged.
    for (const [teamId, own] of byTeam)
      engine.apply(state, {
        seq: event.seq,
        type: 'findings.recorded',
        at: event.at,
        exerciseTime: event.exerciseTime,
        audience: { kind: 'staff' },
        payload: { teamId, findings: own },
      });
  }
  return judged;
}

/** Re-scores the bundle's log under `ruleSet`: both scoreboards and the findings that differ. Pure. */
export function rescore(bundle: ExerciseBundle, ruleSet: RuleSet): RescoreOutcome {
  const issues = checkRuleSet(ruleSet, bundle.catalogue);
  if (issues.length > 0)
    return {
      ok: false,
      code: 'RULE_SET_INVALID',
      problems: issues.map((i) => ({ path: formatFieldPath(i.path), message: i.message })),
    };
  const before = recordedFindings(bundle.events);
  let after: JudgedFinding[];
  try {
    after = rejudgedFindings(bundle, ruleSet);
  } catch (error) {
    // A payload the bundle check lets through but the engine cannot fold: say where, not crash.
    return { ok: false, code: 'BUNDLE_INVALID', problems: [{ path: 'events', message: `cannot be replayed: ${(error as Error).message}` }] };
  }
  const names = new Map(bundle.scenario.teams.map((t) => [t.id, t.name]));
  return {
    ok: true,
    result: {
      ...(bundle.exercise && { exercise: bundle.exercise }),
      scenario: { id: bundle.scenario.id, title: bundle.scenario.title },
      events: bundle.events.length,
      recorded: scoreboardOf(bundle, bundle.ruleSet, before.map((j) => j.finding)),
      rescored: scoreboardOf(bundle, ruleSet, after.map((j) => j.finding)),
      changes: findingChanges(before, after, (teamId) => names.get(teamId) ?? teamId),
    },
  };
}
