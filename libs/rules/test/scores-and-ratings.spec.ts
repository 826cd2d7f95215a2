import type { ExerciseEvent, Finding } from '@ttx/engine';
import { maxEscalation, scoreboard, scoreboardFromEvents, suggestRatings } from '../src/index.js';
import { scenario } from './world.js';

const finding = (teamId: string, delta: number, severity: Finding['severity'], dimension: Finding['dimension'], injectId?: string): Finding => ({
  ruleId: `r-${severity}`,
  ruleKind: 'share-information',
  cites: ['NORM-D'],
  delta,
  severity,
  dimension,
  explanation: 'x',
  teamId,
  ...(injectId ? { injectId } : {}),
});
const envelope = <E extends ExerciseEvent>(seq: number, type: E['type'], payload: E['payload']) =>
  ({ seq, type, at: 0, exerciseTime: 0, audience: { kind: 'staff' }, payload }) as ExerciseEvent;

describe('the scoreboard', () => {
  it('sums findings per team and dimension, listing every team asked for', () => {
    const board = scoreboard({ findings: [finding('south', 4, 'commendation', 'cooperation'), finding('south', -2.5, 'concern', 'cbm-use'), finding('north', -20, 'violation', 'restraint')] }, { teams: ['south', 'north', 'west'] });
    expect(board.map((s) => [s.teamId, s.total, s.byDimension.cooperation, s.byDimension['cbm-use'], s.byDimension.restraint])).toEqual([
      ['south', 1.5, 4, -2.5, 0],
      ['north', -20, 0, 0, -20],
      ['west', 0, 0, 0, 0],
    ]);
  });

  it("adds a controller's adjustment beside the findings, never in place of them", () => {
    const events = [
      envelope(1, 'findings.recorded', { teamId: 'north', findings: [finding('north', -20, 'violation', 'restraint')] }),
      envelope(2, 'score.adjusted', { adjustmentId: 'a1', teamId: 'north', dimension: 'restraint', delta: 10, reason: 'The white cell allowed the strike.' }),
      envelope(3, 'escalation.changed', { from: 'northland', to: 'southland', previous: 0, level: 8, cause: 'action' }),
    ];
    const [north] = scoreboardFromEvents(events, { teams: ['north'] });
    expect(north).toMatchObject({ total: -10, fromFindings: -20, byDimension: expect.objectContaining({ restraint: -10 }) });
    expect(north.findings).toHaveLength(1);
    expect(north.adjustments).toEqual([expect.objectContaining({ delta: 10, reason: 'The white cell allowed the strike.' })]);
    expect(maxEscalation(events)).toBe(8);
    expect(maxEscalation({ escalationPeak: { 'a>b': 3 } })).toBe(3);
  });
});

describe('suggested HSEEP ratings', () => {
  const rate = (findings: Finding[]) => Object.fromEntries(suggestRatings(scenario, findings).map((r) => [r.objectiveId, r.rating]));

  it('rates an objective from the findings on the injects serving it', () => {
    expect(rate([finding('south', 4, 'commendation', 'cooperation', 'probe')])).toEqual({ 'obj-deescalate': 'P', 'obj-share': undefined, 'obj-unused': undefined });
    expect(rate([finding('south', 4, 'commendation', 'cooperation', 'probe'), finding('south', -3, 'concern', 'timeliness', 'blackout')])['obj-deescalate']).toBe('S');
    expect(rate([finding('south', 4, 'commendation', 'cooperation', 'probe'), finding('north', -20, 'violation', 'restraint', 'blackout')])['obj-deescalate']).toBe('M');
    expect(rate([finding('north', -20, 'violation', 'restraint', 'probe'), finding('north', -3, 'concern', 'timeliness', 'probe')])['obj-deescalate']).toBe('U');
  });

  it('explains its reasoning and leaves unscored objectives to the evaluator', () => {
    const [deescalate, share, unused] = suggestRatings(scenario, [finding('north', -20, 'violation', 'restraint', 'probe'), finding('north', 4, 'commendation', 'cooperation', 'news')]);
    expect(deescalate.reasoning).toBe('1 finding on 2 injects serving this objective: 0 commendations, 0 concerns, 1 violation (net -20). Challenges came from r-violation.');
    expect(share.reasoning).toContain('No scored decision answered the injects serving this objective');
    expect(unused.reasoning).toContain('No inject lists this objective');
  });
});
