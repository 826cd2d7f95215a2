// The findings two judgements of one log disagree on: a finding is the same finding when it judges the same event
// for the same team under the same rule id (and action and target); it is changed when its points or dimension differ.
import { roundPoints, type Finding } from '@ttx/engine';
import type { Dimension, FindingSeverity } from '@ttx/scenario';

/** A finding with the seq of the event it judged. */
export interface JudgedFinding {
  causeSeq: number;
  finding: Finding;
}

export interface FindingSide {
  delta: number;
  dimension: Dimension;
  severity: FindingSeverity;
  explanation: string;
}

export interface FindingChange {
  change: 'added' | 'removed' | 'changed';
  /** Seq of the event judged (a decision, a missed deadline, a message, an inject). */
  seq: number;
  teamId: string;
  teamName: string;
  ruleId: string;
  decisionId?: string;
  injectId?: string;
  actionId?: string;
  targetId?: string;
  /** Under the recorded rule set; absent for an added finding. */
  before?: FindingSide;
  /** Under the other rule set; absent for a removed finding. */
  after?: FindingSide;
  /** After minus before, in points (a removed finding's is minus its points). */
  pointsDelta: number;
}

function keyOf({ causeSeq, finding: f }: JudgedFinding): string {
  return [causeSeq, f.teamId, f.ruleId, f.actionId ?? '', f.targetId ?? ''].join('\u0000');
}

/** Findings by key, the nth finding of a key told apart by its place. */
function keyed(findings: readonly JudgedFinding[]): Map<string, JudgedFinding> {
  const map = new Map<string, JudgedFinding>();
  const seen = new Map<string, number>();
  for (const judged of findings) {
    const key = keyOf(judged);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    map.set(`${key}\u0000${n}`, judged);
  }
  return map;
}

const sideOf = (f: Finding): FindingSide => ({ delta: f.delta, dimension: f.dimension, severity: f.severity, explanation: f.explanation });

function changeOf(
  change: FindingChange['change'],
  { causeSeq, finding: f }: JudgedFinding,
  teamName: (teamId: string) => string,
  before: Finding | undefined,
  after: Finding | undefined,
): FindingChange {
  return {
    change,
    seq: causeSeq,
    teamId: f.teamId,
    teamName: teamName(f.teamId),
    ruleId: f.ruleId,
    ...(f.decisionId !== undefined && { decisionId: f.decisionId }),
    ...(f.injectId !== undefined && { injectId: f.injectId }),
    ...(f.actionId !== undefined && { actionId: f.actionId }),
    ...(f.targetId !== undefined && { targetId: f.targetId }),
    ...(before && { before: sideOf(before) }),
    ...(after && { after: sideOf(after) }),
    pointsDelta: roundPoints((after?.delta ?? 0) - (before?.delta ?? 0)),
  };
}

/** Added, removed and changed findings, ordered by the event judged, then team and rule. */
export function findingChanges(
  before: readonly JudgedFinding[],
  after: readonly JudgedFinding[],
  teamName: (teamId: string) => string,
): FindingChange[] {
  const was = keyed(before);
  const now = keyed(after);
  const changes: FindingChange[] = [];
  for (const [key, old] of was) {
    const fresh = now.get(key);
    if (!fresh) changes.push(changeOf('removed', old, teamName, old.finding, undefined));
    else if (fresh.finding.delta !== old.finding.delta || fresh.finding.dimension !== old.finding.dimension)
      changes.push(changeOf('changed', fresh, teamName, old.finding, fresh.finding));
  }
  for (const [key, fresh] of now) if (!was.has(key)) changes.push(changeOf('added', fresh, teamName, undefined, fresh.finding));
  return changes.sort(
    (a, b) => a.seq - b.seq || a.teamId.localeCompare(b.teamId) || a.ruleId.localeCompare(b.ruleId) || a.change.localeCompare(b.change),
  );
}
