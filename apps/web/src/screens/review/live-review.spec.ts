import type { ExerciseEvent } from '@ttx/engine';
import type { AarModel, ImprovementItem } from '@ttx/report/browser';
import { withLiveEvents } from './live-review.js';

const item: ImprovementItem = {
  itemId: 'ip-1',
  source: 'drafted',
  issue: 'Hotline not used',
  correctiveAction: 'Test the contact list',
  capabilityElement: 'planning',
  responsibleOrganisation: 'Northland',
  pointOfContact: '',
  edits: [],
};
const added: ImprovementItem = { ...item, itemId: 'ip-new', source: 'facilitator', issue: 'Added', edits: [13] };
const review = { asOf: { seq: 10, exerciseTime: 0, final: false }, improvementPlan: [item] } as unknown as AarModel;
const at = (seq: number, type: string, payload: object) =>
  ({ seq, type, at: 0, exerciseTime: 0, audience: { kind: 'staff' }, payload }) as unknown as ExerciseEvent;
const events = [
  at(9, 'improvement.edited', { itemId: 'ip-1', changes: { issue: 'Already in the review' } }),
  at(11, 'decision.submitted', { decisionId: 'd1' }),
  at(12, 'improvement.edited', { itemId: 'ip-1', changes: { pointOfContact: 'J. Doe' } }),
  at(13, 'improvement.edited', { itemId: 'ip-new', changes: { issue: 'Added' } }),
  at(14, 'improvement.edited', { itemId: 'ip-1', changes: { correctiveAction: 'Drill it' } }),
];

describe('a held review and the live log', () => {
  it('applies the plan edits that came after it and counts the other events', () => {
    const { model, newer, planBehind } = withLiveEvents(review, events.slice(0, 3));
    expect(model.improvementPlan).toEqual([{ ...item, pointOfContact: 'J. Doe', edits: [12] }]);
    expect([newer, planBehind]).toEqual([1, undefined]);
    expect(review.improvementPlan[0]).toBe(item);
  });

  it('asks for the plan again from an edit it cannot apply, and takes the plan part for the edits it holds', () => {
    expect(withLiveEvents(review, events).planBehind).toBe(14);
    const part = { asOf: { seq: 14, exerciseTime: 0, final: false }, improvementPlan: [{ ...item, correctiveAction: 'Drill it', edits: [12, 14] }, added] };
    const { model, newer, planBehind } = withLiveEvents(review, events, part);
    expect(model.improvementPlan).toEqual(part.improvementPlan);
    expect([newer, planBehind]).toEqual([1, undefined]);
    // A plan part older than the review is left aside.
    expect(withLiveEvents(review, [], { ...part, asOf: { seq: 8, exerciseTime: 0, final: false } }).model).toBe(review);
  });

  it('is the review itself when nothing came after it', () => {
    expect(withLiveEvents(review, [at(10, 'exercise.started', {})])).toEqual({ model: review, newer: 0 });
  });
});
