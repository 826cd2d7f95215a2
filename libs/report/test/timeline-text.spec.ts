// Schema version 2 leaves the summary out of a decision's entry and a findings entry, which point at their records;
// `timelineText` words them from those records, as version 1 wrote them, for the staff and for every team's debrief.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildAarModel, buildTeamDebrief, timelineText, type AarModel } from '@ttx/report';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { playSyntheticExercise } from '../bench/synthetic-exercise.js';
import { goldenModel } from './golden.js';

const root = path.join(import.meta.dirname, '../../..');
const load = (file: string): unknown => parse(readFileSync(path.join(root, file), 'utf8'));

function played(): AarModel {
  const scenario = scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml'));
  const catalogue = catalogueSchema.parse(load('exercises/roe/catalogue.yaml'));
  const ruleSet = ruleSetSchema.parse(load('exercises/roe/default.yaml'));
  const { events } = playSyntheticExercise({ scenario, catalogue, ruleSet, targetEvents: 1500, seed: 11 });
  return buildAarModel({ scenario, catalogue, ruleSet, events });
}

function debriefs(model: AarModel): AarModel[] {
  return model.teams.map((t) => {
    const debrief = buildTeamDebrief(model, t.teamId);
    if (!debrief.ok) throw new Error(debrief.error.message);
    return debrief.model;
  });
}

describe('the timeline in words', () => {
  const golden = goldenModel();

  it('words decisions and findings from the records their entries point at', () => {
    const text = timelineText(golden);
    const at = (seq: number) => golden.timeline.entries.find((e) => e.seq === seq)!;
    expect(at(7)).toMatchObject({ type: 'decision.submitted', decisionId: 'd1' });
    expect(at(7).summary).toBeUndefined();
    expect(text(at(7))).toBe(
      'Southland Government decided: Public Attribution (Northland Foreign Ministry). Rationale: Name them <b>now</b> & "loudly"',
    );
    expect(at(8)).toMatchObject({ type: 'findings.recorded', decisionId: 'd1' });
    expect(text(at(8))).toBe(
      'Findings for Southland Government: attribution violation -10; hotline-first concern -5',
    );
    expect(text(at(11))).toBe('Findings for Northland Government: hotline-first commendation +5');
  });

  it.each([
    ['the golden exercise', goldenModel],
    ['a played exercise', played],
  ])('gives every entry of %s one line, for the staff and in every debrief', (_name, build) => {
    const model = build();
    for (const m of [model, ...debriefs(model)]) {
      const text = timelineText(m);
      const teams = new Map(m.overview.teams.map((t) => [t.id, t.name]));
      const decisions = new Map(m.timeline.decisions.map((d) => [d.decisionId, d]));
      const findingSeqs = new Set(m.teams.flatMap((t) => t.findings.map((f) => `${t.teamId}@${f.seq}`)));
      for (const e of m.timeline.entries) {
        const line = text(e);
        if (e.type === 'decision.submitted') {
          expect(e.summary).toBeUndefined();
          const decision = decisions.get(e.decisionId!)!;
          expect(decision.seq).toBe(e.seq);
          expect(line.startsWith(`${teams.get(decision.teamId)} decided: `)).toBe(true);
          expect(line.endsWith(`. Rationale: ${decision.rationale}`)).toBe(true);
        } else if (e.type === 'findings.recorded') {
          expect(e.summary).toBeUndefined();
          // A decision's findings event carries its verdicts even when no rule found anything on it.
          const verdicts = e.decisionId !== undefined ? (decisions.get(e.decisionId)?.verdicts ?? []) : [];
          expect(findingSeqs.has(`${e.teamId}@${e.seq}`) || verdicts.length > 0).toBe(true);
          expect(line).toMatch(
            new RegExp(
              `^Findings for ${teams.get(e.teamId!)}(: \\S+ (commendation|note|concern|violation) [+-]?\\d.*)?( — verdicts: [a-z-]+ (violation|concern|acceptable|commendation)(, [a-z-]+ (violation|concern|acceptable|commendation))*)?$`,
            ),
          );
        } else {
          expect(e.decisionId).toBeUndefined();
          expect(line).toBe(e.summary);
        }
      }
    }
  });

  it('names the team and the decision when the decision is not in the model', () => {
    const entry = golden.timeline.entries.find((e) => e.decisionId === 'd1')!;
    const text = timelineText({ ...golden, timeline: { ...golden.timeline, decisions: [] }, teams: [] });
    expect(text(entry)).toBe('Southland Government decided (d1)');
    expect(text(golden.timeline.entries.find((e) => e.seq === 8)!)).toBe('Findings for Southland Government');
  });
});
