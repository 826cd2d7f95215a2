import type { ExerciseEvent } from '@ttx/engine';
import { applyLiveEvent, buildAarModel, REVIEW_PARTS, reviewPart, type AarModel } from '@ttx/report';
import { goldenInput, goldenModel } from './golden.js';

const asOf = (events: readonly ExerciseEvent[], seq: number): AarModel => buildAarModel(goldenInput({ events, asOf: { seq } }));

function withEvent(type: 'improvement.edited', payload: object): ExerciseEvent[] {
  const events = [...goldenInput().events];
  const last = events[events.length - 1]!;
  events.push({ ...last, seq: last.seq + 1, type, payload } as ExerciseEvent);
  return events;
}

describe('a part of the review', () => {
  it('holds its sections as the whole review has them, with whom it is for and the log position', () => {
    const model = goldenModel();
    const judgements = reviewPart(model, 'judgements');
    expect(Object.keys(judgements)).toEqual(['schemaVersion', 'audience', 'generatedAt', 'asOf', 'part', 'strengths', 'areasForImprovement']);
    expect(judgements.areasForImprovement).toEqual(model.areasForImprovement);
    for (const part of REVIEW_PARTS) {
      const sections = Object.keys(reviewPart(model, part)).slice(5);
      expect(sections.length).toBeGreaterThan(0);
      for (const key of sections) expect(reviewPart(model, part)[key as never]).toEqual(model[key as keyof AarModel]);
    }
  });

  it('covers every section of the review exactly once', () => {
    const model = goldenModel();
    const covered = REVIEW_PARTS.flatMap((part) => Object.keys(reviewPart(model, part)).slice(5));
    const header = ['schemaVersion', 'audience', 'generatedAt', 'asOf'];
    expect(covered.sort()).toEqual(Object.keys(model).filter((key) => !header.includes(key)).sort());
  });
});

describe('a live event applied to a held review', () => {
  const { events } = goldenInput();

  it('gives the plan a new build gives once a facilitator\'s edit to one of its items is in the log', () => {
    const edits = events.filter((e) => e.type === 'improvement.edited');
    let applied = 0;
    for (const event of edits) {
      const held = reviewPart(asOf(events, event.seq - 1), 'improvement-plan');
      const live = applyLiveEvent(held, event);
      if (!held.improvementPlan.some((item) => item.itemId === event.payload.itemId)) expect(live).toBeUndefined();
      else {
        applied += 1;
        expect(live?.improvementPlan).toEqual(asOf(events, event.seq).improvementPlan);
      }
    }
    expect(applied).toBeGreaterThan(0);
  });

  it('drops a removed plan item, as a new build does', () => {
    const log = withEvent('improvement.edited', { itemId: 'ip-south-protect-ci', changes: { removed: true } });
    const held = reviewPart(goldenModel(), 'improvement-plan');
    expect(applyLiveEvent(held, log.at(-1)!)?.improvementPlan).toEqual(buildAarModel(goldenInput({ events: log })).improvementPlan);
  });

  it('leaves to a new build what it cannot apply: a restored item, an item it does not hold, an observation, any other event', () => {
    const held = { improvementPlan: goldenModel().improvementPlan };
    expect(applyLiveEvent(held, withEvent('improvement.edited', { itemId: 'ip-south-protect-ci', changes: { removed: false } }).at(-1)!)).toBeUndefined();
    expect(applyLiveEvent(held, withEvent('improvement.edited', { itemId: 'ip-new', changes: { issue: 'New' } }).at(-1)!)).toBeUndefined();
    expect(applyLiveEvent({}, withEvent('improvement.edited', { itemId: 'ip-extra-1', changes: { issue: 'x' } }).at(-1)!)).toBeUndefined();
    expect(applyLiveEvent(held, events.find((e) => e.type === 'observation.recorded')!)).toBeUndefined();
    expect(applyLiveEvent(held, events.find((e) => e.type === 'decision.submitted')!)).toBeUndefined();
  });

  it('leaves the held sections as they were', () => {
    const held = { improvementPlan: goldenModel().improvementPlan };
    const copy = structuredClone(held);
    applyLiveEvent(held, withEvent('improvement.edited', { itemId: 'ip-extra-1', changes: { issue: 'Changed' } }).at(-1)!);
    expect(held).toEqual(copy);
  });
});
