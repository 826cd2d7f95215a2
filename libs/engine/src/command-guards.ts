// Checks shared by the command handlers. Commands come from the network: every field is checked before it is read.
import type { EngineError, EngineErrorCode } from './commands.js';
import type { Actor, Role } from './events.js';
import { rolesInPlural, roleWithArticle } from './role-wording.js';
import type { ExerciseState, ExerciseStatus } from './state.js';

export type Refusal = { ok: false; error: EngineError };
/** What a handler returns: nothing when its events are in the batch, a refusal, or `duplicate` for a harmless retry. */
export type Outcome = Refusal | 'duplicate' | undefined;

export function refuse(code: EngineErrorCode, message: string): Refusal {
  return { ok: false, error: { code, message } };
}

export const ROLES: readonly Role[] = ['controller', 'facilitator', 'observer', 'player'];
const SCENARIO_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** Client-generated ids (decisions, messages, observations…): UUIDs and the like; never `__proto__`. */
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function isScenarioId(value: unknown): value is string {
  return typeof value === 'string' && SCENARIO_ID.test(value);
}
export function isClientId(value: unknown): value is string {
  return typeof value === 'string' && CLIENT_ID.test(value);
}
/** A string of at most `max` characters, not blank unless `blankAllowed`. */
export function isText(value: unknown, max: number, blankAllowed = false): value is string {
  return typeof value === 'string' && value.length <= max && (blankAllowed || value.trim().length > 0);
}
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function actorOf(value: unknown): Actor | undefined {
  if (!isObject(value) || !ROLES.includes(value.role as Role)) return undefined;
  if (value.teamId !== undefined && typeof value.teamId !== 'string') return undefined;
  if (value.id !== undefined && typeof value.id !== 'string') return undefined;
  return {
    role: value.role as Role,
    ...(value.id !== undefined ? { id: value.id } : {}),
    ...(value.teamId !== undefined ? { teamId: value.teamId } : {}),
  };
}

export function requireRole(actor: Actor, roles: readonly Role[], what: string): Refusal | undefined {
  if (roles.includes(actor.role)) return undefined;
  return refuse('FORBIDDEN_ROLE', `Only ${rolesInPlural(roles)} may ${what}; you are signed in as ${roleWithArticle(actor.role)}.`);
}

/** A player acts only for its own team; staff roles allowed by the handler may act for any team. */
export function requireOwnTeam(actor: Actor, teamId: string): Refusal | undefined {
  if (actor.role !== 'player' || actor.teamId === teamId) return undefined;
  return refuse('NOT_YOUR_TEAM', `You play for ${actor.teamId ?? 'no team'} and cannot act for team ${teamId}.`);
}

const STATUS_REFUSALS: Record<ExerciseStatus, Refusal> = {
  none: refuse('EXERCISE_NOT_CREATED', 'The exercise has not been created yet: create it first.'),
  created: refuse('EXERCISE_NOT_RUNNING', 'The exercise has not started yet: start it first.'),
  lobby: refuse('EXERCISE_NOT_RUNNING', 'The exercise is still in the lobby: start it first.'),
  running: refuse('EXERCISE_ALREADY_STARTED', 'The exercise is already running.'),
  paused: refuse('EXERCISE_NOT_RUNNING', 'The exercise is paused: resume it first.'),
  ended: refuse('EXERCISE_ENDED', 'The exercise has ended: nothing more can happen in it.'),
};

export function requireStatus(state: ExerciseState, allowed: readonly ExerciseStatus[]): Refusal | undefined {
  return allowed.includes(state.status) ? undefined : STATUS_REFUSALS[state.status];
}

export const NOT_ENDED: readonly ExerciseStatus[] = ['created', 'lobby', 'running', 'paused'];
export const IN_PLAY: readonly ExerciseStatus[] = ['running', 'paused'];
