// A player team's own debrief: its own decisions, findings and plan items, and only the events it was shown (of
// escalation changes it did not cause, only the levels).
import type { Audience } from '@ttx/engine';
import type { Scenario } from '@ttx/scenario';
import type { AarModel, ObjectiveReport } from './aar-model.js';
import { DebriefEscalation } from './debrief-escalation.js';

export type TeamDebriefResult =
  | { ok: true; model: AarModel }
  | { ok: false; error: { code: 'UNKNOWN_TEAM'; message: string } };

function shownTo(audience: Audience | undefined, teamId: string): boolean {
  if (!audience) return false;
  return audience.kind === 'all' || (audience.kind === 'teams' && audience.teams.includes(teamId));
}

function teamObjective(objective: ObjectiveReport, teamId: string, model: AarModel, visible: (seq: number) => boolean): ObjectiveReport {
  const injects = new Set(objective.injects);
  const findings = model.teams.find((t) => t.teamId === teamId)?.findings.filter((f) => f.injectId !== undefined && injects.has(f.injectId)) ?? [];
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const basis = {
    commendations: count('commendation'),
    notes: count('note'),
    concerns: count('concern'),
    violations: count('violation'),
    ruleIds: [...new Set(findings.map((f) => f.ruleId))].sort(),
  };
  const own = objective.byTeam.find((b) => b.teamId === teamId);
  const observations = objective.observations.filter((o) => visible(o.seq));
  return {
    objectiveId: objective.objectiveId,
    title: objective.title,
    capability: objective.capability,
    injects: objective.injects,
    ...(observations.length > 0 && { evaluatorRating: observations[observations.length - 1].rating }),
    observations,
    ...(own?.suggestedRating && { suggestedRating: own.suggestedRating }),
    suggestionReasoning:
      findings.length === 0
        ? 'None of your decisions was scored on the injects serving this objective.'
        : `From your ${findings.length} findings on this objective: ${basis.commendations} commendations, ${basis.concerns} concerns, ${basis.violations} violations.`,
    basis,
    byTeam: own ? [own] : [],
  };
}

/** Cuts a staff report down to what `teamId` may read: its own content and what every team saw. */
export function buildTeamDebrief(model: AarModel, teamId: string): TeamDebriefResult {
  const team = model.teams.find((t) => t.teamId === teamId);
  if (!team) {
    const known = model.teams.map((t) => t.teamId).join(', ');
    return { ok: false, error: { code: 'UNKNOWN_TEAM', message: `Team "${teamId}" is not in this exercise; choose one of: ${known}.` } };
  }
  const audiences = new Map<number, Audience>();
  for (const entry of model.timeline.entries) audiences.set(entry.seq, entry.audience);
  const visible = (seq: number) => shownTo(audiences.get(seq), teamId);
  const decisions = model.timeline.decisions.filter((d) => d.teamId === teamId);
  const used = new Map<string, number>();
  for (const d of decisions) for (const a of d.actions) used.set(a.actionId, (used.get(a.actionId) ?? 0) + 1);
  const escalation = new DebriefEscalation(model.escalation, teamId, visible);
  const ownJudgement = (j: { teamId?: string; evidence: { seqs: number[] } }) =>
    j.teamId === teamId || (j.teamId === undefined && j.evidence.seqs.every(visible));
  const debrief: AarModel = {
    ...model,
    audience: { kind: 'team', teamId },
    overview: {
      ...model.overview,
      teams: model.overview.teams.map((t) => (t.id === teamId ? t : { ...t, participants: [] })),
      staff: [],
    },
    timeline: {
      entries: model.timeline.entries.filter((e) => shownTo(e.audience, teamId)).map((e) => escalation.entry(e)),
      injects: model.timeline.injects.filter((i) => i.releasedSeq !== undefined && visible(i.releasedSeq)),
      decisions,
      channels: model.timeline.channels
        .filter((c) => c.members.includes(teamId))
        .map((c) => ({ ...c, messages: c.messages.filter((m) => visible(m.seq)) })),
      controllerActions: model.timeline.controllerActions.filter((c) => visible(c.seq)).map((c) => escalation.entry(c)),
    },
    // Staff stay anonymous in a team's debrief: adjustments keep their reason, not who made them.
    teams: [{ ...team, adjustments: team.adjustments.map(({ by: _by, ...adjustment }) => adjustment) }],
    escalation: escalation.section(),
    objectives: model.objectives.map((o) => teamObjective(o, teamId, model, visible)),
    strengths: model.strengths.filter(ownJudgement),
    areasForImprovement: model.areasForImprovement.filter(ownJudgement),
    improvementPlan: model.improvementPlan.filter((i) => i.teamId === teamId),
    appendix: {
      ...model.appendix,
      participants: model.appendix.participants.filter((p) => p.teamId === teamId),
      staff: [],
      actionsUsed: model.appendix.actionsUsed
        .filter((a) => used.has(a.actionId))
        .map((a) => ({ ...a, count: used.get(a.actionId) ?? 0 })),
    },
  };
  return { ok: true, model: debrief };
}

export type DebriefRefusal = { code: 'DEBRIEF_NOT_ALLOWED' | 'FORBIDDEN_ROLE'; message: string };

/**
 * The debrief a player team may read of the staff's review, or why not: the scenario may give teams none, and
 * findings withheld during play (feedback "findings-only" or "debrief") stay withheld until the exercise ends.
 */
export function debriefFor(
  model: AarModel,
  scenario: Pick<Scenario, 'debrief' | 'feedback'>,
  teamId: string,
): { ok: true; model: AarModel } | { ok: false; refusal: DebriefRefusal } {
  // `=== false`: contexts stored before the field existed take its default, true.
  if (scenario.debrief === false)
    return refused('DEBRIEF_NOT_ALLOWED', 'This scenario does not give teams their own debrief; ask your facilitator for the after-action review.');
  if (!model.asOf.final && scenario.feedback !== 'immediate')
    return refused('DEBRIEF_NOT_ALLOWED', 'Your team debrief opens when the exercise ends; ask again once the controller has ended it.');
  const debrief = buildTeamDebrief(model, teamId);
  return debrief.ok ? debrief : refused('FORBIDDEN_ROLE', debrief.error.message);
}

function refused(code: DebriefRefusal['code'], message: string): { ok: false; refusal: DebriefRefusal } {
  return { ok: false, refusal: { code, message } };
}
