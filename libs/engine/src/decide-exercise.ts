// The life of an exercise (create, lobby, start, pause, resume, speed, end) and the clock's tick.
import type { Actor } from './events.js';
import type { Command } from './commands.js';
import { IN_PLAY, NOT_ENDED, refuse, requireStatus, type Outcome } from './command-guards.js';
import { COMMAND_LIMITS } from './command-fields.js';
import { TO_ALL, toTeams } from './event-audience.js';
import type { EventBatch } from './event-batch.js';
import { recordEscalation, recordEvent, releaseInject } from './event-consequences.js';
import { exerciseTimeAt } from './exercise-clock.js';
import { endOf, nextScheduledItem } from './inject-schedule.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/** Fastest clock the engine runs: 60 exercise seconds a second. */
export const MAX_SPEED = COMMAND_LIMITS.maxSpeed;

export function createExercise(batch: EventBatch, command: Of<'exercise.create'>, actor: Actor): Outcome {
  if (batch.base.status !== 'none') return refuse('EXERCISE_EXISTS', 'This exercise has already been created.');
  const { scenario, ruleSet } = batch.ctx;
  batch.add(
    'exercise.created',
    {
      exerciseId: command.exerciseId,
      name: command.name.trim(),
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      ruleSetId: ruleSet.id,
      speed: scenario.speed,
    },
    TO_ALL,
    0,
    actor,
  );
  return undefined;
}

export function openLobby(batch: EventBatch, actor: Actor): Outcome {
  const { status } = batch.base;
  if (status === 'lobby') return refuse('INVALID_COMMAND', 'The lobby is already open: start the exercise when teams are in.');
  const refusal = requireStatus(batch.base, ['created']);
  if (refusal) return status === 'paused' ? refuse('EXERCISE_ALREADY_STARTED', 'The exercise has already started.') : refusal;
  batch.add('exercise.lobby-opened', {}, TO_ALL, 0, actor);
  return undefined;
}

export function startExercise(batch: EventBatch, actor: Actor): Outcome {
  const { status } = batch.base;
  if (status === 'paused') return refuse('EXERCISE_ALREADY_STARTED', 'The exercise has already started: resume it instead.');
  const refusal = requireStatus(batch.base, ['created', 'lobby']);
  if (refusal) return refusal;
  batch.add('exercise.started', { speed: batch.base.clock.speed }, TO_ALL, 0, actor);
  return undefined;
}

export function pauseExercise(batch: EventBatch, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, ['running']);
  if (refusal) return batch.base.status === 'paused' ? refuse('EXERCISE_NOT_RUNNING', 'The exercise is already paused.') : refusal;
  batch.add('exercise.paused', {}, TO_ALL, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

export function resumeExercise(batch: EventBatch, actor: Actor): Outcome {
  const { status } = batch.base;
  if (status === 'running') return refuse('EXERCISE_NOT_PAUSED', 'The exercise is running, not paused.');
  if (status === 'created' || status === 'lobby') return refuse('EXERCISE_NOT_PAUSED', 'The exercise has not started: start it instead.');
  const refusal = requireStatus(batch.base, ['paused']);
  if (refusal) return refusal;
  batch.add('exercise.resumed', {}, TO_ALL, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

export function changeSpeed(batch: EventBatch, command: Of<'exercise.change-speed'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, NOT_ENDED);
  if (refusal) return refusal;
  const { speed } = command;
  batch.add('exercise.speed-changed', { speed }, TO_ALL, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

export function endExercise(batch: EventBatch, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, NOT_ENDED);
  if (refusal) return refusal;
  batch.add('exercise.ended', { reason: 'controller' }, TO_ALL, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

/**
 * Everything scheduled up to the current exercise time, in time order and each at its own exercise time however
 * late the tick: due injects, prompts whose deadline passed unanswered (per team), escalation easing, and the end.
 * A late release extends its prompt's deadline and the end by how late it was (see releasedInjectOf).
 */
export function tickClock(batch: EventBatch): Outcome {
  const refusal = requireStatus(batch.base, IN_PLAY);
  if (refusal) return refusal;
  const current = exerciseTimeAt(batch.base, batch.now);
  // The end moves back as late releases extend it, so it is read again after each one.
  const limit = () => Math.min(current, endOf(batch.index, batch.view));
  for (let item = nextScheduledItem(batch.view, limit()); item; item = nextScheduledItem(batch.view, limit())) {
    if (item.kind === 'release') releaseInject(batch, item.injectId, item.time, 'schedule');
    else {
      const payload = { injectId: item.injectId, teamId: item.teamId };
      recordEvent(batch, 'inject.deadline-missed', payload, toTeams([item.teamId]), item.time);
    }
  }
  const { scoring } = batch.ctx;
  if (scoring) {
    const easedAt = limit();
    for (const move of scoring.ease(batch.ctx, batch.stateSoFar(), easedAt)) recordEscalation(batch, move, easedAt);
  }
  const end = endOf(batch.index, batch.view);
  if (current >= end) batch.add('exercise.ended', { reason: 'duration' }, TO_ALL, end);
  return undefined;
}
