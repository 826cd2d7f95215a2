// A team nobody plays is not judged by any rule while it is marked not played; once it plays again, it is judged
// from then on, and deadlines that fell due while it was marked not played stay unpenalised.
import { createEngine, type ActionChoice, type ExerciseEvent, type IssuedCommand } from '@ttx/engine';
import { createScoringModel, scoreboardFromEvents } from '../src/index.js';
import { choose, ctx, minutes, scenario } from './world.js';

const T0 = 1_700_000_000_000;
const controller = { role: 'controller' as const, id: 'white-cell' };

function runScript(marks: { atMinute: number; teamId: string; played: boolean; reason?: string }[]): ExerciseEvent[] {
  const engine = createEngine({ ...ctx, scoring: createScoringModel() });
  const state = engine.initialState();
  const events: ExerciseEvent[] = [];
  const script: [number, IssuedCommand][] = [];
  const issue = (atMinute: number, command: IssuedCommand) => script.push([atMinute, command]);
  const decide = (atMinute: number, teamId: string, injectId: string, actions: ActionChoice[]) =>
    issue(atMinute, { type: 'decision.submit', decisionId: `${teamId}-${injectId}`, teamId, injectId, actions, rationale: 'Because.', actor: controller });
  const tick = (atMinute: number) => issue(atMinute, { type: 'clock.tick', actor: controller });

  issue(-5, { type: 'exercise.create', exerciseId: 'unplayed', name: 'Unplayed run', actor: controller });
  issue(0, { type: 'exercise.start', actor: controller });
  for (const { atMinute, teamId, played, reason } of marks)
    issue(atMinute, { type: 'team.mark-played', teamId, played, ...(reason !== undefined ? { reason } : {}), actor: controller });
  tick(5);
  decide(7, 'south', 'probe', choose(['activate-hotline', 'north-gov'], ['share-indicators', 'south-grid']));
  decide(8, 'north', 'probe', choose(['disruptive-operation', 'south-cert']));
  tick(20);
  decide(22, 'west', 'help-asked', choose(['offer-assistance', 'south-cert']));
  tick(25);
  tick(30);
  decide(32, 'south', 'blackout', choose(['private-demarche', 'north-gov'], ['reversible-countermeasure', 'north-gov']));
  tick(45);
  tick(60);
  // Stable order: by minute, then as listed.
  script.sort((a, b) => a[0] - b[0]);
  for (const [atMinute, command] of script) {
    const result = engine.decide(state, command, T0 + minutes(atMinute));
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code} ${result.error.message}`);
    for (const event of result.events) {
      events.push(event);
      engine.apply(state, event);
    }
  }
  return events;
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
      ['south', true, 20],
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
