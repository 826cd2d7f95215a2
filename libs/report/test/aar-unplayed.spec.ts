import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExerciseEvent } from '@ttx/engine';
import { buildAarModel, buildTeamDebrief, renderAarHtml, renderAarJson, renderAarPdf, renderDecisionsCsv, type DECISION_COLUMNS } from '@ttx/report';
import { goldenEvents } from '../fixtures/golden-exercise.js';
import { goldenInput } from './golden.js';

const controller = { role: 'controller' as const, id: 'ctl-ana' };

/** The golden log with play marks put in just before the end, numbered again. */
function withMarks(...marks: { teamId: string; played: boolean; reason?: string }[]): ExerciseEvent[] {
  const events = goldenEvents();
  const end = events.findIndex((e) => e.type === 'exercise.ended');
  const before = events[end - 1];
  const inserted = marks.map(
    (payload): ExerciseEvent => ({ seq: 0, type: 'team.play-marked', at: before.at, exerciseTime: before.exerciseTime, audience: { kind: 'staff' }, actor: controller, payload }),
  );
  return [...events.slice(0, end), ...inserted, ...events.slice(end)].map((e, i) => ({ ...e, seq: i + 1 }));
}

describe('the review of an exercise in which a team was not played', () => {
  const everyone = buildAarModel(goldenInput());
  const model = buildAarModel(goldenInput({ events: withMarks({ teamId: 'south', played: false, reason: 'No delegation came' }) }));
  const south = model.teams.find((t) => t.teamId === 'south');
  const north = model.teams.find((t) => t.teamId === 'north');

  it('says the team was not played, with the reason, and gives it no score and no findings', () => {
    expect(everyone.teams.find((t) => t.teamId === 'south')?.findings.length).toBeGreaterThan(0);
    expect(south).toMatchObject({ played: false, notPlayedReason: 'No delegation came', findings: [], findingCounts: { commendation: 0, note: 0, concern: 0, violation: 0 } });
    expect(south?.score.total).toBe(0);
    expect(south?.score.dimensions.every((d) => d.total === 0 && d.fromRules === 0)).toBe(true);
    expect(north).toEqual({ ...everyone.teams.find((t) => t.teamId === 'north'), played: true });
  });

  it('draws no strength, area for improvement or improvement-plan item from its findings', () => {
    expect(everyone.areasForImprovement.some((a) => a.teamId === 'south')).toBe(true);
    expect(everyone.improvementPlan.some((i) => i.teamId === 'south')).toBe(true);
    expect([...model.strengths, ...model.areasForImprovement].filter((j) => j.teamId === 'south')).toEqual([]);
    expect(model.improvementPlan.filter((i) => i.teamId === 'south' || i.source === 'drafted' && i.responsibleOrganisation === 'Southland Government')).toEqual([]);
    expect(model.areasForImprovement.filter((a) => a.teamId === 'north')).toEqual(everyone.areasForImprovement.filter((a) => a.teamId === 'north').map((a) => ({ ...a, id: expect.any(String) })));
  });

  it('keeps its decisions in the timeline without their findings, and leaves its findings out of the objectives and rule counts', () => {
    const decisions = model.timeline.decisions.filter((d) => d.teamId === 'south');
    expect(decisions.map((d) => d.decisionId)).toEqual(['d1', 'd3']);
    expect(decisions.map((d) => [d.findings, d.scoreDelta])).toEqual([[[], 0], [[], 0]]);
    expect(model.timeline.decisions.find((d) => d.decisionId === 'd2')?.findings).toEqual(['hotline-first']);
    for (const objective of model.objectives) expect(objective.byTeam.map((b) => b.teamId)).not.toContain('south');
    const fired = Object.fromEntries(model.appendix.ruleSet.rules.map((r) => [r.id, r.fired]));
    expect(fired).toMatchObject({ attribution: 0, 'protect-ci': 0, 'on-time': 0, 'hotline-first': 1, help: 1 });
  });

  it('lists the mark among the controller actions, in words', () => {
    expect(model.timeline.controllerActions.filter((c) => c.type === 'team.play-marked').map((c) => c.summary)).toEqual([
      'Southland Government marked not played: No delegation came',
    ]);
  });

  it('shows "not played" in the JSON, the decisions CSV, the HTML and the PDF', async () => {
    const json = JSON.parse(renderAarJson(model)) as { schemaVersion: number; teams: { teamId: string; played: boolean }[] };
    expect(json.schemaVersion).toBe(3);
    expect(json.teams.map((t) => [t.teamId, t.played])).toEqual([['north', true], ['south', false]]);

    const [header, ...rows] = renderDecisionsCsv(model).trimEnd().split('\r\n');
    const column = (name: (typeof DECISION_COLUMNS)[number]) => header.split(',').indexOf(name);
    const byDecision = new Map(rows.map((r) => r.split(',')).map((cells) => [cells[column('decisionId')], cells]));
    expect(byDecision.get('d1')?.[column('teamPlayed')]).toBe('false');
    expect(byDecision.get('d1')?.[column('findings')]).toBe('');
    expect(byDecision.get('d2')?.[column('teamPlayed')]).toBe('true');

    const html = renderAarHtml(model);
    expect(html).toContain('<h3 id="team-south">Southland Government (Southland): not played</h3>');
    expect(html).toContain('Southland Government was not played (No delegation came): it has no score, no findings and no improvement-plan items.');
    expect(html).not.toContain('attributed publicly before the evidence supported it');

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ttx-aar-unplayed-')), 'aar.pdf');
    writeFileSync(file, await renderAarPdf(model));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Southland Government (Southland): not played');
    expect(text).toContain('Southland Government (not played)');
    expect(text).not.toContain('attributed publicly before the evidence supported it');
  });

  it("gives the team's own debrief the same: not played, nothing to improve", () => {
    const debrief = buildTeamDebrief(model, 'south');
    if (!debrief.ok) throw new Error(debrief.error.message);
    expect(debrief.model.teams.map((t) => [t.teamId, t.played])).toEqual([['south', false]]);
    expect(debrief.model.areasForImprovement).toEqual([]);
    expect(debrief.model.improvementPlan).toEqual([]);
  });

  it('shows a team marked played again as played, with its findings', () => {
    const again = buildAarModel(goldenInput({ events: withMarks({ teamId: 'south', played: false }, { teamId: 'south', played: true, reason: 'Arrived late' }) }));
    const team = again.teams.find((t) => t.teamId === 'south');
    expect(team?.played).toBe(true);
    expect(team?.notPlayedReason).toBeUndefined();
    expect(team?.findings).toHaveLength(everyone.teams.find((t) => t.teamId === 'south')?.findings.length ?? -1);
    expect(again.areasForImprovement.map((a) => a.title)).toEqual(everyone.areasForImprovement.map((a) => a.title));
  });
});
