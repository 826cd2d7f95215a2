// The controller's hand on the MSEL: fire, hold, release a held inject, skip, edit before release, send an ad-hoc one.
import { INJECT_CHANNELS, SEVERITIES, type InjectChannel } from '@ttx/scenario';
import type { Command } from './commands.js';
import type { Actor, InjectEdit, ReleasedInject } from './events.js';
import {
  IN_PLAY,
  NOT_ENDED,
  isFiniteNumber,
  isObject,
  isScenarioId,
  isStringArray,
  isText,
  refuse,
  requireStatus,
  type Outcome,
  type Refusal,
} from './command-guards.js';
import { TO_STAFF, toTeams } from './event-audience.js';
import type { EventBatch } from './event-batch.js';
import { recordEvent, releaseInject } from './event-consequences.js';
import { exerciseTimeAt } from './exercise-clock.js';
import { own } from './own-value.js';
import { type ScenarioIndex } from './scenario-index.js';
import type { InjectState } from './state.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

function scenarioInject(batch: EventBatch, injectId: unknown): InjectState | Refusal {
  const state = typeof injectId === 'string' ? own(batch.base.injects, injectId) : undefined;
  if (!state) return refuse('UNKNOWN_INJECT', `There is no inject ${String(injectId)} in this exercise.`);
  return state;
}

function notPending(state: InjectState): Refusal {
  return refuse('INJECT_NOT_PENDING', `Inject ${state.injectId} is ${state.status}: only injects not yet released or skipped can be changed.`);
}

export function fireInject(batch: EventBatch, command: Of<'inject.fire'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, IN_PLAY);
  if (refusal) return refusal;
  const state = scenarioInject(batch, command.injectId);
  if ('ok' in state) return state;
  if (state.status !== 'pending' && state.status !== 'held') return notPending(state);
  releaseInject(batch, state.injectId, exerciseTimeAt(batch.base, batch.now), 'controller', actor);
  return undefined;
}

export function holdInject(batch: EventBatch, command: Of<'inject.hold'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, NOT_ENDED);
  if (refusal) return refusal;
  const state = scenarioInject(batch, command.injectId);
  if ('ok' in state) return state;
  if (state.status !== 'pending') return notPending(state);
  batch.add('inject.held', { injectId: state.injectId }, TO_STAFF, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

/** Ends a hold; once the exercise has started the inject goes out at once, before that it returns to the schedule. */
export function releaseHeldInject(batch: EventBatch, command: Of<'inject.release-held'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, NOT_ENDED);
  if (refusal) return refusal;
  const state = scenarioInject(batch, command.injectId);
  if ('ok' in state) return state;
  if (state.status !== 'held') return refuse('INJECT_NOT_HELD', `Inject ${state.injectId} is ${state.status}, not held.`);
  const now = exerciseTimeAt(batch.base, batch.now);
  batch.add('inject.unheld', { injectId: state.injectId }, TO_STAFF, now, actor);
  if (IN_PLAY.includes(batch.base.status)) releaseInject(batch, state.injectId, now, 'controller', actor);
  return undefined;
}

