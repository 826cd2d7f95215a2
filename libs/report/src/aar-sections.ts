// Shapes what the fold gathered into the overview, per-team, escalation and objective sections of the report.
import { roundPoints } from '@ttx/engine';
import { suggestRatings } from '@ttx/rules';
import type { FindingSeverity } from '@ttx/scenario';
import type {
  AarOverview,
  DecisionEntry,
  EscalationPair,
  EscalationPeak,
  EscalationPoint,
  EscalationReport,
  FindingEntry,
  ObjectiveReport,
  PromptLatency,
  TeamReport,
} from './aar-model.js';
import type { AarFold } from './aar-fold.js';
import type { ExerciseLookup } from './exercise-lookup.js';
import { formatExerciseTime } from './report-format.js';

const MAX_PEAKS_PER_PAIR = 5;


export function overviewSection(fold: AarFold, names: ExerciseLookup, exerciseName: string | undefined): AarOverview {
  const { scenario, ruleSet, catalogue } = names.input;
  const released = [...fold.injects.values()].filter((i) => i.status === 'released');
  const sectors = new Set<string>();
  for (const i of scenario.injects) if (i.sector) sectors.add(i.sector);
  for (const i of released) if (i.sector) sectors.add(i.sector);
  const end = fold.endedAt ?? fold.lastAt;
  const participants = new Map<string, string[]>();
  for (const p of fold.participants) {
    const list = participants.get(p.teamId) ?? [];
    if (!list.includes(p.participant)) list.push(p.participant);
    participants.set(p.teamId, list);
  }
  return {
    ...(fold.exerciseId !== undefined && { exerciseId: fold.exerciseId }),
    name: exerciseName ?? fold.name ?? scenario.title,
    status: fold.status,
    scenario: { id: scenario.id, version: scenario.version, title: scenario.title, summary: scenario.summary },
    ruleSet: { id: ruleSet.id, title: ruleSet.title },
    catalogue: { id: catalogue.id, title: catalogue.title },
    dates: {
      ...(fold.createdAt !== undefined && { createdAt: fold.createdAt }),
      ...(fold.startedAt !== undefined && { startedAt: fold.startedAt }),
      ...(fold.endedAt !== undefined && { endedAt: fold.endedAt }),
      ...(fold.lastAt !== undefined && { lastEventAt: fold.lastAt }),
    },
    duration: {
      exerciseMs: fold.lastExerciseTime,
      wallMs: fold.startedAt !== undefined && end !== undefined ? end - fold.startedAt : 0,
      plannedMs: scenario.duration,
      pausedMs: fold.pausedMs,
    },
    scope: {
      states: scenario.states.map((s) => ({ id: s.id, name: s.name })),
      sectors: [...sectors].sort(),
      injectsPlanned: scenario.injects.length,
      injectsReleased: released.length,
      decisionPrompts: released.filter((i) => i.prompt).length,
      feedback: scenario.feedback,
    },
    objectives: scenario.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      capability: o.capability,
      ...(o.description !== undefined && { description: o.description }),
    })),
    teams: scenario.teams.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      ...(t.state !== undefined && { state: t.state, stateName: names.state(t.state) }),
      participants: participants.get(t.id) ?? [],
    })),
    staff: [...fold.staff.values()].sort((a, b) => a.role.localeCompare(b.role) || a.id.localeCompare(b.id)),
  };
}

function promptLatencies(fold: AarFold, teamId: string, decisionFor: Map<string, DecisionEntry>): PromptLatency[] {
  const prompts: PromptLatency[] = [];
  for (const inject of fold.injects.values()) {
    if (!inject.prompt || inject.releasedAt === undefined || !inject.audience.includes(teamId)) continue;
    const key = `${inject.injectId}:${teamId}`;
    const decision = decisionFor.get(key);
    const deadline = inject.prompt.deadline;
    let status: PromptLatency['status'];
    if (decision) status = deadline === undefined || decision.exerciseTime <= deadline ? 'on-time' : 'late';
    else if (fold.missed.has(key)) status = 'missed';
    else status = fold.status === 'ended' ? 'unanswered' : 'open';
    prompts.push({
      injectId: inject.injectId,
      title: inject.title,
      releasedAt: inject.releasedAt,
      ...(deadline !== undefined && { deadline }),
      status,
      ...(decision && {
        decisionId: decision.decisionId,
        decidedAt: decision.exerciseTime,
        latency: decision.latency ?? decision.exerciseTime - inject.releasedAt,
      }),
    });
  }
  return prompts.sort((a, b) => a.releasedAt - b.releasedAt || a.injectId.localeCompare(b.injectId));
}

