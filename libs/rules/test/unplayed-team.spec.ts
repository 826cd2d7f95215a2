// A team nobody plays is not judged by any rule while it is marked not played; once it plays again, it is judged
// from then on, and deadlines that fell due while it was marked not played stay unpenalised.
import type { ExerciseEvent } from '@ttx/engine';
import { scoreboardFromEvents } from '../src/index.js';
import { goldenScript, playScript, type ScriptStep, whiteCell } from './scripted-run.js';
import { minutes, scenario } from './world.js';

function runScript(marks: { atMinute: number; teamId: string; played: boolean; reason?: string }[]): ExerciseEvent[] {
  // The golden run, decisions entered by the white cell and Northland's answer to "stop-it" left out.
  const steps: ScriptStep[] = goldenScript({ decidedBy: whiteCell, without: ['stop-it'] });
  // Marks go after the start, before anything else of their minute.
  const marked = marks.map(({ atMinute, teamId, played, reason }): ScriptStep => [atMinute, { type: 'team.mark-played', teamId, played, ...(reason !== undefined ? { reason } : {}), actor: whiteCell }]);
  return playScript([...steps.slice(0, 2), ...marked, ...steps.slice(2)]);
}

const findingsOf = (events: ExerciseEvent[], teamId: string) =>
  events.flatMap((e) => (e.type === 'findings.recorded' && e.payload.teamId === teamId ? e.payload.findings : []));
const teams = scenario.teams.map((t) => t.id);

describe('a team marked not played, scored by the default rules through the engine', () => {
  const everyonePlays = runScript([]);
  const forumAbsent = runScript([{ atMinute: 1, teamId: 'forum', played: false, reason: 'No delegate came' }]);

  it('gives the team no findings at all, though its deadlines pass', () => {
    expect(findingsOf(everyonePlays, 'forum').map((f) => [f.injectId, f.ruleId])).toEqual([
      ['probe', 'timeliness'],
      ['blackout', 'timeliness'],
    ]);
    expect(forumAbsent.filter((e) => e.type === 'inject.deadline-missed' && e.payload.teamId === 'forum')).toHaveLength(2);
    expect(findingsOf(forumAbsent, 'forum')).toEqual([]);
  });

  it('leaves the findings of the teams that play as they were', () => {
    for (const teamId of ['south', 'north', 'west']) expect(findingsOf(forumAbsent, teamId)).toEqual(findingsOf(everyonePlays, teamId));
  });

  it('puts "not played" on its scoreboard line, with the reason, instead of a score', () => {
    const board = scoreboardFromEvents(forumAbsent, { teams });
    expect(board.map((s) => [s.teamId, s.played, s.total])).toEqual([
      ['south', true, 2],
      ['north', true, -40],
      ['west', true, 0],
      ['forum', false, 0],
    ]);
    expect(board[3].notPlayedReason).toBe('No delegate came');
    expect(board[2].notPlayedReason).toBeUndefined();
  });

  it('still moves the escalation levels by the decisions entered for a team not played, as they belong to its state', () => {
    const northAbsent = runScript([{ atMinute: 1, teamId: 'north', played: false }]);
    const moves = (events: ExerciseEvent[]) =>
      events.flatMap((e) => (e.type === 'escalation.changed' ? [[e.exerciseTime, e.payload.from, e.payload.to, e.payload.level]] : []));
    expect(findingsOf(northAbsent, 'north')).toEqual([]);
    expect(moves(northAbsent)).toEqual(moves(everyonePlays));
    expect(moves(northAbsent)[0]).toEqual([minutes(8), 'northland', 'southland', 7]);
  });

  it('judges a team marked played again from then on, leaving unpenalised what fell due while it was not played', () => {
    const late = runScript([
      { atMinute: 1, teamId: 'west', played: false },
      { atMinute: 40, teamId: 'west', played: true, reason: 'Arrived late' },
    ]);
    // Played throughout, west misses the probe's deadline (minute 20), is commended for its help (22) and misses the blackout's (45).
    expect(findingsOf(everyonePlays, 'west').map((f) => [f.injectId, f.ruleId])).toEqual([
      ['probe', 'timeliness'],
      ['help-asked', 'answer-assistance-requests'],
      ['blackout', 'timeliness'],
    ]);
    expect(findingsOf(late, 'west').map((f) => [f.injectId, f.ruleId])).toEqual([['blackout', 'timeliness']]);
    const west = scoreboardFromEvents(late, { teams }).find((s) => s.teamId === 'west');
    expect([west?.played, west?.total]).toEqual([true, -3]);
  });
});
