import { ExerciseRun, MIN, T0, controller, decide } from '../test/exercise-fixture.js';
import { mselOf, type ExerciseEvent } from './index.js';

const released = (events: ExerciseEvent[]) =>
  events.flatMap((e) => (e.type === 'inject.released' ? [[e.payload.injectId, e.exerciseTime, e.payload.trigger]] : []));

describe('controller inject commands', () => {
  it('never releases a held inject by itself', () => {
    const run = ExerciseRun.started();
    run.ok({ type: 'inject.hold', injectId: 'outage', actor: controller }, T0 + MIN);
    run.tick(T0 + 15 * MIN);
    expect(run.state.injects.outage.status).toBe('held');
    expect(run.released('outage')).toBeUndefined();
    expect(mselOf(run.ctx, run.state, T0 + 15 * MIN).find((r) => r.injectId === 'outage')?.status).toBe('held');
  });

  it('releases a held inject at once, with its deadline counted from then', () => {
    const run = ExerciseRun.started();
    run.ok({ type: 'inject.hold', injectId: 'outage', actor: controller }, T0 + MIN);
    const events = run.ok({ type: 'inject.release-held', injectId: 'outage', actor: controller }, T0 + 30 * MIN);
    expect(events.map((e) => e.type)).toEqual(['inject.unheld', 'inject.released']);
    const release = events[1];
    expect(release.exerciseTime).toBe(30 * MIN);
    expect(release.type === 'inject.released' && release.payload.decision?.deadline).toBe(45 * MIN);
    expect(release.type === 'inject.released' && release.payload.trigger).toBe('controller');
  });

  it('returns a held inject to the schedule when released before the start', () => {
    const run = new ExerciseRun();
    run.ok({ type: 'exercise.create', exerciseId: 'ex-1', name: 'Spring', actor: controller }, T0 - MIN);
    run.ok({ type: 'inject.hold', injectId: 'outage', actor: controller }, T0 - MIN);
    expect(run.ok({ type: 'inject.release-held', injectId: 'outage', actor: controller }, T0 - MIN).map((e) => e.type)).toEqual(['inject.unheld']);
    run.ok({ type: 'exercise.start', actor: controller }, T0);
    run.tick(T0 + 10 * MIN);
    expect(run.released('outage')?.exerciseTime).toBe(10 * MIN);
  });

  it('skips an inject so that it never releases', () => {
    const run = ExerciseRun.started();
    run.ok({ type: 'inject.skip', injectId: 'outage', actor: controller }, T0 + MIN);
    run.tick(T0 + 40 * MIN);
    expect(run.released('outage')).toBeUndefined();
    expect(run.released('silence')).toBeUndefined();
    expect(run.state.injects.outage.status).toBe('skipped');
  });

  it('fires a pending inject now, ahead of its time', () => {
    const run = ExerciseRun.started();
    const events = run.ok({ type: 'inject.fire', injectId: 'intel', actor: controller }, T0 + 2 * MIN);
    expect(released(events)).toEqual([['intel', 2 * MIN, 'controller']]);
    expect(events[0].actor).toEqual(controller);
    run.tick(T0 + 25 * MIN);
    expect(released(run.events).filter(([id]) => id === 'intel')).toHaveLength(1);
  });

  it('fires a conditional inject whose condition never came', () => {
    const run = ExerciseRun.started();
    expect(released(run.ok({ type: 'inject.fire', injectId: 'press', actor: controller }, T0 + MIN))).toEqual([['press', MIN, 'controller']]);
    run.ok({ type: 'message.send', messageId: 'm1', channelId: 'hotline', teamId: 'north-gov', text: 'Hello', actor: controller }, T0 + 2 * MIN);
    expect(released(run.events).filter(([id]) => id === 'press')).toHaveLength(1);
  });

  it('applies edits made before release to what teams receive', () => {
    const run = ExerciseRun.started();
    run.ok({ type: 'inject.edit', injectId: 'outage', changes: { title: 'Two substations offline', severity: 'SEV-4', audience: ['south-gov'] }, actor: controller }, T0 + MIN);
    run.ok({ type: 'inject.edit', injectId: 'outage', changes: { at: 12 * MIN }, actor: controller }, T0 + 2 * MIN);
    run.tick(T0 + 11 * MIN);
    expect(run.released('outage')).toBeUndefined();
    run.tick(T0 + 12 * MIN);
    const release = run.released('outage');
    expect(release?.exerciseTime).toBe(12 * MIN);
    expect(release?.audience).toEqual({ kind: 'teams', teams: ['south-gov'] });
    expect(release?.type === 'inject.released' && [release.payload.title, release.payload.severity, release.payload.body]).toEqual([
      'Two substations offline',
      'SEV-4',
      'Three substations tripped.',
    ]);
    const row = mselOf(run.ctx, run.state, T0 + 12 * MIN).find((r) => r.injectId === 'outage');
    expect(row).toMatchObject({ status: 'released', edited: true, dueAt: 12 * MIN, releasedAt: 12 * MIN, deadline: 27 * MIN });
  });

  it('releases an inject edited to a time already past at the time of the edit', () => {
    const run = ExerciseRun.started();
    run.ok({ type: 'inject.edit', injectId: 'final', changes: { at: 5 * MIN }, actor: controller }, T0 + 7 * MIN);
    run.tick(T0 + 8 * MIN);
    expect(run.released('final')?.exerciseTime).toBe(7 * MIN);
  });

  it('sends an ad-hoc inject to the teams chosen', () => {
    const run = ExerciseRun.started();
    const events = run.ok({
      type: 'inject.ad-hoc',
      inject: { injectId: 'rumour', title: 'A rumour', body: 'Unverified.', channel: 'social-media', severity: 'SEV-1', audience: ['grid-op', 'south-cert'] },
      actor: controller,
    }, T0 + 3 * MIN);
    expect(released(events)).toEqual([['rumour', 3 * MIN, 'ad-hoc']]);
    expect(events[0].audience).toEqual({ kind: 'teams', teams: ['grid-op', 'south-cert'] });
    expect(run.state.injects.rumour).toMatchObject({ status: 'released', adHoc: true });
    expect(mselOf(run.ctx, run.state, T0 + 3 * MIN).at(-1)).toMatchObject({ injectId: 'rumour', adHoc: true, status: 'released', hasPrompt: false });
  });

  it('lists the MSEL with due, pending, held, skipped and released rows', () => {
    const run = ExerciseRun.started();
    run.tick(T0);
    run.ok({ type: 'inject.hold', injectId: 'intel', actor: controller }, T0 + MIN);
    run.ok({ type: 'inject.skip', injectId: 'final', actor: controller }, T0 + MIN);
    const rows = mselOf(run.ctx, run.state, T0 + 11 * MIN);
    const status = Object.fromEntries(rows.map((r) => [r.injectId, r.status]));
    expect(status).toMatchObject({ briefing: 'released', outage: 'due', intel: 'held', final: 'skipped', press: 'pending', followup: 'pending' });
    expect(rows.find((r) => r.injectId === 'outage')).toMatchObject({ dueAt: 10 * MIN, deadline: 25 * MIN, deadlineAfterRelease: 15 * MIN, hasPrompt: true });
    expect(rows.find((r) => r.injectId === 'press')).toMatchObject({ conditionMet: false, condition: { any: expect.any(Array) } });
    expect(rows.find((r) => r.injectId === 'briefing')).toMatchObject({ releasedAt: 0, trigger: 'schedule', audience: ['north-gov', 'south-gov', 'south-cert', 'grid-op'] });
  });

  it('lets a held conditional inject wait for the controller after its condition is met', () => {
    const run = ExerciseRun.started();
    run.tick(T0 + 10 * MIN);
    run.ok({ type: 'inject.hold', injectId: 'hotline-call', actor: controller }, T0 + 10 * MIN);
    run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'activate-hotline', targetId: 'north-ministry' }]), T0 + 11 * MIN);
    expect(run.state.injects['hotline-call']).toMatchObject({ status: 'held', conditionMet: true });
    expect(run.released('hotline-call')).toBeUndefined();
    run.ok({ type: 'inject.release-held', injectId: 'hotline-call', actor: controller }, T0 + 13 * MIN);
    expect(released(run.events).slice(-2)).toEqual([['hotline-call', 13 * MIN, 'controller'], ['cert-bulletin', 13 * MIN, 'condition']]);
  });
});
