// Counts the report's sections need (scores, channel use, rules fired, evidence behind each judgement), kept up to
// date event by event, so shaping the sections after the last event is a few map reads and never a long pass.
import { ScoreBook, type Finding, type ScoreAdjustment } from '@ttx/engine';
import type { Action, FindingSeverity } from '@ttx/scenario';
import type { DecisionEntry, FindingEntry } from './aar-model.js';

export interface TeamTally {
  findingCounts: Record<FindingSeverity, number>;
  hotlineActivations: number;
  cbmActions: Map<string, { actionId: string; name: string; cbm: string[]; count: number }>;
}

/** The findings of one team under one rule that a strength or an area for improvement rests on. */
export interface FindingGroup {
  teamId: string;
  ruleId: string;
  first: FindingEntry;
  count: number;
  total: number;
  worst: number;
  seqs: Set<number>;
  decisionIds: Set<string>;
}

const SEVERITY_WEIGHT = { commendation: 0, note: 1, concern: 2, violation: 3 } as const;

export class AarTallies {
  /** Points per team and dimension: the shared score book, as the server and the web client read them. */
  readonly scores = new ScoreBook();
  readonly teams = new Map<string, TeamTally>();
  /** Findings per rule id. */
  readonly fired = new Map<string, number>();
  /** Times each action was chosen. */
  readonly used = new Map<string, number>();
  /** The first decision answering each prompt, keyed `${injectId}:${teamId}`. */
  readonly firstDecisions = new Map<string, DecisionEntry>();
  /** Findings as recorded, by team. */
  readonly rawFindingsByTeam = new Map<string, Finding[]>();
  /** Commendations, and concerns with violations, grouped by team and rule. */
  readonly strengths = new Map<string, FindingGroup>();
  readonly areas = new Map<string, FindingGroup>();

  team(teamId: string): TeamTally {
    let tally = this.teams.get(teamId);
    if (!tally) {
      tally = {
        findingCounts: { commendation: 0, note: 0, concern: 0, violation: 0 },
        hotlineActivations: 0,
        cbmActions: new Map(),
      };
      this.teams.set(teamId, tally);
    }
    return tally;
  }

  countDecision(decision: DecisionEntry, actions: ReadonlyMap<string, Action>): void {
    if (decision.injectId !== undefined) {
      const key = `${decision.injectId}:${decision.teamId}`;
      if (!this.firstDecisions.has(key)) this.firstDecisions.set(key, decision);
    }
    const tally = this.team(decision.teamId);
    let hotline = false;
    for (const choice of decision.actions) {
      this.used.set(choice.actionId, (this.used.get(choice.actionId) ?? 0) + 1);
      const action = actions.get(choice.actionId);
      if (!action) continue;
      if (action.traits.includes('hotline')) hotline = true;
      if (action.cbm.length === 0) continue;
      const seen = tally.cbmActions.get(action.id);
      if (seen) seen.count += 1;
      else
        tally.cbmActions.set(action.id, {
          actionId: action.id,
          name: action.name,
          cbm: [...action.cbm],
          count: 1,
        });
    }
    if (hotline) tally.hotlineActivations += 1;
  }

  countFinding(raw: Finding, entry: FindingEntry): void {
    const teamId = raw.teamId;
    let list = this.rawFindingsByTeam.get(teamId);
    if (!list) this.rawFindingsByTeam.set(teamId, (list = []));
    list.push(raw);
    this.fired.set(raw.ruleId, (this.fired.get(raw.ruleId) ?? 0) + 1);
    const tally = this.team(teamId);
    tally.findingCounts[entry.severity] += 1;
    this.scores.addFinding(raw);
    const groups =
      entry.severity === 'commendation' ? this.strengths : entry.severity === 'note' ? undefined : this.areas;
    if (!groups) return;
    const key = `${teamId}\u0000${entry.ruleId}`;
    let group = groups.get(key);
    if (!group)
      groups.set(
        key,
        (group = {
          teamId,
          ruleId: entry.ruleId,
          first: entry,
          count: 0,
          total: 0,
          worst: 0,
          seqs: new Set(),
          decisionIds: new Set(),
        }),
      );
    group.count += 1;
    group.total += entry.delta;
    group.worst = Math.max(group.worst, SEVERITY_WEIGHT[entry.severity]);
    group.seqs.add(entry.seq);
    if (entry.decisionId !== undefined) group.decisionIds.add(entry.decisionId);
  }

  countAdjustment(adjustment: ScoreAdjustment): void {
    this.scores.addAdjustment(adjustment);
  }
}
