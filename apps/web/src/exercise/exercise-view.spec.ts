import type { Finding } from '@ttx/engine';
import type { EventMessage } from '@ttx/contracts';
import { allFindings, emptyExerciseView, ExerciseFold, foldEvents } from './exercise-view.js';
import { eventAt, releasedInject } from './event-fixtures.spec-helper.js';
import { exerciseTimeAt } from './exercise-clock.js';

const finding = (teamId: string, delta: number, decisionId?: string): Finding => ({
  ruleId: 'r1',
  ruleKind: 'proportionality',
  cites: ['TM2-R23'],
  delta,
  severity: delta < 0 ? 'concern' : 'commendation',
  dimension: 'proportionality',
  explanation: 'Why',
  teamId,
  decisionId,
});

/** The fold of `events`, then of `more`, as a connection applies a later batch. */
function foldedThen(events: EventMessage[], ...more: EventMessage[]) {
  const fold = new ExerciseFold();
  for (const event of events) fold.absorb(event);
  const before = fold.snapshot();
  for (const event of more) fold.absorb(event);
  return { before, after: fold.snapshot() };
}

describe('exercise view fold', () => {
  it('derives the clock from start, pause, resume and speed anchors', () => {
    const log = [
      eventAt(1, 'exercise.created', {
        exerciseId: 'x',
        name: 'X',
        scenarioId: 's',
        scenarioVersion: '1',
        ruleSetId: 'r',
        speed: 1,
      }),
      eventAt(2, 'exercise.started', { speed: 10 }, 0, 100_000),
      eventAt(3, 'exercise.paused', {}, 50_000, 105_000),
    ];
    const { before: view, after: resumed } = foldedThen(
      log,
      eventAt(4, 'exercise.resumed', {}, 50_000, 200_000),
    );
    expect(view.status).toBe('paused');
    expect(exerciseTimeAt(view.clock, 999_999)).toBe(50_000);
    expect(exerciseTimeAt(resumed.clock, 201_000)).toBe(60_000);
    const faster = foldEvents([
      ...log,
      eventAt(4, 'exercise.resumed', {}, 50_000, 200_000),
      eventAt(5, 'exercise.speed-changed', { speed: 60 }, 60_000, 201_000),
    ]);
    expect(exerciseTimeAt(faster.clock, 202_000)).toBe(120_000);
  });

  it('says when the server paused the exercise after a restart, until it is resumed', () => {
    const log = [
      eventAt(1, 'exercise.started', { speed: 60 }, 0, 100_000),
      eventAt(2, 'exercise.paused', { reason: 'server-restart', downSince: 101_000 }, 60_000, 130_000),
    ];
    const { before: view, after: resumed } = foldedThen(
      log,
      eventAt(3, 'exercise.resumed', {}, 60_000, 140_000),
    );
    expect([view.status, view.pauseCause]).toEqual([
      'paused',
      { reason: 'server-restart', downSince: 101_000 },
    ]);
    expect(exerciseTimeAt(view.clock, 200_000)).toBe(60_000);
    expect(resumed.pauseCause).toBeUndefined();
    const pausedAgain = foldEvents([
      ...log,
      eventAt(3, 'exercise.resumed', {}, 60_000, 140_000),
      eventAt(4, 'exercise.paused', {}, 120_000, 141_000),
    ]);
    expect(pausedAgain.pauseCause).toBeUndefined();
  });

  it('lists released injects in release order with their release time', () => {
    const view = foldEvents([
      eventAt(1, 'inject.released', releasedInject('a', ['north']), 60_000),
      eventAt(2, 'inject.released', releasedInject('b', ['south']), 120_000),
    ]);
    expect(view.injects.map((i) => [i.injectId, i.releasedAt])).toEqual([
      ['a', 60_000],
      ['b', 120_000],
    ]);
  });

  it('attaches findings to the decision they judge and keeps the others apart', () => {
    const view = foldEvents([
      eventAt(1, 'decision.submitted', {
        decisionId: 'd1',
        teamId: 'north',
        injectId: 'a',
        actions: [{ actionId: 'activate-hotline' }],
        rationale: 'talk',
      }),
      eventAt(2, 'findings.recorded', {
        teamId: 'north',
        decisionId: 'd1',
        findings: [finding('north', 5, 'd1')],
      }),
      eventAt(3, 'findings.recorded', { teamId: 'north', findings: [finding('north', -2)] }),
    ]);
    expect(view.decisions[0].findings).toHaveLength(1);
    expect(view.otherFindings).toHaveLength(1);
    expect(view.answered['a:north']).toBe('d1');
    expect(allFindings(view).map((f) => f.delta)).toEqual([5, -2]);
  });

  it('keeps the current escalation level per ordered pair and its history', () => {
    const view = foldEvents([
      eventAt(
        1,
        'escalation.changed',
        { from: 'n', to: 's', previous: 0, level: 3, cause: 'action' },
        60_000,
      ),
      eventAt(
        2,
        'escalation.changed',
        { from: 'n', to: 's', previous: 3, level: 2, cause: 'easing' },
        120_000,
      ),
    ]);
    expect(view.escalation.levelsByPair()).toEqual({ 'n>s': 2 });
    expect(view.escalation.changes().map((p) => p.level)).toEqual([3, 2]);
  });

  it('ignores an event it has already applied, so replays change nothing', () => {
    const sent = eventAt(1, 'message.sent', { messageId: 'm', channelId: 'hotline', text: 'hello' });
    const { after: twice } = foldedThen([sent], sent);
    expect([twice.seq, twice.messages.length]).toEqual([1, 1]);
  });

  it("keeps a message's purpose for the message list, and none where it had none", () => {
    const view = foldEvents([
      eventAt(1, 'message.sent', { messageId: 'm1', channelId: 'hotline', teamId: 'south', text: 'Stop.', purpose: 'demand' }),
      eventAt(2, 'message.sent', { messageId: 'm2', channelId: 'hotline', teamId: 'south', text: 'Hello.' }),
    ]);
    expect(view.messages.map((m) => [m.messageId, m.purpose])).toEqual([['m1', 'demand'], ['m2', undefined]]);
  });

  it('records participants once each, observations, adjustments and missed deadlines', () => {
    const view = foldEvents([
      eventAt(1, 'team.joined', { teamId: 'north', participant: 'ana' }),
      eventAt(2, 'team.joined', { teamId: 'north', participant: 'ana' }),
      eventAt(3, 'observation.recorded', { observationId: 'o', objectiveId: 'obj', rating: 'S', note: 'ok' }),
      eventAt(4, 'score.adjusted', {
        adjustmentId: 'j',
        teamId: 'north',
        dimension: 'timeliness',
        delta: -3,
        reason: 'late',
      }),
      eventAt(5, 'inject.deadline-missed', { injectId: 'a', teamId: 'south' }),
    ]);
    expect(view.participants).toEqual({ north: ['ana'] });
    expect(view.observations[0].rating).toBe('S');
    expect(view.adjustments[0].delta).toBe(-3);
    expect(view.missed['a:south']).toBe(true);
    expect(view.seq).toBe(5);
  });

  it('starts empty', () => {
    expect(emptyExerciseView.status).toBe('none');
  });
});
