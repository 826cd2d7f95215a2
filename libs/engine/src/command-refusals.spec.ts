import { ExerciseRun, MIN, T0, contextWith, controller, decide, facilitator, observer, playerOf } from '../test/exercise-fixture.js';
import { COMMAND_TABLE, ERROR_CODES, type CommandType, type EngineErrorCode, type ExerciseContext, type IssuedCommand } from './index.js';

/** An exercise started at T0 whose first two injects have been released (outage at 10:00). */
function running(ctx?: ExerciseContext): ExerciseRun {
  const run = ExerciseRun.started(ctx);
  run.tick(T0 + 10 * MIN);
  return run;
}

type Case = [string, () => ExerciseRun, IssuedCommand, number, EngineErrorCode];

const south = playerOf('south-gov');
const cases: Case[] = [
  ['creating an exercise twice', running, { type: 'exercise.create', exerciseId: 'ex-2', name: 'Again', actor: controller }, T0, 'EXERCISE_EXISTS'],
  ['starting before creating', () => new ExerciseRun(), { type: 'exercise.start', actor: controller }, T0, 'EXERCISE_NOT_CREATED'],
  ['pausing before the start', () => { const r = new ExerciseRun(); r.ok({ type: 'exercise.create', exerciseId: 'e', name: 'E', actor: controller }, T0); return r; }, { type: 'exercise.pause', actor: controller }, T0, 'EXERCISE_NOT_RUNNING'],
  ['resuming a running exercise', running, { type: 'exercise.resume', actor: controller }, T0 + 11 * MIN, 'EXERCISE_NOT_PAUSED'],
  ['starting twice', running, { type: 'exercise.start', actor: controller }, T0 + 11 * MIN, 'EXERCISE_ALREADY_STARTED'],
  ['ending twice', () => { const r = running(); r.ok({ type: 'exercise.end', actor: controller }, T0 + 11 * MIN); return r; }, { type: 'exercise.end', actor: controller }, T0 + 12 * MIN, 'EXERCISE_ENDED'],
  ['deciding after the end', () => { const r = running(); r.ok({ type: 'exercise.end', actor: controller }, T0 + 11 * MIN); return r; }, decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 12 * MIN, 'EXERCISE_ENDED'],
  ['deciding while paused', () => { const r = running(); r.ok({ type: 'exercise.pause', actor: controller }, T0 + 11 * MIN); return r; }, decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 12 * MIN, 'EXERCISE_NOT_RUNNING'],
  ['a player starting the exercise', running, { type: 'exercise.pause', actor: south }, T0 + 11 * MIN, 'FORBIDDEN_ROLE'],
  ['an observer sending a message', running, { type: 'message.send', messageId: 'm1', channelId: 'hotline', text: 'Hi', actor: observer }, T0 + 11 * MIN, 'FORBIDDEN_ROLE'],
  ['a facilitator firing an inject', running, { type: 'inject.fire', injectId: 'intel', actor: facilitator }, T0 + 11 * MIN, 'FORBIDDEN_ROLE'],
  ['a player recording an observation', running, { type: 'observation.record', observationId: 'o1', objectiveId: 'coordination', rating: 'P', note: '', actor: south }, T0 + 11 * MIN, 'FORBIDDEN_ROLE'],
  ['an observer editing the improvement plan', running, { type: 'improvement.edit', itemId: 'i1', changes: { issue: 'x' }, actor: observer }, T0 + 11 * MIN, 'FORBIDDEN_ROLE'],
  ['a command without an actor', running, { type: 'exercise.end' } as IssuedCommand, T0 + 11 * MIN, 'FORBIDDEN_ROLE'],
  ['a team answering another team\'s prompt', running, decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }], playerOf('grid-op')), T0 + 11 * MIN, 'NOT_YOUR_TEAM'],
  ['a team answering a prompt not addressed to it', running, decide('north-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 11 * MIN, 'INJECT_NOT_AUDIENCE'],
  ['a player writing as another team', running, { type: 'message.send', messageId: 'm1', channelId: 'hotline', teamId: 'north-gov', text: 'Hi', actor: south }, T0 + 11 * MIN, 'NOT_YOUR_TEAM'],
  ['joining a team that does not exist', running, { type: 'team.join', teamId: 'east-gov', participant: 'Ana', actor: controller }, T0 + 11 * MIN, 'UNKNOWN_TEAM'],
  ['adjusting the score of an unknown team', running, { type: 'score.adjust', adjustmentId: 'a1', teamId: 'east-gov', dimension: 'restraint', delta: 2, reason: 'x', actor: facilitator }, T0 + 11 * MIN, 'UNKNOWN_TEAM'],
  ['holding an unknown inject', running, { type: 'inject.hold', injectId: 'nope', actor: controller }, T0 + 11 * MIN, 'UNKNOWN_INJECT'],
  ['answering an unknown inject', running, decide('south-gov', 'd1', 'nope', [{ actionId: 'isolate-and-restore' }]), T0 + 11 * MIN, 'UNKNOWN_INJECT'],
  ['choosing an action not in the catalogue', running, decide('south-gov', 'd1', undefined, [{ actionId: 'nuke' }]), T0 + 11 * MIN, 'UNKNOWN_ACTION'],
  ['aiming at an unknown target', running, decide('south-gov', 'd1', 'outage', [{ actionId: 'private-demarche', targetId: 'moon' }]), T0 + 11 * MIN, 'UNKNOWN_TARGET'],
  ['writing on an unknown channel', running, { type: 'message.send', messageId: 'm1', channelId: 'radio', text: 'Hi', actor: south }, T0 + 11 * MIN, 'UNKNOWN_CHANNEL'],
  ['observing an unknown objective', running, { type: 'observation.record', observationId: 'o1', objectiveId: 'nope', rating: 'P', note: '', actor: facilitator }, T0 + 11 * MIN, 'UNKNOWN_OBJECTIVE'],
  ['holding a released inject', running, { type: 'inject.hold', injectId: 'outage', actor: controller }, T0 + 11 * MIN, 'INJECT_NOT_PENDING'],
  ['editing a released inject', running, { type: 'inject.edit', injectId: 'briefing', changes: { title: 'New' }, actor: controller }, T0 + 11 * MIN, 'INJECT_NOT_PENDING'],
  ['firing a skipped inject', () => { const r = running(); r.ok({ type: 'inject.skip', injectId: 'intel', actor: controller }, T0 + 11 * MIN); return r; }, { type: 'inject.fire', injectId: 'intel', actor: controller }, T0 + 11 * MIN, 'INJECT_NOT_PENDING'],
  ['releasing an inject that is not held', running, { type: 'inject.release-held', injectId: 'intel', actor: controller }, T0 + 11 * MIN, 'INJECT_NOT_HELD'],
  ['answering an inject not yet released', running, decide('south-gov', 'd1', 'intel', [{ actionId: 'private-demarche', targetId: 'north-ministry' }]), T0 + 11 * MIN, 'INJECT_NOT_RELEASED'],
  ['answering an inject without a prompt', running, decide('south-gov', 'd1', 'briefing', [{ actionId: 'isolate-and-restore' }]), T0 + 11 * MIN, 'NO_DECISION_PROMPT'],
  ['choosing an action the prompt does not offer', running, decide('south-gov', 'd1', 'outage', [{ actionId: 'targeted-sanctions', targetId: 'north-ministry' }]), T0 + 11 * MIN, 'ACTION_NOT_ALLOWED'],
  ['aiming at a target the prompt does not offer', running, decide('south-gov', 'd1', 'outage', [{ actionId: 'reversible-countermeasure', targetId: 'north-cert' }]), T0 + 11 * MIN, 'TARGET_NOT_ALLOWED'],
  ['aiming at a target of a kind the action does not take', running, decide('south-gov', 'd1', 'outage', [{ actionId: 'private-demarche', targetId: 'north-military' }]), T0 + 11 * MIN, 'TARGET_NOT_ALLOWED'],
  ['choosing more actions than the prompt allows', running, decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }, { actionId: 'activate-hotline', targetId: 'north-ministry' }, { actionId: 'private-demarche', targetId: 'north-ministry' }]), T0 + 11 * MIN, 'TOO_MANY_ACTIONS'],
  ['answering at the deadline, before the clock records it', running, decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 25 * MIN, 'DEADLINE_PASSED'],
  ['answering after the deadline was recorded', () => { const r = running(); r.tick(T0 + 26 * MIN); return r; }, decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 26 * MIN, 'DEADLINE_PASSED'],
  ['answering the same prompt twice', () => { const r = running(); r.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 11 * MIN); return r; }, decide('south-gov', 'd2', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 12 * MIN, 'ALREADY_DECIDED'],
  ['reusing another team\'s decision id', () => { const r = running(); r.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 11 * MIN); return r; }, decide('grid-op', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 12 * MIN, 'DUPLICATE_ID'],
  ['reusing another team\'s message id', () => { const r = running(); r.ok({ type: 'message.send', messageId: 'm1', channelId: 'hotline', text: 'Hi', actor: south }, T0 + 11 * MIN); return r; }, { type: 'message.send', messageId: 'm1', channelId: 'hotline', text: 'Hi', actor: playerOf('north-gov') }, T0 + 12 * MIN, 'DUPLICATE_ID'],
  ['sending an ad-hoc inject with a scenario inject\'s id', running, { type: 'inject.ad-hoc', inject: { injectId: 'final', title: 'T', body: 'B', channel: 'news', severity: 'SEV-1', audience: ['grid-op'] }, actor: controller }, T0 + 11 * MIN, 'DUPLICATE_ID'],
  ['a message with a purpose no message can carry', running, { type: 'message.send', messageId: 'm1', channelId: 'hotline', text: 'Hi', purpose: 'threaten', actor: south } as unknown as IssuedCommand, T0 + 11 * MIN, 'INVALID_COMMAND'],
  ['sharing indicators on the hotline, which does not allow it', running, { type: 'message.send', messageId: 'm1', channelId: 'hotline', text: 'IoCs attached', purpose: 'share-indicators', actor: south }, T0 + 11 * MIN, 'PURPOSE_NOT_ALLOWED'],
  ['writing on a channel the team is not on', running, { type: 'message.send', messageId: 'm1', channelId: 'south-chat', text: 'Hi', actor: playerOf('north-gov') }, T0 + 11 * MIN, 'NOT_A_CHANNEL_MEMBER'],
  ['a zero speed', running, { type: 'exercise.change-speed', speed: 0, actor: controller }, T0 + 11 * MIN, 'INVALID_COMMAND'],
  ['a speed beyond 60', running, { type: 'exercise.change-speed', speed: 61, actor: controller }, T0 + 11 * MIN, 'INVALID_COMMAND'],
  ['an unknown command', running, { type: 'exercise.explode', actor: controller } as unknown as IssuedCommand, T0 + 11 * MIN, 'INVALID_COMMAND'],
  ['a decision whose actions are not a list', running, { ...decide('south-gov', 'd1', 'outage', []), actions: 'all' } as unknown as IssuedCommand, T0 + 11 * MIN, 'INVALID_COMMAND'],
  ['a free decision without actions', running, decide('south-gov', 'd1', undefined, []), T0 + 11 * MIN, 'INVALID_COMMAND'],
  ['an empty message', running, { type: 'message.send', messageId: 'm1', channelId: 'hotline', text: '  ', actor: south }, T0 + 11 * MIN, 'INVALID_COMMAND'],
  ['an edit that changes nothing', running, { type: 'inject.edit', injectId: 'final', changes: {}, actor: controller }, T0 + 11 * MIN, 'INVALID_COMMAND'],
  ['an edit past the end of the exercise', running, { type: 'inject.edit', injectId: 'final', changes: { at: 200 * MIN }, actor: controller }, T0 + 11 * MIN, 'INVALID_COMMAND'],
  ['a score adjustment without a reason', running, { type: 'score.adjust', adjustmentId: 'a1', teamId: 'grid-op', dimension: 'restraint', delta: 2, reason: ' ', actor: facilitator }, T0 + 11 * MIN, 'INVALID_COMMAND'],
  ['a command that is not an object', running, null as unknown as IssuedCommand, T0 + 11 * MIN, 'INVALID_COMMAND'],
];

