// What controllers, teams, facilitators and the clock ask of an exercise. `decide` turns each into events or a coded refusal.
import type { HseepRating, Dimension, InjectChannel, Scenario } from '@ttx/scenario';
import type { ActionChoice, Actor, ImprovementItemEdit, InjectEdit } from './events.js';

export interface AdHocInject {
  injectId: string;
  title: string;
  body: string;
  channel: InjectChannel;
  severity: string;
  audience: string[];
  from?: string;
}

export type Command =
  | { type: 'exercise.create'; exerciseId: string; name: string }
  | { type: 'exercise.open-lobby' }
  | { type: 'exercise.start' }
  | { type: 'exercise.pause' }
  | { type: 'exercise.resume' }
  | { type: 'exercise.change-speed'; speed: number }
  | { type: 'exercise.end' }
  /** Advance the clock: release due injects, record missed deadlines, ease escalation, end at the duration. */
  | { type: 'clock.tick' }
  /** After a restart: stop the clock at the moment the server went down (`downSince`, wall ms), so no exercise time passed. */
  | { type: 'clock.pause-for-outage'; downSince: number }
  | { type: 'inject.fire'; injectId: string }
  | { type: 'inject.hold'; injectId: string }
  | { type: 'inject.release-held'; injectId: string }
  | { type: 'inject.skip'; injectId: string }
  | { type: 'inject.edit'; injectId: string; changes: InjectEdit }
  | { type: 'inject.ad-hoc'; inject: AdHocInject }
  | { type: 'team.join'; teamId: string; participant: string }
  | {
      type: 'decision.submit';
      decisionId: string;
      teamId: string;
      injectId?: string;
      actions: ActionChoice[];
      rationale: string;
    }
  | { type: 'message.send'; messageId: string; channelId: string; teamId?: string; text: string }
  | { type: 'observation.record'; observationId: string; objectiveId: string; rating: HseepRating; note: string }
  | { type: 'score.adjust'; adjustmentId: string; teamId: string; dimension: Dimension; delta: number; reason: string }
  | { type: 'improvement.edit'; itemId: string; changes: ImprovementItemEdit };

export type CommandType = Command['type'];

/** A command together with who issued it. */
export type IssuedCommand = Command & { actor: Actor };

export const ERROR_CODES = [
  'EXERCISE_EXISTS',
  'EXERCISE_NOT_CREATED',
  'EXERCISE_NOT_RUNNING',
  'EXERCISE_NOT_PAUSED',
  'EXERCISE_ALREADY_STARTED',
  'EXERCISE_ENDED',
  'FORBIDDEN_ROLE',
  'NOT_YOUR_TEAM',
  'UNKNOWN_TEAM',
  'UNKNOWN_INJECT',
  'UNKNOWN_ACTION',
  'UNKNOWN_TARGET',
  'UNKNOWN_CHANNEL',
  'UNKNOWN_OBJECTIVE',
  'INJECT_NOT_PENDING',
  'INJECT_NOT_HELD',
  'INJECT_NOT_RELEASED',
  'INJECT_NOT_AUDIENCE',
  'NO_DECISION_PROMPT',
  'ACTION_NOT_ALLOWED',
  'TARGET_NOT_ALLOWED',
  'TOO_MANY_ACTIONS',
  'DEADLINE_PASSED',
  'ALREADY_DECIDED',
  'DUPLICATE_ID',
  'NOT_A_CHANNEL_MEMBER',
  'INVALID_SPEED',
  'INVALID_COMMAND',
] as const;
export type EngineErrorCode = (typeof ERROR_CODES)[number];

export interface EngineError {
  code: EngineErrorCode;
  message: string;
}

/** `duplicate` is set when a retried decision or message (same client id) was already recorded: nothing new is written. */
export type DecideResult<E> =
  | { ok: true; events: E[]; duplicate?: boolean }
  | { ok: false; error: EngineError };

export type { Scenario };
