import type { ImprovementItem } from '@ttx/report/browser';
import { draftOf, improvementChanges, newImprovementItemId, problemWithDraft } from './improvement-edits.js';

const drafted: ImprovementItem = {
  itemId: 'ip-south-hotline-first',
  source: 'drafted',
  areaId: 'A1',
  teamId: 'south',
  issue: 'The hotline was not used before a public attribution.',
  correctiveAction: 'Add the hotline to the crisis playbook.',
  capabilityElement: 'planning',
  responsibleOrganisation: 'Southland NSC',
  pointOfContact: '',
  edits: [],
};

describe('improvement plan edits', () => {
  it('sends only the fields the facilitator changed, trimmed', () => {
    const draft = { ...draftOf(drafted), pointOfContact: '  Deputy adviser  ', capabilityElement: 'training' as const };
    expect(improvementChanges(drafted, draft)).toEqual({ pointOfContact: 'Deputy adviser', capabilityElement: 'training' });
  });

  it('sends nothing when nothing changed', () => {
    expect(improvementChanges(drafted, draftOf(drafted))).toEqual({});
  });

  it('sends whole ISO dates only, since a date can be replaced but not unset', () => {
    const dated = { ...drafted, startDate: '2026-01-05' };
    expect(improvementChanges(dated, { ...draftOf(dated), startDate: '', completionDate: '2026-03-31' })).toEqual({ completionDate: '2026-03-31' });
  });

  it('sends every filled field of a new item, with its capability element', () => {
    const draft = { ...draftOf(), issue: 'No CERT liaison', correctiveAction: 'Name one', startDate: '2026-02-01' };
    expect(improvementChanges(undefined, draft)).toEqual({
      issue: 'No CERT liaison',
      correctiveAction: 'Name one',
      capabilityElement: 'planning',
      startDate: '2026-02-01',
    });
  });

  it('asks for an issue and a corrective action, and dates in order', () => {
    expect(problemWithDraft(draftOf())).toMatch(/issue/);
    expect(problemWithDraft({ ...draftOf(drafted), correctiveAction: ' ' })).toMatch(/corrective action/);
    expect(problemWithDraft({ ...draftOf(drafted), startDate: '2026-05-01', completionDate: '2026-04-01' })).toMatch(/before the start/);
    expect(problemWithDraft(draftOf(drafted))).toBeUndefined();
  });

  it('gives an added item an id the protocol accepts', () => {
    expect(newImprovementItemId('3F2A-91c0-ZZ')).toBe('ip-added-3f2a91c0zz');
    expect(newImprovementItemId('x'.repeat(80))).toMatch(/^[a-z0-9-]{1,64}$/);
  });
});
