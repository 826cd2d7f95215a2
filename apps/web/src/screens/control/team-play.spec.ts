import { mayIssue } from '@ttx/engine';
import { eventAt } from '../../exercise/event-fixtures.spec-helper.js';
import { foldEvents } from '../../exercise/exercise-view.js';
import { playMarkRequest, teamPlayRows } from './team-play.js';

const teams = [
  { id: 'north', name: 'Northland government' },
  { id: 'south', name: 'Southland government' },
];

describe('the teams played, on the control screen', () => {
  it('lists every team as played until a controller marks one not played, with its reason', () => {
    expect(teamPlayRows(teams, foldEvents([]).scores)).toEqual([
      { teamId: 'north', name: 'Northland government', played: true },
      { teamId: 'south', name: 'Southland government', played: true },
    ]);
    const view = foldEvents([eventAt(1, 'team.play-marked', { teamId: 'south', played: false, reason: 'Nobody came' })]);
    expect(teamPlayRows(teams, view.scores)[1]).toEqual({ teamId: 'south', name: 'Southland government', played: false, reason: 'Nobody came' });
  });

  it('shows a team marked played again as played, without the old reason', () => {
    const view = foldEvents([
      eventAt(1, 'team.play-marked', { teamId: 'south', played: false, reason: 'Nobody came' }),
      eventAt(2, 'team.play-marked', { teamId: 'south', played: true }),
    ]);
    expect(teamPlayRows(teams, view.scores)[1]).toEqual({ teamId: 'south', name: 'Southland government', played: true });
  });

  it('puts "not played" on the scoreboard line of a team marked so, whatever was scored before', () => {
    const view = foldEvents([
      eventAt(1, 'findings.recorded', {
        teamId: 'south',
        findings: [{ ruleId: 'r', ruleKind: 'timeliness', cites: ['HSEEP'], delta: -3, severity: 'concern', dimension: 'timeliness', explanation: 'Late.', teamId: 'south' }],
      }),
      eventAt(2, 'team.play-marked', { teamId: 'south', played: false }),
    ]);
    const [north, south] = view.scores.scores(['north', 'south']);
    expect([north.played, south.played, south.notPlayedReason]).toEqual([true, false, undefined]);
  });

  it('flips the mark, sending a reason only when it says something', () => {
    expect(playMarkRequest({ played: true }, '')).toEqual({ ok: true, body: { played: false } });
    expect(playMarkRequest({ played: true }, '  Nobody came ')).toEqual({ ok: true, body: { played: false, reason: 'Nobody came' } });
    expect(playMarkRequest({ played: false }, 'Arrived late')).toEqual({ ok: true, body: { played: true, reason: 'Arrived late' } });
    expect(playMarkRequest({ played: true }, '   ')).toEqual({ ok: false, problem: 'A reason needs words: leave it empty or say why.' });
    expect(playMarkRequest({ played: true }, 'x'.repeat(2001))).toEqual({ ok: false, problem: 'A reason may be at most 2,000 characters.' });
  });

  it('is offered to controllers only, as the command table says', () => {
    expect(['controller', 'facilitator', 'observer', 'player'].filter((role) => mayIssue(role as never, 'team.mark-played'))).toEqual(['controller']);
  });
});
