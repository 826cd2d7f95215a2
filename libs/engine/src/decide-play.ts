// What teams do: join, answer prompts (or decide freely from the catalogue), and talk on their channels.
import { channelPurposes } from '@ttx/scenario';
import type { Command } from './commands.js';
import type { ActionChoice, Actor } from './events.js';
import { COMMAND_LIMITS } from './command-fields.js';
import {
  IN_PLAY,
  NOT_ENDED,
  refuse,
  requireOwnTeam,
  requireRole,
  requireStatus,
  type Outcome,
  type Refusal,
} from './command-guards.js';
import { toTeams } from './event-audience.js';
import type { EventBatch } from './event-batch.js';
import { recordEvent } from './event-consequences.js';
import { exerciseTimeAt } from './exercise-clock.js';
import { own } from './own-value.js';
import { type ScenarioIndex } from './scenario-index.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/** At most this many actions in a decision taken outside any prompt. */
export const FREE_DECISION_MAX_ACTIONS = COMMAND_LIMITS.freeDecisionActions;

function knownTeam(index: ScenarioIndex, actor: Actor, teamId: string | undefined): string | Refusal {
  if (teamId === undefined) return refuse('INVALID_COMMAND', 'Say which team acts: teamId.');
  const notYours = requireOwnTeam(actor, teamId);
  if (notYours) return notYours;
  if (!index.teams.has(teamId)) return refuse('UNKNOWN_TEAM', `There is no team ${teamId} in this scenario.`);
  return teamId;
}

export function joinTeam(batch: EventBatch, command: Of<'team.join'>, actor: Actor): Outcome {
  const forbidden = requireRole(actor, ['controller', 'player'], 'join teams');
  if (forbidden) return forbidden;
  const teamId = knownTeam(batch.index, actor, command.teamId);
  if (typeof teamId !== 'string') return teamId;
  const refusal = requireStatus(batch.base, NOT_ENDED);
  if (refusal) return refusal;
  const participant = command.participant.trim();
  if ((own(batch.base.participants, teamId) ?? []).includes(participant)) return 'duplicate';
  const payload = { teamId, participant };
  batch.add('team.joined', payload, toTeams([teamId]), exerciseTimeAt(batch.base, batch.now), actor);
  return undefined;
}

export function submitDecision(batch: EventBatch, command: Of<'decision.submit'>, actor: Actor): Outcome {
  const forbidden = requireRole(actor, ['controller', 'player'], 'submit decisions');
  if (forbidden) return forbidden;
  const teamId = knownTeam(batch.index, actor, command.teamId ?? actor.teamId);
  if (typeof teamId !== 'string') return teamId;
  const { base, index } = batch;
  const earlier = own(base.decisionsById, command.decisionId);
  if (earlier) {
    if (earlier.teamId === teamId) return 'duplicate';
    return refuse('DUPLICATE_ID', `Decision id ${command.decisionId} is already taken: generate a new one.`);
  }
  const refusal = requireStatus(base, ['running']);
  if (refusal) return refusal;
  const actions = choicesOf(command.actions);
  if ('ok' in actions) return actions;
  const now = exerciseTimeAt(base, batch.now);
  const { injectId } = command;
  let latency: number | undefined;
  if (injectId === undefined) {
    if (actions.length > FREE_DECISION_MAX_ACTIONS) {
      return refuse('TOO_MANY_ACTIONS', `Choose at most ${FREE_DECISION_MAX_ACTIONS} actions in one decision.`);
    }
    const invalid = checkActions(index, actions, undefined);
    if (invalid) return invalid;
  } else {
    const inject = own(base.injects, injectId);
    if (!inject) return refuse('UNKNOWN_INJECT', `There is no inject ${injectId} in this exercise.`);
    const released = inject.released;
    if (inject.status !== 'released' || !released || inject.releasedAt === undefined) {
      return refuse('INJECT_NOT_RELEASED', `Inject ${injectId} has not been released.`);
    }
    if (!released.audience.includes(teamId)) {
      return refuse('INJECT_NOT_AUDIENCE', `Inject ${injectId} was not addressed to team ${teamId}.`);
    }
    const prompt = released.decision;
    if (!prompt) return refuse('NO_DECISION_PROMPT', `Inject ${injectId} asks for no decision: decide without an inject instead.`);
    const key = `${injectId}:${teamId}`;
    if (own(base.answered, key) !== undefined) {
      return refuse('ALREADY_DECIDED', `Team ${teamId} has already answered inject ${injectId}.`);
    }
    if (own(base.missed, key) === true || (prompt.deadline !== undefined && now >= prompt.deadline)) {
      return refuse('DEADLINE_PASSED', `The deadline to answer inject ${injectId} has passed.`);
    }
    const invalid = checkActions(index, actions, prompt);
    if (invalid) return invalid;
    if (actions.length > prompt.maxActions) {
      return refuse('TOO_MANY_ACTIONS', `Choose at most ${prompt.maxActions} actions for inject ${injectId}.`);
    }
    // Counted from when the team could see it: a late release does not make the team slow.
    latency = Math.max(0, now - inject.releasedAt - (released.lateBy ?? 0));
  }
  const payload = {
    decisionId: command.decisionId,
    teamId,
    ...(injectId !== undefined ? { injectId } : {}),
    actions,
    rationale: command.rationale,
    ...(command.confidence !== undefined ? { confidence: command.confidence } : {}),
    ...(latency !== undefined ? { latency } : {}),
  };
  recordEvent(batch, 'decision.submitted', payload, toTeams([teamId]), now, actor);
  return undefined;
}

