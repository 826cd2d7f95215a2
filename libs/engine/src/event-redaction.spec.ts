import { FEEDBACK_MODES } from '@ttx/scenario';
import { ExerciseRun, MIN, T0, contextWith, decide, fakeScoring } from '../test/exercise-fixture.js';
import { eventsSeenBy, seenBy, type ExerciseEvent, type SeenEvent, type Viewer } from './index.js';

/** Southland's government imposes sanctions on Northland: an escalation change caused by team south-gov. */
function sanctionsRun(feedback: (typeof FEEDBACK_MODES)[number] = 'immediate'): ExerciseRun {
  const run = ExerciseRun.started(contextWith({ scoring: fakeScoring(), feedback }));
  run.tick(T0 + 26 * MIN);
  run.ok(
    decide('south-gov', 'sanctions-1', 'intel', [
      { actionId: 'targeted-sanctions', targetId: 'north-ministry' },
    ]),
    T0 + 27 * MIN,
  );
  return run;
}

const escalationOf = (events: readonly (ExerciseEvent | SeenEvent)[]) =>
  events.filter((e) => e.type === 'escalation.changed');
const player = (teamId?: string): Viewer => (teamId ? { role: 'player', teamId } : { role: 'player' });

describe('what each viewer sees of an escalation change', () => {
  it('tells players of other teams the pair and its levels, not the team, action or decision that moved it', () => {
    const run = sanctionsRun();
    const [stored] = escalationOf(run.events);
    expect(stored?.payload).toMatchObject({
      cause: 'action',
      teamId: 'south-gov',
      decisionId: 'sanctions-1',
      actionId: 'targeted-sanctions',
    });
    // south-cert shares Southland with the acting team and still does not learn who decided what.
    for (const viewer of [player('north-gov'), player('south-cert'), player('grid-op'), player()]) {
      const seen = escalationOf(eventsSeenBy(run.events, viewer, 0));
      expect(seen.map((e) => e.payload)).toEqual([
        { from: 'southland', to: 'northland', previous: 0, level: 5 },
      ]);
      expect(seen[0]).toMatchObject({
        seq: stored!.seq,
        type: 'escalation.changed',
        exerciseTime: stored!.exerciseTime,
        audience: { kind: 'all' },
      });
      expect(JSON.stringify(eventsSeenBy(run.events, viewer, 0))).not.toMatch(
        /sanctions-1|targeted-sanctions/,
      );
    }
  });

  it('shows the acting team and every staff role the cause of the change', () => {
    const run = sanctionsRun();
    const stored = run.events.find((e) => e.type === 'escalation.changed');
    for (const viewer of [
      player('south-gov'),
      { role: 'controller' as const },
      { role: 'facilitator' as const },
      { role: 'observer' as const },
    ]) {
      expect(escalationOf(eventsSeenBy(run.events, viewer, 0))).toEqual([stored]);
      expect(seenBy(viewer, stored!)).toBe(stored);
    }
  });

  it('leaves the stored log as it was and changes no other event', () => {
    const run = sanctionsRun();
    const before = JSON.stringify(run.events);
    const seen = eventsSeenBy(run.events, player('north-gov'), 0);
    expect(JSON.stringify(run.events)).toBe(before);
    const others = seen.filter((e) => e.type !== 'escalation.changed');
    expect(others.length).toBeGreaterThan(0);
    for (const event of others) expect(run.events).toContain(event);
  });

  it('withholds the cause from other teams under every feedback mode', () => {
    for (const feedback of FEEDBACK_MODES) {
      const run = sanctionsRun(feedback);
      expect(escalationOf(eventsSeenBy(run.events, player('north-gov'), 0)).map((e) => e.payload)).toEqual([
        { from: 'southland', to: 'northland', previous: 0, level: 5 },
      ]);
      expect(escalationOf(eventsSeenBy(run.events, player('south-gov'), 0))[0]?.payload).toMatchObject({
        teamId: 'south-gov',
        decisionId: 'sanctions-1',
      });
    }
  });

  it('gives no player the cause of a change no team made', () => {
    const run = sanctionsRun();
    run.tick(T0 + 81 * MIN);
    const eased = escalationOf(run.events).filter((e) => e.payload.cause === 'easing');
    expect(eased.length).toBeGreaterThan(0);
    const seen = escalationOf(eventsSeenBy(run.events, player('south-gov'), eased[0]!.seq - 1));
    expect(seen[0]?.payload).toEqual({ from: 'southland', to: 'northland', previous: 5, level: 4 });
    expect(
      escalationOf(eventsSeenBy(run.events, { role: 'observer' }, eased[0]!.seq - 1))[0]?.payload,
    ).toMatchObject({ cause: 'easing' });
  });
});
