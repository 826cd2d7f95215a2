import { ExerciseRun, MIN, T0, contextWith, controller, fakeScoring } from '../test/exercise-fixture.js';
import { EASING_INTERVAL_MS, exerciseTimeAt, nextWakeAt } from './index.js';

const releaseTimes = (run: ExerciseRun) =>
  run.events.filter((e) => e.type === 'inject.released').map((e) => [e.type === 'inject.released' && e.payload.injectId, e.exerciseTime]);

describe('exercise clock', () => {
  it('derives exercise time from start, pause, resume and speed changes', () => {
    const run = ExerciseRun.started();
    expect(exerciseTimeAt(run.state, T0 + 3 * MIN)).toBe(3 * MIN);
    run.ok({ type: 'exercise.pause', actor: controller }, T0 + 4 * MIN);
    expect(exerciseTimeAt(run.state, T0 + 60 * MIN)).toBe(4 * MIN);
    run.ok({ type: 'exercise.resume', actor: controller }, T0 + 60 * MIN);
    run.ok({ type: 'exercise.change-speed', speed: 4, actor: controller }, T0 + 61 * MIN);
    expect(exerciseTimeAt(run.state, T0 + 62 * MIN)).toBe(5 * MIN + 4 * MIN);
    expect(run.engine.replay(run.events).clock).toEqual(run.state.clock);
  });

  it('keeps inject timing exact across pause and resume', () => {
    const run = ExerciseRun.started();
    run.tick(T0);
    run.ok({ type: 'exercise.pause', actor: controller }, T0 + 7 * MIN + 1234);
    run.ok({ type: 'exercise.resume', actor: controller }, T0 + 47 * MIN);
    expect(nextWakeAt(run.ctx, run.state, T0 + 47 * MIN)).toBe(T0 + 47 * MIN + 3 * MIN - 1234);
    run.tick(T0 + 50 * MIN - 1234);
    expect(releaseTimes(run)).toEqual([['briefing', 0], ['outage', 10 * MIN]]);
  });

  it('keeps inject timing exact across speed changes', () => {
    const run = ExerciseRun.started();
    run.tick(T0);
    run.ok({ type: 'exercise.change-speed', speed: 2.5, actor: controller }, T0 + 3 * MIN + 17);
    const wake = nextWakeAt(run.ctx, run.state, T0 + 3 * MIN + 17);
    expect(wake).toBeDefined();
    expect(exerciseTimeAt(run.state, wake!)).toBeGreaterThanOrEqual(10 * MIN);
    expect(exerciseTimeAt(run.state, wake! - 1)).toBeLessThan(10 * MIN);
    run.tick(wake!);
    expect(releaseTimes(run)).toEqual([['briefing', 0], ['outage', 10 * MIN]]);
  });

  it('releases each inject at its own time when the tick arrives late, its deadline counted from the release', () => {
    const run = ExerciseRun.started();
    const events = run.tick(T0 + 25 * MIN);
    expect(releaseTimes(run)).toEqual([['briefing', 0], ['outage', 10 * MIN], ['intel', 20 * MIN]]);
    const outage = run.released('outage')!;
    expect(outage.type === 'inject.released' && [outage.payload.lateBy, outage.payload.decision?.deadline]).toEqual([15 * MIN, 40 * MIN]);
    expect(events.filter((e) => e.type === 'inject.deadline-missed')).toEqual([]);
    expect(events.every((e) => e.at === T0 + 25 * MIN)).toBe(true);
  });

  it('releases a due inject when the tick comes after a pause that followed its time', () => {
    const run = ExerciseRun.started();
    run.ok({ type: 'exercise.pause', actor: controller }, T0 + 12 * MIN);
    expect(nextWakeAt(run.ctx, run.state, T0 + 12 * MIN)).toBeUndefined();
    run.tick(T0 + 30 * MIN);
    expect(releaseTimes(run)).toEqual([['briefing', 0], ['outage', 10 * MIN]]);
  });

  it('ends the exercise at its duration when the clock is on time', () => {
    const run = ExerciseRun.started();
    for (const minute of [0, 10, 20, 25, 60]) run.tick(T0 + minute * MIN);
    const ended = run.tick(T0 + 90 * MIN).at(-1)!;
    expect([ended.type, ended.payload, ended.exerciseTime]).toEqual(['exercise.ended', { reason: 'duration' }, 90 * MIN]);
    expect(run.state.status).toBe('ended');
    expect(exerciseTimeAt(run.state, T0 + 200 * MIN)).toBe(90 * MIN);
  });

  it('moves the end back by the latest release when the tick is late, so a burst does not end the exercise', () => {
    const run = ExerciseRun.started();
    const burst = run.tick(T0 + 100 * MIN);
    expect(releaseTimes(run).map(([id]) => id)).toEqual(['briefing', 'outage', 'intel', 'final']);
    expect(burst.some((e) => e.type === 'exercise.ended' || e.type === 'inject.deadline-missed')).toBe(false);
    expect(run.state.status).toBe('running');
    // The briefing, due at 00:00, came out 100 minutes late: the end moves from 01:30 to 03:10; the next wake is the
    // outage prompt's deadline, 15 minutes after its late release.
    expect(nextWakeAt(run.ctx, run.state, T0 + 100 * MIN)).toBe(T0 + 115 * MIN);
    const ended = run.tick(T0 + 200 * MIN).at(-1)!;
    expect([ended.type, ended.exerciseTime]).toEqual(['exercise.ended', 190 * MIN]);
  });

  it('wakes for the next inject, deadline or the end, and not while stopped', () => {
    const run = ExerciseRun.started();
    expect(nextWakeAt(run.ctx, run.state, T0)).toBe(T0);
    run.tick(T0);
    expect(nextWakeAt(run.ctx, run.state, T0 + MIN)).toBe(T0 + 10 * MIN);
    run.tick(T0 + 10 * MIN);
    expect(nextWakeAt(run.ctx, run.state, T0 + 10 * MIN)).toBe(T0 + 20 * MIN);
    run.tick(T0 + 20 * MIN);
    expect(nextWakeAt(run.ctx, run.state, T0 + 20 * MIN)).toBe(T0 + 25 * MIN);
    run.tick(T0 + 25 * MIN);
    expect(nextWakeAt(run.ctx, run.state, T0 + 25 * MIN)).toBe(T0 + 60 * MIN);
    run.tick(T0 + 60 * MIN);
    expect(nextWakeAt(run.ctx, run.state, T0 + 60 * MIN)).toBe(T0 + 90 * MIN);
    run.tick(T0 + 90 * MIN);
    expect(nextWakeAt(run.ctx, run.state, T0 + 90 * MIN)).toBeUndefined();
  });

  it('wakes every exercise minute for easing when a scoring model is set', () => {
    const run = ExerciseRun.started(contextWith({ scoring: fakeScoring() }));
    run.tick(T0);
    expect(nextWakeAt(run.ctx, run.state, T0 + 30_000)).toBe(T0 + EASING_INTERVAL_MS);
  });

  it('eases escalation on ticks through the scoring model', () => {
    const run = ExerciseRun.started(contextWith({ scoring: fakeScoring() }));
    run.tick(T0 + 20 * MIN);
    run.ok({ type: 'decision.submit', decisionId: 'd1', teamId: 'south-gov', injectId: 'intel', actions: [{ actionId: 'targeted-sanctions', targetId: 'north-ministry' }], rationale: 'x', actor: controller }, T0 + 21 * MIN);
    expect(run.state.escalation['southland>northland']).toBe(5);
    const events = run.tick(T0 + 81 * MIN);
    const eased = events.filter((e) => e.type === 'escalation.changed');
    expect(eased.map((e) => [e.payload, e.exerciseTime])).toEqual([
      [{ from: 'southland', to: 'northland', previous: 5, level: 4, cause: 'easing' }, 81 * MIN],
    ]);
    expect(run.state.escalationPeak['southland>northland']).toBe(5);
  });
});
