// A server outage must not cost teams exercise time: after a long one, or one that a prompt's deadline or the end
// fell inside, the server stops the clock where it stood when the outage began, and a controller resumes.
import type { Command } from './commands.js';
import { refuse, requireStatus, type Outcome } from './command-guards.js';
import { TO_ALL } from './event-audience.js';
import type { EventBatch } from './event-batch.js';
import type { Actor } from './events.js';
import { exerciseTimeAt, exerciseTimeOnClock } from './exercise-clock.js';
import { endOf, nextOpenDeadline } from './inject-schedule.js';
import { indexOf } from './scenario-index.js';
import type { ExerciseContext, ExerciseState } from './state.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/**
 * Pauses a running exercise at the exercise time its clock showed at `downSince` (wall ms, not after `now`): the
 * event is decided now, but the clock stands where it was when the server stopped, so nothing fell due meanwhile.
 */
export function pauseForOutage(batch: EventBatch, command: Of<'clock.pause-for-outage'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, ['running']);
  if (refusal) return refusal;
  const { downSince } = command;
  if (downSince > batch.now) {
    return refuse('INVALID_COMMAND', 'downSince: the outage must have begun by now (a wall time in ms).');
  }
  const since = Math.round(downSince);
  const standsAt = exerciseTimeOnClock(batch.base.clock, since);
  batch.add('exercise.paused', { reason: 'server-restart', downSince: since }, TO_ALL, standsAt, actor);
  return undefined;
}

/**
 * Whether letting the clock run on through an outage, up to `now`, would cost a team: a prompt it already had would
 * be missed at restart (its deadline passed while nobody could answer), or the exercise would end. Prompts that fell
 * due meanwhile are released late with their whole deadline, so they cost nothing.
 */
export function catchUpCostsTeams(ctx: ExerciseContext, state: ExerciseState, now: number): boolean {
  if (state.status !== 'running' || !state.clock.running) return false;
  const current = exerciseTimeAt(state, now);
  return current >= endOf(indexOf(ctx), state) || nextOpenDeadline(state, current) !== undefined;
}
