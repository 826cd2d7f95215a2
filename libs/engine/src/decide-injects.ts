// The controller's hand on the MSEL: fire, hold, release a held inject, skip, edit before release, send an ad-hoc one.
import type { Command } from './commands.js';
import type { Actor, InjectEdit, ReleasedInject } from './events.js';
import {
  IN_PLAY,
  NOT_ENDED,
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

function scenarioInject(batch: EventBatch, injectId: string): InjectState | Refusal {
  const state = own(batch.base.injects, injectId);
  if (!state) return refuse('UNKNOWN_INJECT', `There is no inject ${injectId} in this exercise.`);
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

/** The edit as it will apply: a time within the exercise, an audience of known teams, each once. */
function editOf(index: ScenarioIndex, edit: InjectEdit): InjectEdit | Refusal {
  if (edit.at !== undefined && edit.at > index.duration) {
    return refuse('INVALID_COMMAND', `changes.at: must lie within the exercise, at most ${index.duration} ms.`);
  }
  if (edit.audience === undefined) return { ...edit };
  const audience = teamsOf(index, edit.audience);
  return 'ok' in audience ? audience : { ...edit, audience };
}

function teamsOf(index: ScenarioIndex, teams: readonly string[]): string[] | Refusal {
  const unknown = teams.find((t) => !index.teams.has(t));
  if (unknown !== undefined) return refuse('UNKNOWN_TEAM', `There is no team ${unknown} in this scenario.`);
  return [...new Set(teams)];
}

export function sendAdHocInject(batch: EventBatch, command: Of<'inject.ad-hoc'>, actor: Actor): Outcome {
  const refusal = requireStatus(batch.base, IN_PLAY);
  if (refusal) return refusal;
  const { inject } = command;
  const { injectId, title, body, channel, severity, from } = inject;
  if (own(batch.base.injects, injectId) || batch.index.injects.has(injectId)) {
    return refuse('DUPLICATE_ID', `Inject ${injectId} already exists: choose another id.`);
  }
  const audience = teamsOf(batch.index, inject.audience);
  if ('ok' in audience) return audience;
  const released: ReleasedInject = {
    injectId,
    title,
    body,
    channel,
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
