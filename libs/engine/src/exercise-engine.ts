// The engine: `decide` turns a command into events or a coded refusal, `apply` folds an event into the state.
import type { Command, DecideResult, IssuedCommand } from './commands.js';
import { checkWith } from './command-issues.js';
import { COMMAND_TABLE, type CommandSpec } from './command-table.js';
import { actorOf, isObject, refuse, requireRole, type Outcome } from './command-guards.js';
import { EventBatch } from './event-batch.js';
import type { Actor, ExerciseEvent } from './events.js';
import {
  changeSpeed,
  createExercise,
  endExercise,
  openLobby,
  pauseExercise,
  resumeExercise,
  startExercise,
  tickClock,
} from './decide-exercise.js';
import { pauseForOutage } from './decide-outage.js';
import { editInject, fireInject, holdInject, releaseHeldInject, sendAdHocInject, skipInject } from './decide-injects.js';
import { joinTeam, sendMessage, submitDecision } from './decide-play.js';
import { adjustScore, editImprovementItem, markTeamPlayed, recordObservation } from './decide-staff.js';
import { applyEvent, initialStateOf } from './exercise-reducer.js';
import { own } from './own-value.js';
import { indexOf, type ScenarioIndex } from './scenario-index.js';
import type { ExerciseContext, ExerciseState } from './state.js';

export interface Engine {
  readonly ctx: ExerciseContext;
  initialState(): ExerciseState;
  /** Never mutates `state`. Events come back numbered state.seq+1… with `at: now` and their exercise time. */
  decide(state: ExerciseState, command: IssuedCommand, now: number): DecideResult<ExerciseEvent>;
  /** Folds one event into `state` in place and returns it (linear replay of 100,000 events). */
  apply(state: ExerciseState, event: ExerciseEvent): ExerciseState;
  replay(events: Iterable<ExerciseEvent>): ExerciseState;
}

export function createEngine(ctx: ExerciseContext): Engine {
  const index = indexOf(ctx);
  return {
    ctx,
    initialState: () => initialStateOf(ctx),
    decide: (state, command, now) => decideCommand(ctx, index, state, command, now),
    apply: (state, event) => applyEvent(index, state, event),
    replay(events) {
      const state = initialStateOf(ctx);
      for (const event of events) applyEvent(index, state, event);
      return state;
    },
  };
}

function decideCommand(
  ctx: ExerciseContext,
  index: ScenarioIndex,
  state: ExerciseState,
  issued: IssuedCommand,
  now: number,
): DecideResult<ExerciseEvent> {
  const untrusted: unknown = issued;
  if (!isObject(untrusted) || typeof untrusted.type !== 'string') {
    return refuse('INVALID_COMMAND', 'A command is an object with a type.');
  }
  if (!Number.isFinite(now)) return refuse('INVALID_COMMAND', 'The time of a command must be a number of ms.');
  const actor = actorOf(untrusted.actor);
  if (!actor) return refuse('FORBIDDEN_ROLE', 'Say who issues the command: a controller, facilitator, observer or player.');
  const spec = own(COMMAND_TABLE as Record<string, CommandSpec>, untrusted.type);
  if (!spec) return refuse('INVALID_COMMAND', `There is no command ${untrusted.type.slice(0, 64)}.`);
  const forbidden = requireRole(actor, spec.roles, spec.what);
  if (forbidden) return forbidden;
  const { type, actor: _issuer, ...fields } = untrusted;
  const checked = checkWith(spec.schema, fields);
  if (!checked.ok) return refuse('INVALID_COMMAND', `The command was refused: ${checked.issues.join('; ')}.`);
  const command = { ...(checked.value as object), type } as Command;
  const batch = new EventBatch(ctx, index, state, now);
  const outcome = runCommand(batch, command, actor);
  if (outcome === 'duplicate') return { ok: true, events: [], duplicate: true };
  if (outcome) return outcome;
  return { ok: true, events: batch.events };
}

function runCommand(batch: EventBatch, command: Command, actor: Actor): Outcome {
  switch (command.type) {
    case 'exercise.create':
      return createExercise(batch, command, actor);
    case 'exercise.open-lobby':
      return openLobby(batch, actor);
    case 'exercise.start':
      return startExercise(batch, actor);
    case 'exercise.pause':
      return pauseExercise(batch, actor);
    case 'exercise.resume':
      return resumeExercise(batch, actor);
    case 'exercise.change-speed':
      return changeSpeed(batch, command, actor);
    case 'exercise.end':
      return endExercise(batch, actor);
    case 'clock.tick':
      return tickClock(batch);
    case 'clock.pause-for-outage':
      return pauseForOutage(batch, command, actor);
    case 'inject.fire':
      return fireInject(batch, command, actor);
    case 'inject.hold':
      return holdInject(batch, command, actor);
    case 'inject.release-held':
      return releaseHeldInject(batch, command, actor);
    case 'inject.skip':
      return skipInject(batch, command, actor);
    case 'inject.edit':
      return editInject(batch, command, actor);
    case 'inject.ad-hoc':
      return sendAdHocInject(batch, command, actor);
    case 'team.join':
      return joinTeam(batch, command, actor);
    case 'team.mark-played':
      return markTeamPlayed(batch, command, actor);
    case 'decision.submit':
      return submitDecision(batch, command, actor);
    case 'message.send':
      return sendMessage(batch, command, actor);
    case 'observation.record':
      return recordObservation(batch, command, actor);
    case 'score.adjust':
      return adjustScore(batch, command, actor);
    case 'improvement.edit':
      return editImprovementItem(batch, command, actor);
  }
}

/** Level (ESC-0…10) of state `from` toward state `to`. */
export function escalationBetween(state: ExerciseState, from: string, to: string): number {
  return own(state.escalation, `${from}>${to}`) ?? 0;
}
