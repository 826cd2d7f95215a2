import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { maxEscalation, scoreboardFromEvents } from '@ttx/rules';
import { buildAarModel, renderAarHtml, renderAarJson, renderDecisionsCsv } from '@ttx/report';
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

describe('the verdict on each action in every form of the review', () => {
  const { events } = playSyntheticExercise({ scenario, catalogue, ruleSet, targetEvents: 800, seed: 11 });
  const model = buildAarModel({ scenario, catalogue, ruleSet, events });
  const judged = model.timeline.decisions.filter((d) => d.verdicts.length > 0);

  it('gives every decision one verdict per action, as the engine recorded them', () => {
    expect(judged.length).toBe(model.timeline.decisions.length);
    const key = (x: { actionId: string; targetId?: string }) => `${x.actionId}:${x.targetId ?? ''}`;
    for (const d of judged) expect(d.verdicts.map(key)).toEqual([...new Set(d.actions.map(key))]);
    const recorded = events.flatMap((e) => (e.type === 'findings.recorded' && e.payload.verdicts ? [[e.payload.decisionId, e.payload.verdicts] as const] : []));
    expect(Object.fromEntries(judged.map((d) => [d.decisionId, d.verdicts]))).toEqual(Object.fromEntries(recorded));
  });

  it('lists verdicts and characters in decisions.csv in the order of the actions', () => {
    const [header, ...rows] = renderDecisionsCsv(model).trim().split('\r\n');
    const columns = header!.split(',');
    const d = judged[0]!;
    const row = rows.find((r) => r.includes(`,${d.decisionId},`))!.split(',');
    expect(row[columns.indexOf('verdicts')]).toBe(d.verdicts.map((v) => v.verdict).join(';'));
    expect(row[columns.indexOf('characters')]).toBe(d.verdicts.map((v) => v.character).join(';'));
  });

  it('shows each action with its verdict in the HTML decisions table and carries the summary in JSON', () => {
    const html = renderAarHtml(model);
    const d = judged[0]!;
    const v = d.verdicts[0]!;
    const a = d.actions.find((x) => x.actionId === v.actionId && x.targetId === v.targetId)!;
    const escaped = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    expect(html).toContain(escaped(`${a.actionName} [${a.rung}]${a.targetName ? ` against ${a.targetName}` : ''}: ${v.verdict}, ${v.character}`));
    const json = JSON.parse(renderAarJson(model)) as { timeline: { decisions: { verdicts: { summary: string }[] }[] } };
    expect(json.timeline.decisions[0]!.verdicts[0]!.summary).toMatch(/^Characterised as /);
  });
});
