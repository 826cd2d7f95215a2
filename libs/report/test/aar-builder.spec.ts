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
    const root = path.join(import.meta.dirname, '../../..');
    const load = (file: string): unknown => parse(readFileSync(path.join(root, file), 'utf8'));
    const played = {
      scenario: scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml')),
      catalogue: catalogueSchema.parse(load('exercises/roe/catalogue.yaml')),
      ruleSet: ruleSetSchema.parse(load('exercises/roe/default.yaml')),
    };
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
});