/** The actions as chosen, each (action, target) once. */
function choicesOf(value: readonly ActionChoice[]): ActionChoice[] | Refusal {
  const choices: ActionChoice[] = [];
  const seen = new Set<string>();
  for (const item of value) {
    const key = `${item.actionId}>${item.targetId ?? ''}`;
    if (seen.has(key)) return refuse('INVALID_COMMAND', `Action ${item.actionId} is listed twice for the same target.`);
    seen.add(key);
    choices.push({ actionId: item.actionId, ...(item.targetId !== undefined ? { targetId: item.targetId } : {}) });
  }
  return choices;
}

/** Every action must be in the catalogue (and the prompt), aimed only at a target of a kind it takes (and the prompt allows). */
function checkActions(
  index: ScenarioIndex,
  choices: readonly ActionChoice[],
  prompt: { actions: string[]; targets: string[] } | undefined,
): Refusal | undefined {
  for (const { actionId, targetId } of choices) {
    const action = index.actions.get(actionId);
    if (!action) return refuse('UNKNOWN_ACTION', `There is no action ${actionId} in the catalogue.`);
    if (prompt && !prompt.actions.includes(actionId)) {
      return refuse('ACTION_NOT_ALLOWED', `This prompt does not offer ${actionId}: choose from ${prompt.actions.join(', ')}.`);
    }
    if (targetId === undefined) continue;
    const target = index.targets.get(targetId);
    if (!target) return refuse('UNKNOWN_TARGET', `There is no target ${targetId} in this scenario.`);
    if (!action.targets.includes(target.kind)) {
      const takes = action.targets.length > 0 ? `takes only ${action.targets.join(', ')} targets` : 'takes no target';
      return refuse('TARGET_NOT_ALLOWED', `${actionId} ${takes}, and ${targetId} is ${target.kind}.`);
    }
    if (prompt && prompt.targets.length > 0 && !prompt.targets.includes(targetId)) {
      return refuse('TARGET_NOT_ALLOWED', `This prompt does not offer target ${targetId}: choose from ${prompt.targets.join(', ')}.`);
    }
  }
  return undefined;
}

export function sendMessage(batch: EventBatch, command: Of<'message.send'>, actor: Actor): Outcome {
  const forbidden = requireRole(actor, ['controller', 'player'], 'send messages');
  if (forbidden) return forbidden;
  const { base, index } = batch;
  const teamId = actor.role === 'player' ? (command.teamId ?? actor.teamId) : command.teamId;
  if (actor.role === 'player' && teamId === undefined) return refuse('NOT_YOUR_TEAM', 'You play for no team.');
  if (teamId !== undefined) {
    const known = knownTeam(index, actor, teamId);
    if (typeof known !== 'string') return known;
  }
  if (base.messageIds[command.messageId] === true) {
    if (base.messageSenders?.[command.messageId] === (teamId ?? '')) return 'duplicate';
    return refuse('DUPLICATE_ID', `Message id ${command.messageId} is already taken: generate a new one.`);
  }
  const refusal = requireStatus(base, IN_PLAY);
  if (refusal) return refusal;
  const channel = index.channels.get(command.channelId);
  if (!channel) return refuse('UNKNOWN_CHANNEL', `There is no channel ${command.channelId} in this scenario.`);
  if (actor.role === 'player' && (teamId === undefined || !channel.members.includes(teamId))) {
    return refuse('NOT_A_CHANNEL_MEMBER', `Team ${teamId} is not on channel ${channel.id}.`);
  }
  const allowed = channelPurposes(channel);
  if (command.purpose !== undefined && !allowed.includes(command.purpose)) {
    const choose = allowed.length > 0 ? `it allows ${allowed.join(', ')}; choose one or none` : 'it allows no purpose; send the message without one';
    return refuse('PURPOSE_NOT_ALLOWED', `Channel ${channel.id} (${channel.name}) does not allow the purpose ${command.purpose}: ${choose}.`);
  }
  const payload = {
    messageId: command.messageId,
    channelId: channel.id,
    ...(teamId !== undefined ? { teamId } : {}),
    text: command.text,
    ...(command.purpose !== undefined ? { purpose: command.purpose } : {}),
  };
  recordEvent(batch, 'message.sent', payload, toTeams(channel.members), exerciseTimeAt(base, batch.now), actor);
  return undefined;
}
