// What the white cell and evaluators record: observations against objectives, score adjustments, the improvement plan,
// and which teams nobody plays.
import type { Command } from './commands.js';
import type { Actor } from './events.js';
import { NOT_ENDED, refuse, requireStatus, type Outcome } from './command-guards.js';
import { TO_STAFF, toTeams } from './event-audience.js';
import type { EventBatch } from './event-batch.js';
import { exerciseTimeAt } from './exercise-clock.js';
import { own } from './own-value.js';
import type { ExerciseStatus } from './state.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/** Evaluation goes on after the end: observations, adjustments and the improvement plan belong to the review. */
const ANY_TIME: readonly ExerciseStatus[] = [...NOT_ENDED, 'ended'];

export function recordObservation(batch: EventBatch, command: Of<'observation.record'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, ANY_TIME);
  if (refusal) return refusal;
  if (batch.base.observationIds[command.observationId] === true) return 'duplicate';
  if (!batch.index.objectives.has(command.objectiveId)) {
    return refuse('UNKNOWN_OBJECTIVE', `There is no objective ${command.objectiveId} in this scenario.`);
  }
  const payload = {
    observationId: command.observationId,
    objectiveId: command.objectiveId,
    rating: command.rating,
    note: command.note,
  };
  batch.add('observation.recorded', payload, TO_STAFF, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

export function adjustScore(batch: EventBatch, command: Of<'score.adjust'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, ANY_TIME);
  if (refusal) return refusal;
  if (batch.base.adjustmentIds[command.adjustmentId] === true) return 'duplicate';
  if (!batch.index.teams.has(command.teamId)) {
    return refuse('UNKNOWN_TEAM', `There is no team ${command.teamId} in this scenario.`);
  }
  const payload = {
    adjustmentId: command.adjustmentId,
    teamId: command.teamId,
    dimension: command.dimension,
    delta: command.delta,
    reason: command.reason,
  };
  // The team sees its adjustments beside its findings, unless the scenario keeps all scoring for the debrief.
  const audience = batch.ctx.scenario.feedback === 'debrief' ? TO_STAFF : toTeams([command.teamId]);
  batch.add('score.adjusted', payload, audience, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

export function editImprovementItem(batch: EventBatch, command: Of<'improvement.edit'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, ANY_TIME);
  if (refusal) return refusal;
  const { changes } = command;
  if (changes.objectiveId !== undefined && !batch.index.objectives.has(changes.objectiveId)) {
    return refuse('UNKNOWN_OBJECTIVE', `There is no objective ${changes.objectiveId} in this scenario.`);
  }
  batch.add('improvement.edited', { itemId: command.itemId, changes }, TO_STAFF, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

/** Marks a team as not played or played again; the same mark with the same reason again records nothing. */
export function markTeamPlayed(batch: EventBatch, command: Of<'team.mark-played'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, NOT_ENDED);
  if (refusal) return refusal;
  const { teamId, played, reason } = command;
  if (!batch.index.teams.has(teamId)) {
    return refuse('UNKNOWN_TEAM', `There is no team ${teamId} in this scenario.`);
  }
  const marked = own(batch.view.unplayed, teamId);
  if (played ? marked === undefined : marked === (reason ?? '')) return 'duplicate';
  const payload = { teamId, played, ...(reason !== undefined ? { reason } : {}) };
  batch.add('team.play-marked', payload, TO_STAFF, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}
