import { ExerciseRun, MIN, T0, contextWith, controller, decide, facilitator, fakeScoring, observer, playerOf } from '../test/exercise-fixture.js';
import { canSee, visibleEvents, type ExerciseEvent } from './index.js';

/** A run with one of every kind of event the audiences differ on. */
function eventfulRun(feedback: 'immediate' | 'debrief' = 'immediate'): ExerciseRun {
  const run = ExerciseRun.started(contextWith({ scoring: fakeScoring(), feedback }));
  run.ok({ type: 'team.join', teamId: 'grid-op', participant: 'Ana', actor: playerOf('grid-op') }, T0);
  run.ok({ type: 'inject.hold', injectId: 'final', actor: controller }, T0 + MIN);
  run.tick(T0 + 10 * MIN);
  run.tick(T0 + 26 * MIN);
  run.ok(decide('south-gov', 'd1', 'intel', [{ actionId: 'targeted-sanctions', targetId: 'north-ministry' }]), T0 + 27 * MIN);
  run.ok({ type: 'message.send', messageId: 'm1', channelId: 'south-chat', text: 'Status?', actor: playerOf('south-cert') }, T0 + 28 * MIN);
  run.ok({ type: 'observation.record', observationId: 'o1', objectiveId: 'restraint', rating: 'U', note: 'Sanctions first.', actor: facilitator }, T0 + 28 * MIN);
  run.ok({ type: 'exercise.pause', actor: controller }, T0 + 29 * MIN);
  return run;
}

const audienceByType = (events: ExerciseEvent[]) => {
  const seen: Record<string, unknown> = {};
  for (const e of events) seen[e.type] ??= e.audience;
  return seen;
};

describe('event audiences', () => {
  it('addresses every event to the people it concerns', () => {
    const run = eventfulRun();
    expect(audienceByType(run.events)).toEqual({
      'exercise.created': { kind: 'all' },
      'exercise.started': { kind: 'all' },
      'team.joined': { kind: 'teams', teams: ['grid-op'] },
      'inject.held': { kind: 'staff' },
      'inject.released': { kind: 'teams', teams: ['north-gov', 'south-gov', 'south-cert', 'grid-op'] },
      'inject.deadline-missed': { kind: 'teams', teams: ['south-gov'] },
      'findings.recorded': { kind: 'teams', teams: ['south-gov'] },
      'decision.submitted': { kind: 'teams', teams: ['south-gov'] },
      'escalation.changed': { kind: 'all' },
      'message.sent': { kind: 'teams', teams: ['south-gov', 'south-cert', 'grid-op'] },
      'observation.recorded': { kind: 'staff' },
      'exercise.paused': { kind: 'all' },
    });
    expect(run.released('outage')?.audience).toEqual({ kind: 'teams', teams: ['south-gov', 'grid-op'] });
  });

  it('keeps findings for the debrief when the scenario says so', () => {
    const run = eventfulRun('debrief');
    const findings = run.events.filter((e) => e.type === 'findings.recorded');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((e) => e.audience.kind === 'staff')).toBe(true);
  });

  it('shows staff everything and a player only what is addressed to all or to its team', () => {
    const run = eventfulRun();
    for (const viewer of [{ role: 'controller' as const }, { role: 'facilitator' as const }, { role: 'observer' as const }]) {
      expect(run.events.every((e) => canSee(viewer, e))).toBe(true);
    }
    const north = visibleEvents(run.events, { role: 'player', teamId: 'north-gov' }, 0);
    expect(north.some((e) => e.type === 'decision.submitted' || e.type === 'message.sent' || e.type === 'inject.held')).toBe(false);
    expect(north.some((e) => e.type === 'escalation.changed')).toBe(true);
    const south = visibleEvents(run.events, { role: 'player', teamId: 'south-gov' }, 0);
    expect(south.filter((e) => e.type === 'decision.submitted')).toHaveLength(1);
    expect(south.some((e) => e.type === 'observation.recorded')).toBe(false);
    expect(visibleEvents(run.events, { role: 'player' }, 0).every((e) => e.audience.kind === 'all')).toBe(true);
  });

  it('answers what a viewer may see after seq N, in order', () => {
    const run = eventfulRun();
    const viewer = { role: 'player' as const, teamId: 'grid-op' };
    const all = visibleEvents(run.events, viewer, 0);
    const n = all[3].seq;
    const after = visibleEvents(run.events, viewer, n);
    expect(after).toEqual(all.slice(4));
    expect(after.every((e, i) => i === 0 || e.seq > after[i - 1].seq)).toBe(true);
    expect(visibleEvents(run.events, viewer, run.state.seq)).toEqual([]);
    expect(visibleEvents(run.events, { role: 'observer' }, run.state.seq - 2).map((e) => e.seq)).toEqual([run.state.seq - 1, run.state.seq]);
  });

  it('lets observers watch but never act', () => {
    const run = eventfulRun();
    expect(run.engine.decide(run.state, { type: 'exercise.resume', actor: observer }, T0 + 30 * MIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
  });
});
