// What controllers, teams, facilitators and the clock ask of an exercise. `decide` turns each into events or a coded refusal.
import type { Scenario } from '@ttx/scenario';
import type { Command, CommandFields } from './command-table.js';
import type { Actor } from './events.js';

/** An inject a controller writes during play. */
export type AdHocInject = CommandFields<'inject.ad-hoc'>['inject'];

export type { Command, CommandType } from './command-table.js';

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
  'PURPOSE_NOT_ALLOWED',
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
