// What the white cell and evaluators record: observations against objectives, score adjustments, the improvement plan.
import { DIMENSIONS, HSEEP_RATINGS, type Dimension, type HseepRating } from '@ttx/scenario';
import type { Command } from './commands.js';
import { CAPABILITY_ELEMENTS, type Actor, type CapabilityElement, type ImprovementItemEdit } from './events.js';
import {
  NOT_ENDED,
  isClientId,
  isFiniteNumber,
  isObject,
  isText,
  refuse,
  requireStatus,
  type Outcome,
  type Refusal,
} from './command-guards.js';
import { TO_STAFF, toTeams } from './event-audience.js';
import type { EventBatch } from './event-batch.js';
import { exerciseTimeAt } from './exercise-clock.js';
import type { ScenarioIndex } from './scenario-index.js';
import type { ExerciseStatus } from './state.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/** Evaluation goes on after the end: observations, adjustments and the improvement plan belong to the review. */
const ANY_TIME: readonly ExerciseStatus[] = [...NOT_ENDED, 'ended'];

export function recordObservation(batch: EventBatch, command: Of<'observation.record'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, ANY_TIME);
  if (refusal) return refusal;
  if (!isClientId(command.observationId)) return refuse('INVALID_COMMAND', 'An observation needs a client-generated id.');
  if (batch.base.observationIds[command.observationId] === true) return 'duplicate';
  if (typeof command.objectiveId !== 'string' || !batch.index.objectives.has(command.objectiveId)) {
    return refuse('UNKNOWN_OBJECTIVE', `There is no objective ${String(command.objectiveId)} in this scenario.`);
  }
  if (!HSEEP_RATINGS.includes(command.rating as HseepRating)) {
    return refuse('INVALID_COMMAND', 'Rate the objective P, S, M or U (HSEEP).');
  }
  if (!isText(command.note, 4000, true)) return refuse('INVALID_COMMAND', 'A note is at most 4,000 characters.');
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
  if (!isClientId(command.adjustmentId)) return refuse('INVALID_COMMAND', 'An adjustment needs a client-generated id.');
  if (batch.base.adjustmentIds[command.adjustmentId] === true) return 'duplicate';
  if (typeof command.teamId !== 'string' || !batch.index.teams.has(command.teamId)) {
    return refuse('UNKNOWN_TEAM', `There is no team ${String(command.teamId)} in this scenario.`);
  }
  if (!DIMENSIONS.includes(command.dimension as Dimension)) {
    return refuse('INVALID_COMMAND', `Adjust one of the dimensions ${DIMENSIONS.join(', ')}.`);
  }
  if (!isFiniteNumber(command.delta) || command.delta === 0 || Math.abs(command.delta) > 1000) {
    return refuse('INVALID_COMMAND', 'An adjustment is a non-zero number of points, at most 1,000 either way.');
  }
  if (!isText(command.reason, 2000)) return refuse('INVALID_COMMAND', 'Give the reason for the adjustment.');
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
  if (!isClientId(command.itemId)) return refuse('INVALID_COMMAND', 'An improvement item needs an id.');
  const changes = improvementEditOf(batch.index, command.changes);
  if ('ok' in changes) return changes;
  batch.add('improvement.edited', { itemId: command.itemId, changes }, TO_STAFF, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TEXT_FIELDS = ['issue', 'correctiveAction', 'responsibleOrganisation', 'pointOfContact'] as const;

function improvementEditOf(index: ScenarioIndex, value: unknown): ImprovementItemEdit | Refusal {
  const nothing = refuse('INVALID_COMMAND', 'Say what to change in the improvement item.');
  if (!isObject(value)) return nothing;
  const changes: ImprovementItemEdit = {};
  if (value.objectiveId !== undefined) {
    if (typeof value.objectiveId !== 'string' || !index.objectives.has(value.objectiveId)) {
      return refuse('UNKNOWN_OBJECTIVE', `There is no objective ${String(value.objectiveId)} in this scenario.`);
    }
    changes.objectiveId = value.objectiveId;
  }
  for (const field of TEXT_FIELDS) {
    const text = value[field];
    if (text === undefined) continue;
    if (!isText(text, 2000, true)) return refuse('INVALID_COMMAND', `${field} is text of at most 2,000 characters.`);
    changes[field] = text;
  }
  if (value.capabilityElement !== undefined) {
    if (!CAPABILITY_ELEMENTS.includes(value.capabilityElement as CapabilityElement)) {
      return refuse('INVALID_COMMAND', `A capability element is one of ${CAPABILITY_ELEMENTS.join(', ')}.`);
    }
    changes.capabilityElement = value.capabilityElement as CapabilityElement;
  }
  for (const field of ['startDate', 'completionDate'] as const) {
    const date = value[field];
    if (date === undefined) continue;
    if (typeof date !== 'string' || !ISO_DATE.test(date)) return refuse('INVALID_COMMAND', `${field} is a date like 2026-03-31.`);
    changes[field] = date;
  }
  if (value.removed !== undefined) {
    if (typeof value.removed !== 'boolean') return refuse('INVALID_COMMAND', 'removed is true or false.');
    changes.removed = value.removed;
  }
  return Object.keys(changes).length > 0 ? changes : nothing;
}
