// What follows from an event inside the same `decide` call: the scoring model's findings and escalation moves, then
// the conditional injects the event released (and what follows from those, in turn).
import type {
  Audience,
  EventPayloads,
  EventType,
  Actor,
  ExerciseEvent,
  Finding,
  ReleasedInject,
} from './events.js';
import { TO_ALL, TO_STAFF, toTeams } from './event-audience.js';
import type { EventBatch } from './event-batch.js';
import { assessedAbout, eventEntry } from './event-registry.js';
import { exerciseTimeAt } from './exercise-clock.js';
import { readyAt, releasedInjectOf } from './inject-schedule.js';
import { isJudged, own } from './own-value.js';
import type { Assessment, EscalationMove } from './scoring.js';

/** Adds an event and everything it sets off. */
export function recordEvent<T extends EventType>(
  batch: EventBatch,
  type: T,
  payload: EventPayloads[T],
  audience: Audience,
  exerciseTime: number,
  actor?: Actor,
): void {
  const { scoring } = batch.ctx;
  const before = scoring && eventEntry(type).assessed ? batch.stateSoFar() : undefined;
  const event = batch.add(type, payload, audience, exerciseTime, actor);
  if (scoring && before) recordAssessment(batch, event, scoring.assess(batch.ctx, before, event));
  releaseMetConditions(batch, exerciseTime);
}

/** Releases an inject now, as teams will see it. */
export function releaseInject(
  batch: EventBatch,
  injectId: string,
  exerciseTime: number,
  trigger: ReleasedInject['trigger'],
  actor?: Actor,
): void {
  const inject = batch.index.injects.get(injectId);
  const state = own(batch.view.injects, injectId);
  if (!inject || !state) return;
  // Teams see it at the exercise time of this batch, however long ago it fell due.
  const seenAt = Math.max(exerciseTime, exerciseTimeAt(batch.base, batch.now));
  const released = releasedInjectOf(batch.index, inject, state, exerciseTime, trigger, seenAt);
  recordEvent(batch, 'inject.released', released, toTeams(released.audience), exerciseTime, actor);
}

/** Records a move on the escalation ladder; a move to the level already held records nothing. */
export function recordEscalation(batch: EventBatch, move: EscalationMove, exerciseTime: number): void {
  const previous = own(batch.view.escalation, `${move.from}>${move.to}`) ?? 0;
  const level = Math.min(10, Math.max(0, Math.round(move.level)));
  if (!Number.isFinite(level) || level === previous) return;
  recordEvent(
    batch,
    'escalation.changed',
    {
      from: move.from,
      to: move.to,
      previous,
      level,
      cause: move.cause,
      ...(move.decisionId !== undefined ? { decisionId: move.decisionId } : {}),
      ...(move.actionId !== undefined ? { actionId: move.actionId } : {}),
      ...(move.teamId !== undefined ? { teamId: move.teamId } : {}),
    },
    TO_ALL,
    exerciseTime,
  );
}

function recordAssessment(batch: EventBatch, cause: ExerciseEvent, assessment: Assessment): void {
  const byTeam = new Map<string, Finding[]>();
  for (const finding of assessment.findings) {
    const list = byTeam.get(finding.teamId) ?? [];
    list.push(finding);
    byTeam.set(finding.teamId, list);
  }
  // A decision is recorded with its verdicts even when no rule found anything on it: each action has one.
  const verdicts = assessment.verdicts;
  if (verdicts && verdicts.verdicts.length > 0 && !byTeam.has(verdicts.teamId)) byTeam.set(verdicts.teamId, []);
  const about = assessedAbout(cause) ?? {};
  const debriefOnly = batch.ctx.scenario.feedback === 'debrief';
  for (const [teamId, findings] of byTeam) {
    // A team nobody plays is not judged: no finding of any rule while a controller has it marked not played.
    if (!isJudged(batch.view, teamId)) continue;
    const own = verdicts?.teamId === teamId && verdicts.verdicts.length > 0 ? { verdicts: verdicts.verdicts } : {};
    batch.add(
      'findings.recorded',
      { teamId, ...about, findings, ...own },
      debriefOnly ? TO_STAFF : toTeams([teamId]),
      cause.exerciseTime,
    );
  }
  for (const move of assessment.escalation) recordEscalation(batch, move, cause.exerciseTime);
}

/**
 * Releases, in MSEL order, the injects whose condition this batch met and whose time has come by `exerciseTime`;
 * injects met earlier or due later are the clock's to release.
 */
export function releaseMetConditions(batch: EventBatch, exerciseTime: number): void {
  for (const inject of batch.index.conditional) {
    const before = own(batch.base.injects, inject.id);
    const now = own(batch.view.injects, inject.id);
    if (!before || !now || before.conditionMet || now.status !== 'pending') continue;
    const due = readyAt(now);
    if (due !== undefined && due <= exerciseTime) releaseInject(batch, inject.id, due, 'condition');
  }
}
