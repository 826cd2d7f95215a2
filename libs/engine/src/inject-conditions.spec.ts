import { ExerciseRun, MIN, T0, contextWith, controller, decide, fakeScoring, playerOf } from '../test/exercise-fixture.js';
import type { ExerciseEvent } from './index.js';

const releasedIds = (events: ExerciseEvent[]) =>
  events.flatMap((e) => (e.type === 'inject.released' ? [e.payload.injectId] : []));

describe('conditional injects', () => {
  it('follows a team choice: the hotline call reaches the other state in the same batch as the decision', () => {
    const run = ExerciseRun.started();
    run.tick(T0 + 10 * MIN);
    const events = run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'activate-hotline', targetId: 'north-ministry' }]), T0 + 12 * MIN);
    expect(events.map((e) => e.type)).toEqual(['decision.submitted', 'inject.released', 'inject.released']);
    expect(releasedIds(events)).toEqual(['hotline-call', 'cert-bulletin']);
    expect(events.map((e) => e.seq)).toEqual([run.state.seq - 2, run.state.seq - 1, run.state.seq]);
    expect(events.slice(1).every((e) => e.exerciseTime === 12 * MIN && e.type === 'inject.released' && e.payload.trigger === 'condition')).toBe(true);
    const call = events[1];
    expect(call.type === 'inject.released' && call.payload.decision?.deadline).toBe(22 * MIN);
  });

  it('does not follow a choice the condition does not name', () => {
    const run = ExerciseRun.started();
    run.tick(T0 + 10 * MIN);
    run.ok(decide('grid-op', 'd1', 'outage', [{ actionId: 'activate-hotline', targetId: 'north-ministry' }]), T0 + 12 * MIN);
    expect(run.released('hotline-call')).toBeUndefined();
    expect(run.released('press')).toBeDefined();
  });

  it('releases a conditional inject once, however often its condition holds again', () => {
    const run = ExerciseRun.started();
    run.ok({ type: 'message.send', messageId: 'm1', channelId: 'hotline', text: 'Hello', actor: playerOf('north-gov') }, T0 + MIN);
    run.ok({ type: 'message.send', messageId: 'm2', channelId: 'hotline', text: 'Again', actor: playerOf('south-gov') }, T0 + 2 * MIN);
    run.tick(T0 + 10 * MIN);
    run.ok(decide('grid-op', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 11 * MIN);
    expect(releasedIds(run.events).filter((id) => id === 'press')).toHaveLength(1);
    expect(run.released('press')?.exerciseTime).toBe(MIN);
  });

  it('releases on a missed deadline, per team in the audience', () => {
    const run = ExerciseRun.started();
    run.tick(T0 + 10 * MIN);
    run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 11 * MIN);
    const events = run.tick(T0 + 25 * MIN);
    expect(events.filter((e) => e.type === 'inject.deadline-missed').map((e) => e.payload)).toEqual([{ injectId: 'outage', teamId: 'grid-op' }]);
    expect(run.released('silence')).toBeUndefined();
    const other = ExerciseRun.started();
    other.tick(T0 + 10 * MIN);
    other.tick(T0 + 25 * MIN);
    expect(other.released('silence')?.exerciseTime).toBe(25 * MIN);
  });

  it('waits for both its time and its condition when it has both', () => {
    const early = ExerciseRun.started();
    early.tick(T0 + 20 * MIN);
    early.ok(decide('north-gov', 'd1', undefined, [{ actionId: 'request-consultations', targetId: 'north-ministry' }]), T0 + 21 * MIN);
    expect(early.released('followup')).toBeUndefined();
    expect(early.state.injects.followup.conditionMet).toBe(true);
    early.tick(T0 + 45 * MIN);
    expect(early.released('followup')?.exerciseTime).toBe(40 * MIN);

    const late = ExerciseRun.started();
    late.tick(T0 + 50 * MIN);
    expect(late.released('followup')).toBeUndefined();
    const events = late.ok(decide('north-gov', 'd1', undefined, [{ actionId: 'request-consultations', targetId: 'north-ministry' }]), T0 + 52 * MIN);
    expect(releasedIds(events)).toEqual(['followup']);
    expect(late.released('followup')?.exerciseTime).toBe(52 * MIN);
  });

  it('needs every part of an `all` condition', () => {
    const run = ExerciseRun.started();
    run.tick(T0 + 10 * MIN);
    run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'public-attribution', targetId: 'north-ministry' }]), T0 + 11 * MIN);
    expect(run.released('attribution-news')).toBeUndefined();
    const events = run.tick(T0 + 20 * MIN);
    expect(releasedIds(events)).toEqual(['intel', 'attribution-news']);
    expect(run.released('attribution-news')?.exerciseTime).toBe(20 * MIN);
  });

  it('follows the escalation ladder moved by the scoring model, in the same batch', () => {
    const run = ExerciseRun.started(contextWith({ scoring: fakeScoring() }));
    run.tick(T0 + 20 * MIN);
    const events = run.ok(decide('south-gov', 'd1', 'intel', [{ actionId: 'targeted-sanctions', targetId: 'north-ministry' }]), T0 + 21 * MIN);
    expect(events.map((e) => e.type)).toEqual(['decision.submitted', 'findings.recorded', 'escalation.changed', 'inject.released']);
    expect(releasedIds(events)).toEqual(['escalation-warning']);
    expect(events[2].payload).toEqual({ from: 'southland', to: 'northland', previous: 0, level: 5, cause: 'action', decisionId: 'd1', actionId: 'targeted-sanctions', teamId: 'south-gov' });
  });

  it('stays released when the escalation that triggered it eases', () => {
    const run = ExerciseRun.started(contextWith({ scoring: fakeScoring() }));
    run.tick(T0 + 20 * MIN);
    run.ok(decide('south-gov', 'd1', 'intel', [{ actionId: 'targeted-sanctions', targetId: 'north-ministry' }]), T0 + 21 * MIN);
    run.tick(T0 + 85 * MIN);
    expect(releasedIds(run.events).filter((id) => id === 'escalation-warning')).toHaveLength(1);
  });

  it('gives the scoring model the state before each event it judges, cascades included', () => {
    const scoring = fakeScoring();
    const run = ExerciseRun.started(contextWith({ scoring }));
    run.tick(T0 + 10 * MIN);
    scoring.seenSeqs.length = 0;
    const events = run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'activate-hotline', targetId: 'north-ministry' }]), T0 + 12 * MIN);
    const judged = events.filter((e) => ['decision.submitted', 'inject.released'].includes(e.type)).map((e) => e.seq - 1);
    expect(scoring.seenSeqs).toEqual(judged);
    const findings = events.find((e) => e.type === 'findings.recorded');
    expect(findings?.type === 'findings.recorded' && findings.payload.findings[0].explanation).toBe(`seen at seq ${events[0].seq - 1}`);
  });

  it('lets a controller branch the scenario by firing the inject a condition waits for', () => {
    const run = ExerciseRun.started();
    const events = run.ok({ type: 'inject.fire', injectId: 'hotline-call', actor: controller }, T0 + 5 * MIN);
    expect(releasedIds(events)).toEqual(['hotline-call', 'cert-bulletin']);
  });
});
