// Plays a case through the real engine with the default rules: the exercise starts at minute 0, the steps before
// the decision are issued in order, and the findings recorded for the case's team at the judged moment are returned.
import {
  createEngine,
  type Actor,
  type ActionChoice,
  type ExerciseEvent,
  type IssuedCommand,
} from '@ttx/engine';
import { createScoringModel } from '../../src/index.js';
import { minutes } from '../world.js';
import { casebookCtx } from './casebook-world.js';
import type { Case, CaseRun, Choice, Step } from './case-types.js';

const T0 = 1_700_000_000_000;
const whiteCell: Actor = { role: 'controller', id: 'white-cell' };
const player = (teamId: string): Actor => ({ role: 'player', teamId });
const choices = (actions: readonly Choice[]): ActionChoice[] =>
  actions.map(([actionId, targetId]) => (targetId === undefined ? { actionId } : { actionId, targetId }));

function commandOf(step: Step, index: number): IssuedCommand {
  if ('fire' in step) return { type: 'inject.fire', injectId: step.fire, actor: whiteCell };
  if ('tick' in step) return { type: 'clock.tick', actor: whiteCell };
  if ('mark' in step) {
    const { team, played, reason } = step.mark;
    return {
      type: 'team.mark-played',
      teamId: team,
      played,
      ...(reason === undefined ? {} : { reason }),
      actor: whiteCell,
    };
  }
  if ('message' in step) {
    const { team, channel, text } = step.message;
    return {
      type: 'message.send',
      messageId: `m${index + 1}`,
      channelId: channel,
      teamId: team,
      text,
      actor: player(team),
    };
  }
  const { team, inject, actions } = step.decide;
  return {
    type: 'decision.submit',
    decisionId: `d${index + 1}`,
    teamId: team,
    ...(inject === undefined ? {} : { injectId: inject }),
    actions: choices(actions),
    rationale: 'Earlier decision.',
    actor: player(team),
  };
}

export function runCase(c: Case): CaseRun {
  const engine = createEngine({ ...casebookCtx, scoring: createScoringModel() });
  const state = engine.initialState();
  const issue = (atMinute: number, command: IssuedCommand) => {
    const result = engine.decide(state, command, T0 + minutes(atMinute));
    if (!result.ok) return result;
    for (const event of result.events) engine.apply(state, event);
    return result;
  };
  const must = (atMinute: number, command: IssuedCommand): ExerciseEvent[] => {
    const result = issue(atMinute, command);
    if (!result.ok)
      throw new Error(
        `${c.id}: ${command.type} at minute ${atMinute} refused: ${result.error.code} ${result.error.message}`,
      );
    return result.events;
  };
  must(-5, { type: 'exercise.create', exerciseId: c.id.toLowerCase(), name: c.title, actor: whiteCell });
  must(0, { type: 'exercise.start', actor: whiteCell });
  let last = 0;
  c.before.forEach((step, i) => {
    if (step.at < last)
      throw new Error(`${c.id}: step ${i + 1} at minute ${step.at} comes after minute ${last}`);
    last = step.at;
    must(step.at, commandOf(step, i));
  });
  const outcome = (teamId: string, events: readonly ExerciseEvent[]) => {
    const payloads = events.flatMap((e) =>
      e.type === 'findings.recorded' && e.payload.teamId === teamId ? [e.payload] : [],
    );
    return {
      findings: payloads.flatMap((p) => p.findings),
      verdicts: payloads.flatMap((p) => p.verdicts ?? []),
    };
  };
  if (c.tick) return outcome(c.tick.team, must(c.tick.at, { type: 'clock.tick', actor: whiteCell }));
  const d = c.decision;
  if (!d) throw new Error(`${c.id}: a case judges a decision or a tick`);
  const submit: IssuedCommand = {
    type: 'decision.submit',
    decisionId: 'judged',
    teamId: d.team,
    ...(d.inject === undefined ? {} : { injectId: d.inject }),
    actions: choices(d.actions),
    ...(d.confidence === undefined ? {} : { confidence: d.confidence }),
    rationale: 'The decision of the case.',
    actor: d.byWhiteCell ? whiteCell : player(d.team),
  };
  const result = issue(d.at, submit);
  if (d.refused !== undefined) {
    if (result.ok) throw new Error(`${c.id}: the decision was accepted, not refused with ${d.refused}`);
    return {
      ...outcome(d.team, must(d.at, { type: 'clock.tick', actor: whiteCell })),
      refusal: result.error,
    };
  }
  if (!result.ok)
    throw new Error(`${c.id}: the decision was refused: ${result.error.code} ${result.error.message}`);
  return outcome(d.team, result.events);
}
