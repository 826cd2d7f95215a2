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
const review = { asOf: { seq: 10, exerciseTime: 0, final: false }, improvementPlan: [item] } as unknown as AarModel;
const at = (seq: number, type: string, payload: object) =>
  ({ seq, type, at: 0, exerciseTime: 0, audience: { kind: 'staff' }, payload }) as unknown as ExerciseEvent;

describe('a held review and the live log', () => {
  it('applies the plan edits that came after it and counts the events it cannot apply', () => {
    const events = [
      at(9, 'improvement.edited', { itemId: 'ip-1', changes: { issue: 'Already in the review' } }),
      at(11, 'decision.submitted', { decisionId: 'd1' }),
      at(12, 'improvement.edited', { itemId: 'ip-1', changes: { pointOfContact: 'J. Doe' } }),
      at(13, 'improvement.edited', { itemId: 'ip-new', changes: { issue: 'Not held' } }),
    ];
    const { model, newer } = withLiveEvents(review, events);
    expect(model.improvementPlan).toEqual([{ ...item, pointOfContact: 'J. Doe', edits: [12] }]);
    expect(newer).toBe(2);
    expect(review.improvementPlan[0]).toBe(item);
  });

  it('is the review itself when nothing came after it', () => {
    expect(withLiveEvents(review, [at(10, 'exercise.started', {})])).toEqual({ model: review, newer: 0 });
  });
});
