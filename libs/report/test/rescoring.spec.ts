// Re-scoring a real scenario's log: the same rule set gives back the recorded scores and no differences; a rule set
// with a rule dropped and a weight changed gives the findings that differ and scores that follow from them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { scoreboardFromEvents } from '@ttx/rules';
import { exerciseBundle, loadRuleSetFor, parseBundle, parseBundleText, rescore, type RescoreResult } from '@ttx/report';
import { catalogueSchema, ruleSetSchema, scenarioSchema, type RuleSet } from '@ttx/scenario';
import { playSyntheticExercise } from '../bench/synthetic-exercise.js';

const root = path.join(import.meta.dirname, '../../..');
const text = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const scenario = scenarioSchema.parse(parse(text('exercises/grid-dark-winter/scenario.yaml')));
const catalogue = catalogueSchema.parse(parse(text('exercises/roe/catalogue.yaml')));
const ruleSet = ruleSetSchema.parse(parse(text('exercises/roe/default.yaml')));
const { events } = playSyntheticExercise({ scenario, catalogue, ruleSet, targetEvents: 1500, seed: 5 });
const bundle = exerciseBundle({ scenario, catalogue, ruleSet }, events, { id: 'ex-1', name: 'Winter drill' });

function outcomeOf(rules: RuleSet): RescoreResult {
  const outcome = rescore(bundle, rules);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.result;
}

/** The default rule set without one rule and with another's weight doubled. */
function modified(dropped: string, doubled: string): RuleSet {
  return {
    ...ruleSet,
    id: 'modified',
    title: 'Modified',
    rules: ruleSet.rules.filter((r) => r.id !== dropped).map((r) => (r.id === doubled ? { ...r, weight: r.weight * 2 } : r)),
  };
}

/** The two rules that fired most in the log. */
function mostFired(): [string, string] {
  const counts = new Map<string, number>();
  for (const e of events)
    if (e.type === 'findings.recorded') for (const f of e.payload.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  return [first!, second!];
}

describe('re-scoring an exercise bundle', () => {
  it('gives back the recorded scores and no differences under the rule set the log was scored by', () => {
    const result = outcomeOf(ruleSet);
    const board = scoreboardFromEvents(events, { teams: scenario.teams.map((t) => t.id) });
    expect(result.recorded.teams.map((t) => [t.teamId, t.total, t.byDimension])).toEqual(board.map((s) => [s.teamId, s.total, s.byDimension]));
    expect(result.rescored.teams).toEqual(result.recorded.teams);
    expect(result.changes).toEqual([]);
    expect(result.recorded.teams.some((t) => t.findings > 0)).toBe(true);
    expect(result).toMatchObject({ exercise: { id: 'ex-1' }, scenario: { id: 'grid-dark-winter' }, events: events.length });
  });

  it('judges a team marked not played on nothing, as the engine records it', () => {
    const [first] = [...events].filter((e) => e.type === 'findings.recorded').map((e) => (e.payload as { teamId: string }).teamId);
    const started = events.findIndex((e) => e.type === 'exercise.started');
    const mark = { ...events[started]!, type: 'team.play-marked', audience: { kind: 'staff' }, payload: { teamId: first!, played: false } } as (typeof events)[number];
    const marked = [...events.slice(0, started + 1), mark, ...events.slice(started + 1)].map((e, i) => ({ ...e, seq: i + 1 }));
    const outcome = rescore(exerciseBundle({ scenario, catalogue, ruleSet }, marked, { id: 'ex-1', name: 'Winter drill' }), ruleSet);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.result.rescored.teams.find((t) => t.teamId === first)?.findings).toBe(0);
    expect(outcome.result.changes.length).toBeGreaterThan(0);
    expect(outcome.result.changes.every((c) => c.change === 'removed' && c.teamId === first)).toBe(true);
  });

  it('lists the findings a dropped rule and a doubled weight change, each with its team, rule and decision', () => {
    const [dropped, doubled] = mostFired();
    const result = outcomeOf(modified(dropped, doubled));
    expect(result.rescored.ruleSet).toEqual({ id: 'modified', title: 'Modified' });
    const removed = result.changes.filter((c) => c.change === 'removed');
    const changed = result.changes.filter((c) => c.change === 'changed');
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((c) => c.ruleId === dropped && c.after === undefined && c.pointsDelta === -(c.before?.delta ?? 0) + 0)).toBe(true);
    expect(changed.length).toBeGreaterThan(0);
    for (const c of changed) {
      expect(c.ruleId).toBe(doubled);
      expect(c.after!.delta).toBeCloseTo(c.before!.delta * 2, 6);
    }
    const decided = result.changes.find((c) => c.decisionId !== undefined)!;
    const decision = events.find((e) => e.type === 'decision.submitted' && e.payload.decisionId === decided.decisionId);
    expect(decision?.seq).toBe(decided.seq);
    expect(scenario.teams.map((t) => t.id)).toContain(decided.teamId);
  });

  it('moves each team\'s total by exactly the points of its differing findings', () => {
    const [dropped, doubled] = mostFired();
    const result = outcomeOf(modified(dropped, doubled));
    for (const team of result.rescored.teams) {
      const before = result.recorded.teams.find((t) => t.teamId === team.teamId)!;
      const moved = result.changes.filter((c) => c.teamId === team.teamId).reduce((sum, c) => sum + c.pointsDelta, 0);
      expect(team.total).toBeCloseTo(before.total + moved, 1);
    }
    expect(result.rescored.teams.some((t, i) => t.total !== result.recorded.teams[i]!.total)).toBe(true);
  });

  it('adds the findings of a rule the log was not scored by', () => {
    const [dropped] = mostFired();
    const without = { ...modified(dropped, 'none'), id: 'without' };
    const strictBundle = { ...bundle, ruleSet: without, events: rescoredLog(without) };
    const outcome = rescore(strictBundle, ruleSet);
    if (!outcome.ok) throw new Error('rescore refused');
    expect(outcome.result.changes.length).toBeGreaterThan(0);
    expect(outcome.result.changes.every((c) => c.change === 'added' && c.ruleId === dropped)).toBe(true);
  });

  it('survives the bundle being written as JSON and read back', () => {
    const read = parseBundleText(JSON.stringify(bundle));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const again = rescore(read.bundle, modified(...mostFired()));
    expect(again).toEqual(rescore(bundle, modified(...mostFired())));
  });

  it('refuses a rule set that names another catalogue, at the field', () => {
    const outcome = rescore(bundle, { ...ruleSet, catalogue: 'other' });
    expect(outcome).toMatchObject({ ok: false, code: 'RULE_SET_INVALID', problems: [{ path: 'catalogue' }] });
  });
});

