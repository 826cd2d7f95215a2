import { ExerciseRun, MIN, T0, contextWith, controller, decide, fakeScoring } from '../test/exercise-fixture.js';
import { catchUpCostsTeams, exerciseTimeAt, nextWakeAt, type ExerciseEvent } from './index.js';

const server = { role: 'controller', id: 'clock' } as const;
const missedOf = (events: readonly ExerciseEvent[]) =>
  events.flatMap((e) => (e.type === 'inject.deadline-missed' ? [[e.payload.injectId, e.payload.teamId, e.exerciseTime]] : []));
const timelinessFindings = (events: readonly ExerciseEvent[]) =>
  events.flatMap((e) => (e.type === 'findings.recorded' ? e.payload.findings.filter((f) => f.dimension === 'timeliness') : []));

describe('downtime and late releases', () => {
  it('extends the deadline of a prompt released late by how late it was, and records it in the release', () => {
    const run = ExerciseRun.started();
    run.tick(T0);
    // The outage prompt falls due at 00:10 with 15 minutes to answer; the server only releases it at 00:22.
    run.tick(T0 + 22 * MIN);
    const outage = run.released('outage')!;
    expect(outage.exerciseTime).toBe(10 * MIN);
    expect(outage.type === 'inject.released' && outage.payload.lateBy).toBe(12 * MIN);
    expect(outage.type === 'inject.released' && outage.payload.decision?.deadline).toBe(37 * MIN);
    expect(run.state.injects.outage?.released?.decision?.deadline).toBe(37 * MIN);
  });

  it('never scores a prompt missed before its team could see it, and misses it only after the extended deadline', () => {
    const run = ExerciseRun.started(contextWith({ scoring: fakeScoring() }));
    run.tick(T0);
    // Released 30 minutes late: the original deadline (00:25) passed before anyone could read the prompt.
    const burst = run.tick(T0 + 40 * MIN);
    expect(missedOf(burst)).toEqual([]);
    expect(timelinessFindings(burst)).toEqual([]);
    expect(missedOf(run.tick(T0 + 55 * MIN - 1))).toEqual([]);
    const due = run.tick(T0 + 55 * MIN);
    expect(missedOf(due)).toEqual([
      ['outage', 'south-gov', 55 * MIN],
      ['outage', 'grid-op', 55 * MIN],
    ]);
    expect(timelinessFindings(due).map((f) => [f.teamId, f.delta])).toEqual([
      ['south-gov', -1],
      ['grid-op', -1],
    ]);
  });

  it('lets a team answer a late prompt within the extended deadline, its latency counted from the release', () => {
    const run = ExerciseRun.started();
    run.tick(T0);
    run.tick(T0 + 30 * MIN);
    const [decided] = run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 34 * MIN);
    expect(decided?.type === 'decision.submitted' && decided.payload.latency).toBe(4 * MIN);
  });

  it('keeps the deadline of a prompt released on time, or less than an exercise second late, as the scenario gives it', () => {
    const run = ExerciseRun.started();
    run.tick(T0);
    run.tick(T0 + 10 * MIN + 999);
    const outage = run.released('outage')!;
    expect(outage.type === 'inject.released' && [outage.payload.lateBy, outage.payload.decision?.deadline]).toEqual([undefined, 25 * MIN]);
    expect(run.state.endDelay).toBeUndefined();
  });

  it('pauses for an outage at the exercise time the clock showed when the server went down', () => {
    const run = ExerciseRun.started();
    run.tick(T0);
    const downSince = T0 + 7 * MIN + 500;
    const [paused, ...rest] = run.ok({ type: 'clock.pause-for-outage', downSince, actor: server }, T0 + 40 * MIN);
    expect(rest).toEqual([]);
    expect(paused).toMatchObject({ type: 'exercise.paused', at: T0 + 40 * MIN, exerciseTime: 7 * MIN + 500, payload: { reason: 'server-restart', downSince } });
    expect(run.state.status).toBe('paused');
    expect(run.state.pauseCause).toEqual({ reason: 'server-restart', downSince });
    expect(exerciseTimeAt(run.state, T0 + 60 * MIN)).toBe(7 * MIN + 500);
    expect(nextWakeAt(run.ctx, run.state, T0 + 40 * MIN)).toBeUndefined();
    // Resumed by a controller: nothing fell due during the outage, the outage prompt comes on time with its full 15 minutes.
    run.ok({ type: 'exercise.resume', actor: controller }, T0 + 45 * MIN);
    expect(run.state.pauseCause).toBeUndefined();
    const wake = nextWakeAt(run.ctx, run.state, T0 + 45 * MIN)!;
    expect(wake).toBe(T0 + 45 * MIN + 3 * MIN - 500);
    run.tick(wake);
    const outage = run.released('outage')!;
    expect(outage.type === 'inject.released' && [outage.exerciseTime, outage.payload.lateBy, outage.payload.decision?.deadline]).toEqual([10 * MIN, undefined, 25 * MIN]);
    expect(missedOf(run.events)).toEqual([]);
  });

  it('tells a restart that running on would miss a prompt teams already had, or end the exercise, but not for prompts due meanwhile', () => {
    const run = ExerciseRun.started();
    run.tick(T0);
    run.tick(T0 + 10 * MIN);
    // The outage prompt is out to south-gov and grid-op until 00:25; intel (00:20) would only come out late.
    expect(catchUpCostsTeams(run.ctx, run.state, T0 + 25 * MIN - 1)).toBe(false);
    expect(catchUpCostsTeams(run.ctx, run.state, T0 + 25 * MIN)).toBe(true);
    run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 12 * MIN);
    expect(catchUpCostsTeams(run.ctx, run.state, T0 + 30 * MIN)).toBe(true);
    run.ok(decide('grid-op', 'd2', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 13 * MIN);
    expect(catchUpCostsTeams(run.ctx, run.state, T0 + 30 * MIN)).toBe(false);
    run.tick(T0 + 20 * MIN);
    run.tick(T0 + 60 * MIN);
    expect(catchUpCostsTeams(run.ctx, run.state, T0 + 90 * MIN - 1)).toBe(false);
    expect(catchUpCostsTeams(run.ctx, run.state, T0 + 90 * MIN)).toBe(true);
    run.ok({ type: 'exercise.pause', actor: controller }, T0 + 70 * MIN);
    expect(catchUpCostsTeams(run.ctx, run.state, T0 + 200 * MIN)).toBe(false);
  });

  it('keeps the rest of a seen prompt\'s time when its deadline falls inside an outage and the server comes back paused', () => {
    const run = ExerciseRun.started(contextWith({ scoring: fakeScoring() }));
    run.tick(T0);
    run.tick(T0 + 10 * MIN);
    // Down from 00:20 to 00:27 (a short outage), the outage prompt's deadline (00:25) inside it.
    expect(catchUpCostsTeams(run.ctx, run.state, T0 + 27 * MIN)).toBe(true);
    run.ok({ type: 'clock.pause-for-outage', downSince: T0 + 20 * MIN, actor: server }, T0 + 27 * MIN);
    run.ok({ type: 'exercise.resume', actor: controller }, T0 + 30 * MIN);
    expect(missedOf(run.tick(T0 + 34 * MIN))).toEqual([]);
    run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 34 * MIN);
    // Five minutes were left at 00:20: they run from the resume, so grid-op, silent, misses it at 00:25 exercise time.
    const due = run.tick(T0 + 35 * MIN);
    expect(missedOf(due)).toEqual([['outage', 'grid-op', 25 * MIN]]);
    expect(timelinessFindings(run.events).map((f) => f.teamId)).toEqual(['grid-op']);
  });

  it('refuses to pause for an outage that began after now, or an exercise that is not running', () => {
    const run = ExerciseRun.started();
    const later = run.issue({ type: 'clock.pause-for-outage', downSince: T0 + 2 * MIN, actor: server }, T0 + MIN);
    expect(later.ok === false && later.error.code).toBe('INVALID_COMMAND');
    const noTime = run.issue({ type: 'clock.pause-for-outage', downSince: Number.NaN, actor: server }, T0 + MIN);
    expect(noTime.ok === false && noTime.error.code).toBe('INVALID_COMMAND');
    run.ok({ type: 'exercise.pause', actor: controller }, T0 + MIN);
    const paused = run.issue({ type: 'clock.pause-for-outage', downSince: T0 + MIN, actor: server }, T0 + 2 * MIN);
    expect(paused.ok === false && paused.error.code).toBe('EXERCISE_NOT_RUNNING');
  });

  it('replays the same log to the same state: late deadlines, the moved end and the outage pause', () => {
    const run = ExerciseRun.started(contextWith({ scoring: fakeScoring() }));
    run.tick(T0);
    run.tick(T0 + 40 * MIN);
    run.ok({ type: 'clock.pause-for-outage', downSince: T0 + 41 * MIN, actor: server }, T0 + 50 * MIN);
    run.ok({ type: 'exercise.resume', actor: controller }, T0 + 52 * MIN);
    run.tick(T0 + 70 * MIN);
    const replayed = run.engine.replay(run.events);
    expect(replayed).toEqual(run.state);
    expect(replayed.endDelay).toBe(30 * MIN);
    expect(replayed.injects.outage?.released?.decision?.deadline).toBe(55 * MIN);
  });
});
