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

  it('releases each inject at its own time when the tick arrives late', () => {
    const run = ExerciseRun.started();
    const events = run.tick(T0 + 25 * MIN);
    expect(releaseTimes(run)).toEqual([['briefing', 0], ['outage', 10 * MIN], ['intel', 20 * MIN], ['silence', 25 * MIN]]);
    const missed = events.filter((e) => e.type === 'inject.deadline-missed');
    expect(missed.map((e) => [e.payload, e.exerciseTime])).toEqual([
      [{ injectId: 'outage', teamId: 'south-gov' }, 25 * MIN],
      [{ injectId: 'outage', teamId: 'grid-op' }, 25 * MIN],
    ]);
    expect(events.every((e) => e.at === T0 + 25 * MIN)).toBe(true);
  });

  it('releases a due inject when the tick comes after a pause that followed its time', () => {
    const run = ExerciseRun.started();
    run.ok({ type: 'exercise.pause', actor: controller }, T0 + 12 * MIN);
    expect(nextWakeAt(run.ctx, run.state, T0 + 12 * MIN)).toBeUndefined();
    run.tick(T0 + 30 * MIN);
    expect(releaseTimes(run)).toEqual([['briefing', 0], ['outage', 10 * MIN]]);
  });

  it('ends the exercise at its duration, even when the tick is late', () => {
    const run = ExerciseRun.started();
    const events = run.tick(T0 + 100 * MIN);
    const ended = events.at(-1)!;
    expect(ended.type).toBe('exercise.ended');
    expect(ended.payload).toEqual({ reason: 'duration' });
    expect(ended.exerciseTime).toBe(90 * MIN);
    expect(run.state.status).toBe('ended');
    expect(exerciseTimeAt(run.state, T0 + 200 * MIN)).toBe(90 * MIN);
    expect(releaseTimes(run).map(([id]) => id)).toEqual(['briefing', 'outage', 'intel', 'silence', 'final']);
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
