// A scripted exercise through the real engine: the findings, escalation and scores it must produce, exactly.
import { createEngine, type ActionChoice, type ExerciseEvent, type IssuedCommand } from '@ttx/engine';
import { createScoringModel, maxEscalation, scoreboardFromEvents } from '../src/index.js';
import { choose, ctx, minutes, scenario } from './world.js';

const T0 = 1_700_000_000_000;
const controller = { role: 'controller' as const, id: 'white-cell' };

function runScript(): ExerciseEvent[] {
  const engine = createEngine({ ...ctx, scoring: createScoringModel() });
  const state = engine.initialState();
  const events: ExerciseEvent[] = [];
  const issue = (command: IssuedCommand, atMinute: number) => {
    const result = engine.decide(state, command, T0 + minutes(atMinute));
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code} ${result.error.message}`);
    for (const event of result.events) {
      events.push(event);
      engine.apply(state, event);
    }
  };
  const decide = (atMinute: number, teamId: string, injectId: string, actions: ActionChoice[]) =>
    issue({ type: 'decision.submit', decisionId: `${teamId}-${injectId}`, teamId, injectId, actions, rationale: 'Because.', actor: { role: 'player', teamId } }, atMinute);
  const tick = (atMinute: number) => issue({ type: 'clock.tick', actor: controller }, atMinute);

  issue({ type: 'exercise.create', exerciseId: 'golden', name: 'Golden run', actor: controller }, -5);
  issue({ type: 'exercise.start', actor: controller }, 0);
  tick(5);
  decide(7, 'south', 'probe', choose(['activate-hotline', 'north-gov'], ['share-indicators', 'south-grid']));
  decide(8, 'north', 'probe', choose(['disruptive-operation', 'south-cert']));
  tick(20);
  decide(22, 'west', 'help-asked', choose(['offer-assistance', 'south-cert']));
  tick(25);
  decide(26, 'north', 'stop-it', choose(['mitigate-activity-from-territory', 'north-host'], ['activate-hotline', 'south-gov']));
  tick(30);
  decide(32, 'south', 'blackout', choose(['private-demarche', 'north-gov'], ['reversible-countermeasure', 'north-gov']));
  tick(45);
  tick(60);
  return events;
}

describe('a scripted exercise scored by the default rules through the engine', () => {
  const events = runScript();

  const findings = events.flatMap((e) => (e.type === 'findings.recorded' ? e.payload.findings : []));

  it('records these findings, in this order', () => {
    expect(findings.map((f) => [f.teamId, f.injectId, f.ruleId, f.severity, f.delta, f.actionId ?? null])).toEqual([
      ['south', 'probe', 'proportionate-response', 'commendation', 5, null],
      ['south', 'probe', 'crisis-communication', 'commendation', 3, 'activate-hotline'],
      ['south', 'probe', 'share-information', 'commendation', 4, 'share-indicators'],
      ['north', 'probe', 'protect-certs', 'violation', -15, 'disruptive-operation'],
      ['north', 'probe', 'proportionate-response', 'violation', -10, 'disruptive-operation'],
      ['north', 'probe', 'notify-before-escalating', 'concern', -6, 'disruptive-operation'],
      ['north', 'probe', 'due-diligence-on-request', 'concern', -3, null],
      ['west', 'probe', 'timeliness', 'concern', -3, null],
      ['forum', 'probe', 'timeliness', 'concern', -3, null],
      ['west', 'help-asked', 'answer-assistance-requests', 'commendation', 6, 'offer-assistance'],
      ['north', 'stop-it', 'crisis-communication', 'commendation', 3, 'activate-hotline'],
      ['north', 'stop-it', 'due-diligence-on-request', 'commendation', 6, 'mitigate-activity-from-territory'],
      ['south', 'blackout', 'proportionate-response', 'commendation', 5, null],
      ['south', 'blackout', 'countermeasure-preconditions', 'note', 0, 'reversible-countermeasure'],
      ['south', 'blackout', 'notify-before-escalating', 'commendation', 3, 'reversible-countermeasure'],
      ['north', 'blackout', 'due-diligence-on-request', 'concern', -3, null],
      ['north', 'blackout', 'timeliness', 'concern', -3, null],
      ['west', 'blackout', 'timeliness', 'concern', -3, null],
      ['forum', 'blackout', 'timeliness', 'concern', -3, null],
    ]);
  });

  it('explains the worst of them in words a facilitator can read aloud', () => {
    const cert = findings.find((f) => f.ruleId === 'protect-certs');
    expect(cert?.explanation).toBe(
      "Northland cabinet chose Disruptive cyber operation against SL-CERT, the authorised CERT of Southland. CERTs protect everyone's networks and must never be a target (NORM-K).",
    );
  });

  it('moves the escalation levels by the actions, the hotline and time', () => {
    const moves = events.flatMap((e) =>
      e.type === 'escalation.changed' ? [[e.exerciseTime / minutes(1), e.payload.from, e.payload.to, e.payload.previous, e.payload.level, e.payload.cause]] : [],
    );
    expect(moves).toEqual([
      [8, 'northland', 'southland', 0, 7, 'action'],
      [26, 'northland', 'southland', 7, 6, 'cbm'],
      [32, 'southland', 'northland', 0, 6, 'action'],
      [60, 'northland', 'southland', 6, 5, 'easing'],
      [60, 'southland', 'northland', 6, 5, 'easing'],
    ]);
    expect(maxEscalation(events)).toBe(7);
  });

  it('scores the teams from those findings', () => {
    const board = scoreboardFromEvents(events, { teams: scenario.teams.map((t) => t.id) });
    expect(board.map((s) => [s.teamId, s.total])).toEqual([
      ['south', 20],
      ['north', -31],
      ['west', 0],
      ['forum', -6],
    ]);
    expect(board[0].byDimension).toEqual({ restraint: 0, proportionality: 10, 'cbm-use': 6, cooperation: 4, attribution: 0, timeliness: 0 });
    expect(board[1].byDimension).toEqual({ restraint: -15, proportionality: -10, 'cbm-use': -3, cooperation: 0, attribution: 0, timeliness: -3 });
  });

  it('produces the same events when the script runs again', () => {
    expect(runScript()).toEqual(events);
  });
});
