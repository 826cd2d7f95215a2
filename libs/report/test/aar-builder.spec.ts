// The incremental builder: a review as of any position is the one buildAarModel gives for it, however the builder got
// there, and a review it handed out stays as it was while the builder folds on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ExerciseEvent } from '@ttx/engine';
import { AarBuilder, type AarModel, buildAarModel, renderAarJson } from '@ttx/report';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { playSyntheticExercise } from '../bench/synthetic-exercise.js';
import { goldenInput } from './golden.js';

const { events, ...context } = goldenInput();
const seqs = events.map((e) => e.seq);
/** The grid scenario with the shared catalogue and rule set, to play through the engine. */
function loadPlayed() {
  const root = path.join(import.meta.dirname, '../../..');
  const load = (file: string): unknown => parse(readFileSync(path.join(root, file), 'utf8'));
  return {
    scenario: scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml')),
    catalogue: catalogueSchema.parse(load('exercises/roe/catalogue.yaml')),
    ruleSet: ruleSetSchema.parse(load('exercises/roe/default.yaml')),
  };
}

const oneShot = (seq?: number) => renderAarJson(buildAarModel({ ...context, events, ...(seq !== undefined && { asOf: { seq } }) }));

describe('the incremental AAR builder', () => {
  it('holds every event type of the golden log, so that each way an event changes the review is covered', () => {
    expect(new Set(events.map((e) => e.type)).size).toBe(20);
  });

  it('gives, for every pair of positions, the review of each, and leaves the first as it was after the second', () => {
    for (const [i, first] of seqs.entries()) {
      for (const second of seqs.slice(i + 1)) {
        const builder = new AarBuilder(context);
        const earlier = builder.build(events, { seq: first });
        const earlierJson = renderAarJson(earlier);
        expect(earlierJson).toBe(oneShot(first));
        const later = builder.build(events, { seq: second });
        expect(renderAarJson(later)).toBe(oneShot(second));
        expect(renderAarJson(earlier)).toBe(earlierJson);
      }
    }
  });

  it('follows a log that grows in place, one event at a time', () => {
    const builder = new AarBuilder(context);
    const log: ExerciseEvent[] = [];
    const reviews = [];
    for (const event of events) {
      log.push(event);
      reviews.push(builder.build(log));
    }
    reviews.forEach((review, i) => expect(renderAarJson(review)).toBe(oneShot(seqs[i])));
    expect(renderAarJson(builder.build(log))).toBe(oneShot());
  });

  it('folds the log again for a position earlier than the last', () => {
    const builder = new AarBuilder(context);
    builder.build(events);
    expect(renderAarJson(builder.build(events, { seq: seqs[10] }))).toBe(oneShot(seqs[10]));
    expect(renderAarJson(builder.build(events))).toBe(oneShot());
  });

  it('keeps each review of an exercise played through the engine as it was, while it folds on to the end', () => {
    const played = loadPlayed();
    const log = playSyntheticExercise({ ...played, targetEvents: 1500, seed: 5 }).events;
    const builder = new AarBuilder(played);
    const reviews: { seq: number; review: AarModel; json: string }[] = [];
    for (let n = 97; n < log.length; n += 97) {
      const seq = log[n - 1].seq;
      const review = builder.build(log, { seq });
      reviews.push({ seq, review, json: renderAarJson(review) });
    }
    expect(reviews.length).toBeGreaterThan(12);
    for (const { seq, review, json } of reviews) {
      expect(renderAarJson(review)).toBe(json);
      expect(json).toBe(renderAarJson(buildAarModel({ ...played, events: log, asOf: { seq } })));
    }
  });

  it('ties findings and escalation to their decision also when many decisions came between', () => {
    const played = loadPlayed();
    const log = playSyntheticExercise({ ...played, targetEvents: 1500, seed: 5 }).events;
    // Every findings.recorded and escalation.changed event moved 40 events later, then the log numbered again.
    const moved = log.map((event, i) => ({ event, at: event.type === 'findings.recorded' || event.type === 'escalation.changed' ? i + 40.5 : i }));
    const late = moved.sort((a, b) => a.at - b.at).map(({ event }, i) => ({ ...event, seq: i + 1 }) as ExerciseEvent);
    const model = buildAarModel({ ...played, events: late });
    const expected = new Map<string, { ruleIds: string[]; delta: number }>();
    for (const event of late) {
      if (event.type !== 'findings.recorded') continue;
      for (const f of event.payload.findings) {
        if (f.decisionId === undefined) continue;
        const seen = expected.get(f.decisionId) ?? { ruleIds: [], delta: 0 };
        seen.ruleIds.push(f.ruleId);
        seen.delta += f.delta;
        expected.set(f.decisionId, seen);
      }
    }
    expect(expected.size).toBeGreaterThan(20);
    for (const d of model.timeline.decisions) {
      expect({ id: d.decisionId, ruleIds: d.findings, delta: d.scoreDelta }).toEqual({ id: d.decisionId, ruleIds: expected.get(d.decisionId)?.ruleIds ?? [], delta: expected.get(d.decisionId)?.delta ?? 0 });
    }
    const peaks = model.escalation.pairs.flatMap((p) => p.peaks).filter((p) => p.decisionId !== undefined);
    expect(peaks.length).toBeGreaterThan(0);
    for (const peak of peaks) expect(peak.explanation).toContain(`(decision ${peak.decisionId})`);
  });
});