describe('refused commands', () => {
  it.each(cases)('refuses %s', (_name, setup, command, now, code) => {
    const run = setup();
    const before = structuredClone(run.state);
    const result = run.engine.decide(run.state, command, now);
    expect(result).toEqual({ ok: false, error: { code, message: expect.any(String) } });
    expect(result.ok || result.error.message.length).toBeGreaterThan(10);
    expect(run.state).toEqual(before);
  });

  it('gives only the refusals the command table lists for each command', () => {
    for (const [name, , command, , code] of cases) {
      const type = (command as { type?: string } | null)?.type;
      if (code === 'FORBIDDEN_ROLE' || code === 'INVALID_COMMAND' || !type) continue;
      expect([name, COMMAND_TABLE[type as CommandType].refusals]).toEqual([name, expect.arrayContaining([code])]);
    }
  });

  it('has a case for every error code', () => {
    const covered = new Set(cases.map((c) => c[4]));
    expect(ERROR_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });
});

describe('roles', () => {
  it('lets facilitators and controllers record observations, adjust scores and edit the improvement plan, also after the end', () => {
    const run = running();
    run.ok({ type: 'exercise.end', actor: controller }, T0 + 11 * MIN);
    const events = [
      ...run.ok({ type: 'observation.record', observationId: 'o1', objectiveId: 'coordination', rating: 'S', note: 'Good call.', actor: facilitator }, T0 + 20 * MIN),
      ...run.ok({ type: 'score.adjust', adjustmentId: 'a1', teamId: 'grid-op', dimension: 'cooperation', delta: 3, reason: 'Shared logs early.', actor: facilitator }, T0 + 20 * MIN),
      ...run.ok({ type: 'score.adjust', adjustmentId: 'a2', teamId: 'grid-op', dimension: 'cooperation', delta: -1, reason: 'Late report.', actor: controller }, T0 + 20 * MIN),
      ...run.ok({ type: 'improvement.edit', itemId: 'i1', changes: { objectiveId: 'coordination', issue: 'No contact list', capabilityElement: 'planning', completionDate: '2026-06-30' }, actor: facilitator }, T0 + 20 * MIN),
      ...run.ok({ type: 'observation.record', observationId: 'o2', objectiveId: 'coordination', rating: 'P', note: 'White cell view.', actor: controller }, T0 + 21 * MIN),
      ...run.ok({ type: 'improvement.edit', itemId: 'i1', changes: { pointOfContact: 'Duty officer' }, actor: controller }, T0 + 21 * MIN),
    ];
    expect(events.map((e) => [e.type, e.audience])).toEqual([
      ['observation.recorded', { kind: 'staff' }],
      ['score.adjusted', { kind: 'teams', teams: ['grid-op'] }],
      ['score.adjusted', { kind: 'teams', teams: ['grid-op'] }],
      ['improvement.edited', { kind: 'staff' }],
      ['observation.recorded', { kind: 'staff' }],
      ['improvement.edited', { kind: 'staff' }],
    ]);
  });

  it('keeps score adjustments for the debrief when the scenario holds all scoring back', () => {
    const run = running(contextWith({ feedback: 'debrief' }));
    const [adjusted] = run.ok({ type: 'score.adjust', adjustmentId: 'a1', teamId: 'grid-op', dimension: 'cooperation', delta: 3, reason: 'Shared logs early.', actor: controller }, T0 + 20 * MIN);
    expect(adjusted.audience).toEqual({ kind: 'staff' });
  });

  it('lets a controller act for a team as the white cell', () => {
    const run = running();
    expect(run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }], controller), T0 + 11 * MIN)[0]).toMatchObject({ actor: controller });
  });
});