export function skipInject(batch: EventBatch, command: Of<'inject.skip'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, NOT_ENDED);
  if (refusal) return refusal;
  const state = scenarioInject(batch, command.injectId);
  if ('ok' in state) return state;
  if (state.status !== 'pending' && state.status !== 'held') return notPending(state);
  batch.add('inject.skipped', { injectId: state.injectId }, TO_STAFF, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

export function editInject(batch: EventBatch, command: Of<'inject.edit'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, NOT_ENDED);
  if (refusal) return refusal;
  const state = scenarioInject(batch, command.injectId);
  if ('ok' in state) return state;
  if (state.status !== 'pending' && state.status !== 'held') return notPending(state);
  const changes = editOf(batch.index, command.changes);
  if ('ok' in changes) return changes;
  batch.add('inject.edited', { injectId: state.injectId, changes }, TO_STAFF, exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

function editOf(index: ScenarioIndex, value: unknown): InjectEdit | Refusal {
  if (!isObject(value)) return refuse('INVALID_COMMAND', 'Say what to change: title, body, severity, at or audience.');
  const { title, body, severity, at, audience } = value;
  const changes: InjectEdit = {};
  if (title !== undefined) {
    if (!isText(title, 200)) return refuse('INVALID_COMMAND', 'A title must not be empty and at most 200 characters.');
    changes.title = title;
  }
  if (body !== undefined) {
    if (!isText(body, 20000)) return refuse('INVALID_COMMAND', 'A body must not be empty and at most 20,000 characters.');
    changes.body = body;
  }
  if (severity !== undefined) {
    if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
      return refuse('INVALID_COMMAND', 'A severity is one of SEV-0 … SEV-5.');
    }
    changes.severity = severity;
  }
  if (at !== undefined) {
    if (!isFiniteNumber(at) || at < 0 || at > index.duration) {
      return refuse('INVALID_COMMAND', 'A new time must lie between the start and the end of the exercise (in ms).');
    }
    changes.at = Math.round(at);
  }
  if (audience !== undefined) {
    const teams = teamsOf(index, audience);
    if ('ok' in teams) return teams;
    changes.audience = teams;
  }
  if (Object.keys(changes).length === 0) {
    return refuse('INVALID_COMMAND', 'Say what to change: title, body, severity, at or audience.');
  }
  return changes;
}

function teamsOf(index: ScenarioIndex, value: unknown): string[] | Refusal {
  if (!isStringArray(value) || value.length === 0) {
    return refuse('INVALID_COMMAND', 'An audience names at least one team.');
  }
  const unknown = value.find((t) => !index.teams.has(t));
  if (unknown !== undefined) return refuse('UNKNOWN_TEAM', `There is no team ${unknown} in this scenario.`);
  return [...new Set(value)];
}

export function sendAdHocInject(batch: EventBatch, command: Of<'inject.ad-hoc'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, IN_PLAY);
  if (refusal) return refusal;
  const inject: unknown = command.inject;
  if (!isObject(inject)) return refuse('INVALID_COMMAND', 'Describe the inject to send.');
  const { injectId, title, body, channel, severity, from } = inject;
  if (!isScenarioId(injectId)) {
    return refuse('INVALID_COMMAND', 'An inject id starts with a letter and uses letters, digits, "-" and "_".');
  }
  if (own(batch.base.injects, injectId) || batch.index.injects.has(injectId)) {
    return refuse('DUPLICATE_ID', `Inject ${injectId} already exists: choose another id.`);
  }
  if (!isText(title, 200)) return refuse('INVALID_COMMAND', 'A title must not be empty and at most 200 characters.');
  if (!isText(body, 20000)) return refuse('INVALID_COMMAND', 'A body must not be empty and at most 20,000 characters.');
  if (!INJECT_CHANNELS.includes(channel as InjectChannel)) {
    return refuse('INVALID_COMMAND', `A channel is one of ${INJECT_CHANNELS.join(', ')}.`);
  }
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
    return refuse('INVALID_COMMAND', 'A severity is one of SEV-0 … SEV-5.');
  }
  if (from !== undefined && !isText(from, 200)) return refuse('INVALID_COMMAND', 'A sender is at most 200 characters.');
  const audience = teamsOf(batch.index, inject.audience);
  if ('ok' in audience) return audience;
  const released: ReleasedInject = {
    injectId,
    title,
    body,
    channel: channel as InjectChannel,
    ...(from !== undefined ? { from } : {}),
    severity,
    attack: [],
    audience,
    trigger: 'ad-hoc',
  };
  const now = exerciseTimeAt(batch.base, batch.now);
  recordEvent(batch, 'inject.released', released, toTeams(audience), now, actor);
  return undefined;
}
