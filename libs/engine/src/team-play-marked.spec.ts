import { ExerciseRun, MIN, T0, contextWith, controller, decide, facilitator, fakeScoring, playerOf } from '../test/exercise-fixture.js';
import type { ExerciseEvent } from './index.js';

const mark = (teamId: string, played: boolean, reason?: string) => ({
  type: 'team.mark-played' as const,
  teamId,
  played,
  ...(reason !== undefined ? { reason } : {}),
  actor: controller,
});

const findingsOf = (events: ExerciseEvent[], teamId: string) =>
  events.flatMap((e) => (e.type === 'findings.recorded' && e.payload.teamId === teamId ? e.payload.findings : []));

describe('marking a team as not played', () => {
  it('records the mark for staff and keeps the team, with its reason, among the unplayed', () => {
    const run = ExerciseRun.started();
    const [event] = run.ok(mark('south-cert', false, 'Nobody came'), T0 + MIN);
    expect(event).toMatchObject({
      type: 'team.play-marked',
      payload: { teamId: 'south-cert', played: false, reason: 'Nobody came' },
      audience: { kind: 'staff' },
      actor: controller,
      exerciseTime: MIN,
    });
    expect(run.state.unplayed).toEqual({ 'south-cert': 'Nobody came' });
  });

  it('marks a team that turns up late as played again', () => {
    const run = ExerciseRun.started();
    run.ok(mark('grid-op', false), T0 + MIN);
    expect(run.state.unplayed).toEqual({ 'grid-op': '' });
    const [event] = run.ok(mark('grid-op', true, 'Arrived at 09:20'), T0 + 20 * MIN);
    expect(event.payload).toEqual({ teamId: 'grid-op', played: true, reason: 'Arrived at 09:20' });
    expect(run.state.unplayed).toEqual({});
  });

  it('records nothing for a mark the team already has, and a new event for a new reason', () => {
    const run = ExerciseRun.started();
    expect(run.issue(mark('grid-op', true), T0 + MIN)).toEqual({ ok: true, events: [], duplicate: true });
    run.ok(mark('grid-op', false, 'Absent'), T0 + MIN);
    expect(run.issue(mark('grid-op', false, 'Absent'), T0 + 2 * MIN)).toEqual({ ok: true, events: [], duplicate: true });
    expect(run.ok(mark('grid-op', false, 'Off sick'), T0 + 3 * MIN)).toHaveLength(1);
    expect(run.state.unplayed['grid-op']).toBe('Off sick');
  });

  it('may be set before the start, in the lobby', () => {
    const run = new ExerciseRun();
    run.ok({ type: 'exercise.create', exerciseId: 'ex-1', name: 'Spring', actor: controller }, T0 - MIN);
    run.ok({ type: 'exercise.open-lobby', actor: controller }, T0 - MIN);
    run.ok(mark('south-cert', false), T0 - MIN);
    expect(run.state.unplayed).toEqual({ 'south-cert': '' });
  });

  it('refuses a role other than controller, an unknown team, a bad body and an ended exercise, each with its code', () => {
    const run = ExerciseRun.started();
    const refusal = (command: object, now = T0 + MIN) => {
      const result = run.issue(command as never, now);
      return result.ok ? 'accepted' : result.error;
    };
    expect(refusal({ ...mark('grid-op', false), actor: facilitator })).toEqual({
      code: 'FORBIDDEN_ROLE',
      message: 'Only controllers may mark teams as played or not played; you are signed in as a facilitator.',
    });
    expect(refusal({ ...mark('grid-op', false), actor: playerOf('grid-op') })).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(refusal(mark('west-gov', false))).toEqual({ code: 'UNKNOWN_TEAM', message: 'There is no team west-gov in this scenario.' });
    expect(refusal({ ...mark('grid-op', false), played: 'no' })).toMatchObject({ code: 'INVALID_COMMAND', message: expect.stringContaining('played') });
    expect(refusal(mark('grid-op', false, '   '))).toMatchObject({ code: 'INVALID_COMMAND', message: expect.stringContaining('reason: must not be empty') });
    expect(refusal({ ...mark('grid-op', false), extra: 1 })).toMatchObject({ code: 'INVALID_COMMAND' });
    run.ok({ type: 'exercise.end', actor: controller }, T0 + 2 * MIN);
    expect(refusal(mark('grid-op', false), T0 + 3 * MIN)).toMatchObject({ code: 'EXERCISE_ENDED' });
    expect(run.state.unplayed).toEqual({});
  });

  it('records no findings for the team while it is not played, and records them again once it plays', () => {
    const run = ExerciseRun.started(contextWith({ scoring: fakeScoring() }));
    run.ok(mark('south-gov', false), T0 + MIN);
    run.tick(T0 + 10 * MIN);
    run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'private-demarche', targetId: 'north-ministry' }], controller), T0 + 11 * MIN);
    run.tick(T0 + 26 * MIN);
    // The missed deadline of grid-op, which plays, still counts; south-gov's decision is recorded, not judged.
    expect(findingsOf(run.events, 'south-gov')).toEqual([]);
    expect(findingsOf(run.events, 'grid-op').map((f) => f.ruleId)).toEqual(['answer-on-time']);
    expect(run.state.decisions.map((d) => d.decisionId)).toEqual(['d1']);
    run.ok(mark('south-gov', true), T0 + 27 * MIN);
    run.ok(decide('south-gov', 'd2', undefined, [{ actionId: 'activate-hotline', targetId: 'north-ministry' }]), T0 + 28 * MIN);
    expect(findingsOf(run.events, 'south-gov').map((f) => f.decisionId)).toEqual(['d2']);
  });

  it('still records the missed deadline of a team not played, so that the injects waiting on it follow', () => {
    const run = ExerciseRun.started(contextWith({ scoring: fakeScoring() }));
    run.ok(mark('south-gov', false), T0 + MIN);
    run.tick(T0 + 10 * MIN);
    run.tick(T0 + 26 * MIN);
    expect(run.events.some((e) => e.type === 'inject.deadline-missed' && e.payload.teamId === 'south-gov')).toBe(true);
    expect(run.released('silence')).toBeDefined();
    expect(findingsOf(run.events, 'south-gov')).toEqual([]);
  });

  it('replays to the same unplayed teams', () => {
    const run = ExerciseRun.started();
    run.ok(mark('south-cert', false, 'Absent'), T0 + MIN);
    run.ok(mark('grid-op', false), T0 + 2 * MIN);
    run.ok(mark('grid-op', true), T0 + 3 * MIN);
    expect(run.engine.replay(run.events).unplayed).toEqual({ 'south-cert': 'Absent' });
  });
});
