import type { Finding } from '@ttx/engine';
import {
  escalationBand,
  escalationCellDescription,
  escalationCellText,
  escalationMatrix,
  escalationSeries,
} from './escalation.js';
import { eventAt } from './event-fixtures.spec-helper.js';
import { foldEvents } from './exercise-view.js';

const finding = (teamId: string, delta: number, dimension: Finding['dimension']): Finding => ({
  ruleId: 'r',
  ruleKind: 'k',
  cites: ['CBM-3'],
  delta,
  severity: 'note',
  dimension,
  explanation: 'x',
  teamId,
});

describe('scoreboard', () => {
  it('sums findings and adjustments by team and dimension, teams without findings at zero', () => {
    const view = foldEvents([
      eventAt(1, 'findings.recorded', {
        teamId: 'north',
        findings: [finding('north', 5, 'cbm-use'), finding('north', -3, 'restraint')],
      }),
      eventAt(2, 'score.adjusted', {
        adjustmentId: 'a',
        teamId: 'north',
        dimension: 'restraint',
        delta: 2,
        reason: 'context',
      }),
    ]);
    const [north, south] = view.scores.scores(['north', 'south']);
    expect(north.total).toBe(4);
    expect(north.byDimension['cbm-use']).toBe(5);
    expect(north.byDimension.restraint).toBe(-1);
    expect([north.findings.length, north.adjustments.length]).toEqual([2, 1]);
    expect(south.total).toBe(0);
  });

  it('rounds each dimension to two decimals after summing, as the server does', () => {
    const tenths = [0.1, 0.2].map((delta) => finding('north', delta, 'cooperation'));
    const view = foldEvents([eventAt(1, 'findings.recorded', { teamId: 'north', findings: tenths })]);
    expect(view.scores.scores(['north'])[0].byDimension.cooperation).toBe(0.3);
  });
});

describe('escalation picture', () => {
  const states = [
    { id: 'n', name: 'Northland' },
    { id: 's', name: 'Southland' },
  ];
  const view = foldEvents([
    eventAt(1, 'escalation.changed', { from: 'n', to: 's', previous: 0, level: 4, cause: 'action' }, 60_000),
    eventAt(2, 'escalation.changed', { from: 'n', to: 's', previous: 4, level: 2, cause: 'easing' }, 120_000),
    eventAt(3, 'escalation.changed', { from: 's', to: 'n', previous: 0, level: 1, cause: 'action' }, 120_000),
  ]);

  it('has a cell for every ordered pair of distinct states with its level and peak', () => {
    expect(escalationMatrix(view, states)).toEqual([
      { from: 'n', to: 's', level: 2, peak: 4 },
      { from: 's', to: 'n', level: 1, peak: 1 },
    ]);
  });

  it('always shows the peak in brackets, also when the level is at its peak or has never moved', () => {
    const [northToSouth, southToNorth] = escalationMatrix(view, states);
    expect(escalationCellText(northToSouth)).toBe('ESC-2 (4)');
    expect(escalationCellText(southToNorth)).toBe('ESC-1 (1)');
    expect(escalationCellText({ from: 'a', to: 'b', level: 0, peak: 0 })).toBe('ESC-0 (0)');
    expect(escalationCellDescription(northToSouth, 'Northland', 'Southland')).toBe(
      'Northland toward Southland: now ESC-2, peak so far ESC-4',
    );
  });

  it('gives one chart row per change in minutes, carrying every pair forward to now', () => {
    expect(escalationSeries(view, ['n>s', 's>n'], 180_000)).toEqual([
      { minute: 0, 'n>s': 0, 's>n': 0 },
      { minute: 1, 'n>s': 4, 's>n': 0 },
      { minute: 2, 'n>s': 2, 's>n': 1 },
      { minute: 3, 'n>s': 2, 's>n': 1 },
    ]);
  });

  it('shows a player the level and peak of changes another team caused, which arrive without their cause', () => {
    const told = foldEvents([
      eventAt(1, 'escalation.changed', { from: 'n', to: 's', previous: 0, level: 4 }, 60_000),
      eventAt(2, 'escalation.changed', { from: 'n', to: 's', previous: 4, level: 2 }, 120_000),
    ]);
    const [northToSouth] = escalationMatrix(told, states);
    expect(escalationCellText(northToSouth)).toBe('ESC-2 (4)');
    expect(
      told.escalation.changes().map(({ exerciseTime, pair, level, cause }) => ({
        exerciseTime,
        pair,
        level,
        cause,
      })),
    ).toEqual([
      { exerciseTime: 60_000, pair: 'n>s', level: 4, cause: undefined },
      { exerciseTime: 120_000, pair: 'n>s', level: 2, cause: undefined },
    ]);
    expect(escalationSeries(told, ['n>s'], 120_000).map((row) => row['n>s'])).toEqual([0, 4, 2]);
  });

  it('bands levels from cooperative to armed', () => {
    expect([0, 2, 5, 9].map(escalationBand)).toEqual(['green', 'yellow', 'orange', 'red']);
  });
});
