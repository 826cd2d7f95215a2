// A scripted exercise through the real engine: the findings, escalation and scores it must produce, exactly.
import { maxEscalation, scoreboardFromEvents } from '../src/index.js';
import { goldenScript, playScript } from './scripted-run.js';
import { minutes, scenario } from './world.js';

describe('a scripted exercise scored by the default rules through the engine', () => {
  const events = playScript(goldenScript());

  const findings = events.flatMap((e) => (e.type === 'findings.recorded' ? e.payload.findings : []));

  it('records these findings, in this order', () => {
    expect(findings.map((f) => [f.teamId, f.injectId, f.ruleId, f.severity, f.delta, f.actionId ?? null])).toEqual([
      ['south', 'probe', 'proportionate-response', 'commendation', 5, null],
      ['south', 'probe', 'crisis-communication', 'commendation', 3, 'activate-hotline'],
      ['south', 'probe', 'share-information', 'commendation', 4, 'share-indicators'],
      ['north', 'probe', 'protect-certs', 'violation', -15, 'disruptive-operation'],
      ['north', 'probe', 'countermeasure-preconditions', 'violation', -10, 'disruptive-operation'],
      ['north', 'probe', 'notify-before-escalating', 'concern', -6, 'disruptive-operation'],
      ['north', 'probe', 'due-diligence-on-request', 'concern', -3, null],
      ['west', 'probe', 'timeliness', 'concern', -3, null],
      ['forum', 'probe', 'timeliness', 'concern', -3, null],
      ['west', 'help-asked', 'answer-assistance-requests', 'commendation', 6, 'offer-assistance'],
      ['north', 'stop-it', 'crisis-communication', 'commendation', 3, 'activate-hotline'],
      ['north', 'stop-it', 'due-diligence-on-request', 'commendation', 6, 'mitigate-activity-from-territory'],
      ['south', 'blackout', 'countermeasure-preconditions', 'violation', -10, 'reversible-countermeasure'],
      ['north', 'blackout', 'due-diligence-on-request', 'concern', -3, null],
      ['north', 'blackout', 'timeliness', 'concern', -3, null],
      ['west', 'blackout', 'timeliness', 'concern', -3, null],
      ['forum', 'blackout', 'timeliness', 'concern', -3, null],
    ]);
  });

  it('explains why a countermeasure decided with its own démarche is not lawful', () => {
    const unlawful = findings.find((f) => f.teamId === 'south' && f.ruleId === 'countermeasure-preconditions');
    expect(unlawful?.explanation).toContain('Call to comply: not met — the demand in this same decision left Northland no time to comply.');
    expect(unlawful?.explanation).toContain("⇒ Not a lawful countermeasure: a violation of Northland's sovereignty (TM2-R4).");
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
      ['south', 2],
      ['north', -31],
      ['west', 0],
      ['forum', -6],
    ]);
    expect(board[0].byDimension).toEqual({ restraint: 0, proportionality: -5, 'cbm-use': 3, cooperation: 4, attribution: 0, timeliness: 0 });
    expect(board[1].byDimension).toEqual({ restraint: -15, proportionality: -10, 'cbm-use': -3, cooperation: 0, attribution: 0, timeliness: -3 });
  });

  it('produces the same events when the script runs again', () => {
    expect(playScript(goldenScript())).toEqual(events);
  });
});