/** The log played again under `rules`, for a bundle scored by a rule set without one rule. */
function rescoredLog(rules: RuleSet) {
  return playSyntheticExercise({ scenario, catalogue, ruleSet: rules, targetEvents: 1500, seed: 5 }).events;
}

describe('reading a bundle', () => {
  const json = JSON.parse(JSON.stringify(bundle)) as Record<string, unknown> & { events: Record<string, unknown>[] };

  it('says what is wrong with a file that is not a bundle', () => {
    expect(parseBundleText('{ nope')).toMatchObject({ ok: false, code: 'BUNDLE_INVALID', problems: [{ path: '(root)' }] });
    const outcome = parseBundle({ ...json, format: 'aar' });
    if (outcome.ok) throw new Error('accepted');
    expect(outcome.problems).toEqual([{ path: 'format', message: 'must be "ttx-exercise-bundle" (is this a TTX exercise bundle?)' }]);
    expect(parseBundle({ ...json, version: 2 })).toMatchObject({ ok: false, problems: [{ path: 'version', message: expect.stringMatching(/^must be 1/) }] });
    expect(parseBundle([1, 2])).toMatchObject({ ok: false, problems: [{ path: 'format' }, { path: '(root)' }] });
  });

  it('gives the JSON path of a bad event, a gap in the numbering and a bad part', () => {
    const events = json.events.map((e) => ({ ...e }));
    events[3] = { ...events[3], seq: 99 };
    const decision = events.findIndex((e) => e.type === 'decision.submitted');
    events[decision] = { ...events[decision], payload: { ...(events[decision]!.payload as object), teamId: 7 } };
    const ruleSetWithBadRule = { ...(json.ruleSet as object), rules: 'none' };
    const outcome = parseBundle({ ...json, events, ruleSet: ruleSetWithBadRule });
    if (outcome.ok) throw new Error('accepted');
    const paths = outcome.problems.map((p) => p.path);
    expect(paths).toContain('ruleSet.rules');
    expect(paths).toContain('events[3].seq');
    expect(paths).toContain(`events[${decision}].payload.teamId`);
    expect(outcome.problems.find((p) => p.path === 'events[3].seq')!.message).toBe('is 99, expected 4 (the log is numbered 1, 2, 3… in order)');
  });

  it('positions what the rules library finds in a rule-set file too: an escalation parameter below 0', () => {
    const broken = text('exercises/roe/default.yaml').replace('cbmRelief: 1', 'cbmRelief: -1');
    const loaded = loadRuleSetFor({ path: 'strict.yaml', text: broken }, catalogue);
    if (loaded.ok) throw new Error('accepted');
    const line = broken.slice(0, broken.indexOf('cbmRelief: -1')).split('\n').length;
    expect(loaded.problems).toEqual([expect.objectContaining({ file: 'strict.yaml', line, path: 'escalation.cbmRelief' })]);
  });

  it('names the file, line and column of a problem in a rule-set file', () => {
    const broken = text('exercises/roe/default.yaml').replace('weight: 20', 'weight: lots');
    const loaded = loadRuleSetFor({ path: 'strict.yaml', text: broken }, catalogue);
    if (loaded.ok) throw new Error('accepted');
    expect(loaded.problems[0]).toMatchObject({ file: 'strict.yaml', line: 23, path: 'rules[0].weight' });
  });
});