const NO_FINDINGS: Record<FindingSeverity, number> = { commendation: 0, note: 0, concern: 0, violation: 0 };

export function teamSections(fold: AarFold, names: ExerciseLookup, overview: AarOverview): TeamReport[] {
  const decisionFor = fold.tallies.firstDecisions;
  return overview.teams.map((team) => {
    const played = fold.isPlayed(team.id);
    const reason = fold.unplayed.get(team.id);
    // A team nobody played has no score: whatever was recorded for it before the mark is left out with the rest.
    const findings: FindingEntry[] = played ? (fold.findingsByTeam.get(team.id) ?? []) : [];
    const adjustments = fold.adjustmentsByTeam.get(team.id) ?? [];
    const tally = fold.tallies.team(team.id);
    const dimensions = played
      ? fold.tallies.scores.dimensions(team.id)
      : fold.tallies.scores.dimensions(team.id).map((d) => ({ ...d, fromRules: 0, adjustments: 0, total: 0 }));
    const prompts = promptLatencies(fold, team.id, decisionFor);
    const answered = prompts.filter((p) => p.latency !== undefined);
    const latencies = answered.map((p) => p.latency as number);
    const messages = names.input.scenario.channels
      .filter((c) => c.members.includes(team.id))
      .map((c) => ({
        channelId: c.id,
        name: c.name,
        kind: c.kind,
        count: fold.messageCounts.get(`${c.id}>${team.id}`) ?? 0,
      }));
    return {
      teamId: team.id,
      name: team.name,
      kind: team.kind,
      ...(team.state !== undefined && { state: team.state, stateName: team.stateName }),
      participants: team.participants,
      played,
      ...(reason !== undefined && reason !== '' && { notPlayedReason: reason }),
      score: { total: roundPoints(dimensions.reduce((sum, d) => sum + d.total, 0)), dimensions },
      findingCounts: { ...(played ? tally.findingCounts : NO_FINDINGS) },
      findings,
      adjustments,
      latency: {
        prompts,
        answered: answered.length,
        onTime: prompts.filter((p) => p.status === 'on-time').length,
        late: prompts.filter((p) => p.status === 'late').length,
        missed: prompts.filter((p) => p.status === 'missed').length,
        ...(latencies.length > 0 && {
          meanMs: Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
          maxMs: Math.max(...latencies),
        }),
      },
      channels: {
        hotlineActivations: tally.hotlineActivations,
        cbmActions: [...tally.cbmActions.values()].map((c) => ({ ...c, cbm: [...c.cbm] })).sort((a, b) => b.count - a.count || a.actionId.localeCompare(b.actionId)),
        messages,
      },
    };
  });
}

function peaksOf(points: readonly EscalationPoint[]): EscalationPoint[] {
  const peaks: EscalationPoint[] = [];
  let previous = 0;
  let rising: EscalationPoint | undefined;
  for (const point of points) {
    if (point.level > previous) rising = point;
    else if (point.level < previous && rising) {
      peaks.push(rising);
      rising = undefined;
    }
    previous = point.level;
  }
  if (rising) peaks.push(rising);
  return peaks
    .filter((p) => p.level > 0)
    .sort((a, b) => b.level - a.level || a.seq - b.seq)
    .slice(0, MAX_PEAKS_PER_PAIR)
    .sort((a, b) => a.seq - b.seq);
}

/** A rise on the ladder in words, without its cause (what a team's debrief says of a rise it did not cause). */
export function riseText(point: Pick<EscalationPoint, 'level' | 'exerciseTime'>, pair: { fromName: string; toName: string }): string {
  return `${pair.fromName} toward ${pair.toName} reached ESC-${point.level} at ${formatExerciseTime(point.exerciseTime)}`;
}