describe('idempotent retries', () => {
  it('answers a retried decision as a duplicate and records nothing', () => {
    const run = running();
    const command = decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]);
    expect(run.issue(command, T0 + 11 * MIN)).toMatchObject({ ok: true });
    const seq = run.state.seq;
    expect(run.issue(command, T0 + 12 * MIN)).toEqual({ ok: true, events: [], duplicate: true });
    run.ok({ type: 'exercise.end', actor: controller }, T0 + 13 * MIN);
    expect(run.issue(command, T0 + 14 * MIN)).toEqual({ ok: true, events: [], duplicate: true });
    expect(run.state.seq).toBe(seq + 1);
  });

  it('answers a retried message, observation or adjustment as a duplicate', () => {
    const run = running();
    const retried: IssuedCommand[] = [
      { type: 'message.send', messageId: 'm1', channelId: 'south-chat', text: 'Grid is down', actor: playerOf('grid-op') },
      { type: 'observation.record', observationId: 'o1', objectiveId: 'restraint', rating: 'M', note: '', actor: facilitator },
      { type: 'score.adjust', adjustmentId: 'a1', teamId: 'grid-op', dimension: 'timeliness', delta: 1, reason: 'Fast.', actor: facilitator },
      { type: 'team.join', teamId: 'grid-op', participant: 'Ana', actor: playerOf('grid-op') },
    ];
    for (const command of retried) {
      expect(run.issue(command, T0 + 11 * MIN)).toMatchObject({ ok: true, events: [expect.anything()] });
      expect(run.issue(command, T0 + 12 * MIN)).toEqual({ ok: true, events: [], duplicate: true });
    }
  });
});
