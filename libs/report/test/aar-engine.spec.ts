import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { maxEscalation, scoreboardFromEvents } from '@ttx/rules';
import { buildAarModel, renderAarJson, renderDecisionsCsv } from '@ttx/report';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { playSyntheticExercise } from '../bench/synthetic-exercise.js';

const root = path.join(import.meta.dirname, '../../..');
const load = (file: string): unknown => parse(readFileSync(path.join(root, file), 'utf8'));
const scenario = scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml'));
const catalogue = catalogueSchema.parse(load('exercises/roe/catalogue.yaml'));
const ruleSet = ruleSetSchema.parse(load('exercises/roe/default.yaml'));

describe('the AAR of an exercise played through the real engine and scoring model', () => {
  const { events, engine } = playSyntheticExercise({ scenario, catalogue, ruleSet, targetEvents: 800, seed: 11 });
  const model = buildAarModel({ scenario, catalogue, ruleSet, events });

  it('gives each team the scores of the rules library\'s scoreboard', () => {
    expect(model.timeline.decisions.length).toBeGreaterThan(20);
    expect(model.teams.some((t) => t.findings.length > 0)).toBe(true);
    const board = scoreboardFromEvents(events, { teams: scenario.teams.map((t) => t.id) });
    expect(model.teams.map((t) => [t.teamId, t.score.total])).toEqual(board.map((s) => [s.teamId, s.total]));
    for (const team of model.teams) {
      const expected = board.find((s) => s.teamId === team.teamId)?.byDimension;
      expect(Object.fromEntries(team.score.dimensions.map((d) => [d.dimension, d.total]))).toEqual(expected);
    }
  });

  it('agrees with the replayed engine state on decisions, findings and escalation', () => {
    const state = engine.replay(events);
    expect(model.timeline.decisions.map((d) => d.decisionId)).toEqual(state.decisions.map((d) => d.decisionId));
    expect(model.teams.reduce((n, t) => n + t.findings.length, 0)).toBe(state.findings.length);
    expect(model.escalation.maxLevel).toBe(maxEscalation(state));
    for (const pair of model.escalation.pairs) expect(pair.level).toBe(state.escalation[pair.key] ?? 0);
    expect(model.asOf.final).toBe(state.status === 'ended');
  });

  it('is the same report before and after the log is stored and replayed', () => {
    const stored = JSON.parse(JSON.stringify(events));
    engine.replay(stored);
    const again = buildAarModel({ scenario, catalogue, ruleSet, events: stored });
    expect(renderAarJson(again)).toBe(renderAarJson(model));
    expect(renderDecisionsCsv(again)).toBe(renderDecisionsCsv(model));
  });
});