function explainPeak(point: EscalationPoint, pair: { fromName: string; toName: string }, fold: AarFold, names: ExerciseLookup): string {
  const rise = riseText(point, pair);
  const decision = point.decisionId !== undefined ? fold.decision(point.decisionId, fold.decisionsBefore(point.seq)) : undefined;
  if (decision) {
    const choice = decision.actions.find((a) => a.actionId === point.actionId) ?? decision.actions[0];
    const what = choice ? `${choice.actionName}${choice.targetName !== undefined ? ` against ${choice.targetName}` : ''}` : 'a decision';
    return `${rise} after ${names.team(decision.teamId)} chose ${what} (decision ${decision.decisionId}).`;
  }
  if (point.actionId !== undefined) return `${rise} after ${names.action(point.actionId)}${point.teamId !== undefined ? ` by ${names.team(point.teamId)}` : ''}.`;
  if (point.cause === 'controller') return `${rise} by a controller's adjustment.`;
  return point.cause !== undefined ? `${rise} (${point.cause}).` : `${rise}.`;
}

export function escalationSection(fold: AarFold, names: ExerciseLookup): EscalationReport {
  const states = names.input.scenario.states.map((s) => s.id);
  const keys: [string, string][] = [];
  for (const from of states) for (const to of states) if (from !== to) keys.push([from, to]);
  const known = new Set(keys.map(([f, t]) => `${f}>${t}`));
  for (const key of [...fold.escalation.keys()].sort()) {
    if (!known.has(key)) keys.push(key.split('>') as [string, string]);
  }
  let maxLevel = 0;
  let maxPair: string | undefined;
  const pairs = keys.map(([from, to]): EscalationPair => {
    const key = `${from}>${to}`;
    const points = fold.escalation.get(key) ?? [];
    const fromName = names.state(from);
    const toName = names.state(to);
    const peak = points.reduce((m, p) => Math.max(m, p.level), 0);
    if (peak > maxLevel) {
      maxLevel = peak;
      maxPair = key;
    }
    const peaks: EscalationPeak[] = peaksOf(points).map((p) => ({ ...p, explanation: explainPeak(p, { fromName, toName }, fold, names) }));
    return { key, from, to, fromName, toName, level: points.at(-1)?.level ?? 0, peak, points, peaks };
  });
  return { maxLevel, ...(maxPair !== undefined && { maxPair }), pairs };
}

function tally(findings: readonly { severity: FindingSeverity }[]): { commendations: number; notes: number; concerns: number; violations: number } {
  const counts = { commendations: 0, notes: 0, concerns: 0, violations: 0 };
  for (const f of findings) {
    if (f.severity === 'commendation') counts.commendations += 1;
    else if (f.severity === 'note') counts.notes += 1;
    else if (f.severity === 'concern') counts.concerns += 1;
    else counts.violations += 1;
  }
  return counts;
}

/** Each objective with the rating the rules suggest from all findings and from each team's. */
export function objectiveSections(fold: AarFold, names: ExerciseLookup): ObjectiveReport[] {
  const scenario = names.input.scenario;
  const judged = fold.unplayed.size === 0 ? fold.rawFindings : fold.rawFindings.filter((f) => fold.isPlayed(f.teamId));
  const overall = suggestRatings(scenario, judged);
  const perTeam: { teamId: string; ratings: ReturnType<typeof suggestRatings> }[] = [];
  const byTeam = [...fold.tallies.rawFindingsByTeam].filter(([teamId]) => fold.isPlayed(teamId));
  for (const [teamId, findings] of byTeam.sort((a, b) => a[0].localeCompare(b[0]))) {
    perTeam.push({ teamId, ratings: suggestRatings(scenario, findings) });
  }
  return scenario.objectives.map((objective, index) => {
    const injects = [...fold.injects.values()].filter((i) => i.objectives.includes(objective.id)).map((i) => i.injectId);
    const suggestion = overall[index];
    const counts = tally(suggestion.findings);
    const observations = fold.observations.get(objective.id) ?? [];
    const byTeam = perTeam.flatMap(({ teamId, ratings }) => {
      const r = ratings[index];
      if (r.findings.length === 0) return [];
      const c = tally(r.findings);
      return [{ teamId, ...(r.rating && { suggestedRating: r.rating }), concerns: c.concerns, violations: c.violations, commendations: c.commendations }];
    });
    return {
      objectiveId: objective.id,
      title: objective.title,
      capability: objective.capability,
      injects,
      ...(observations.length > 0 && { evaluatorRating: observations[observations.length - 1].rating }),
      observations: observations.map((o) => ({ ...o })),
      ...(suggestion.rating && { suggestedRating: suggestion.rating }),
      suggestionReasoning: suggestion.reasoning,
      basis: { ...counts, ruleIds: [...new Set(suggestion.findings.map((f) => f.ruleId))].sort() },
      byTeam,
    };
  });
}
