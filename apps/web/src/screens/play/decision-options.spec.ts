import type { Action, ActionCatalogue, Target } from '@ttx/scenario';
import { ATTRIBUTION_TRAITS, CONFIDENCE_OPTIONS, attributes, choicesOf, groupAllowedActions, groupCatalogueActions, problemWithChoice, targetsFor } from './decision-options.js';

const action = (id: string, category: Action['category'], rung: string, targets: Action['targets'] = []): Action => ({
  id,
  name: id,
  description: id,
  rung,
  category,
  targets,
  reversible: true,
  public: false,
  traits: [],
  cbm: [],
});

const catalogue: ActionCatalogue = {
  schemaVersion: 1,
  kind: 'action-catalogue',
  id: 'catalogue',
  title: 'c',
  actions: [
    action('sanctions', 'economic', 'ESC-5', ['state-government']),
    action('demarche', 'diplomatic', 'ESC-1', ['state-government']),
    action('hotline', 'cooperative', 'ESC-0', ['state-government']),
    action('attribution', 'diplomatic', 'ESC-2', ['state-government']),
    action('isolate', 'cyber', 'ESC-0'),
  ],
};

const targets: Target[] = [
  { id: 'south-gov', name: 'Southland government', kind: 'state-government', state: 'south' },
  { id: 'south-grid', name: 'Southland grid', kind: 'critical-infrastructure', state: 'south', sector: 'energy' },
  { id: 'east-gov', name: 'Eastland government', kind: 'state-government', state: 'east' },
];

describe('decision options', () => {
  it('groups only the allowed actions by category in ladder order, lowest rung first', () => {
    const groups = groupAllowedActions(catalogue, ['attribution', 'hotline', 'demarche', 'unknown']);
    expect(groups.map((g) => [g.category, g.actions.map((a) => a.id)])).toEqual([
      ['cooperative', ['hotline']],
      ['diplomatic', ['demarche', 'attribution']],
    ]);
  });

  it('offers the prompt targets of a kind the action may be aimed at', () => {
    expect(targetsFor(catalogue.actions[2], ['south-gov', 'south-grid'], targets).map((t) => t.id)).toEqual(['south-gov']);
  });

  it('falls back to the scenario targets when the prompt names none, and offers none to an untargeted action', () => {
    expect(targetsFor(catalogue.actions[2], [], targets).map((t) => t.id)).toEqual(['south-gov', 'east-gov']);
    expect(targetsFor(catalogue.actions[4], ['south-gov'], targets)).toEqual([]);
  });

  it('offers a decision taken on the team’s own initiative every catalogue action, grouped the same way', () => {
    expect(groupCatalogueActions(catalogue).map((g) => [g.category, g.actions.map((a) => a.id)])).toEqual([
      ['cooperative', ['hotline']],
      ['diplomatic', ['demarche', 'attribution']],
      ['economic', ['sanctions']],
      ['cyber', ['isolate']],
    ]);
  });

  it('tells the player what is missing before a choice is sent: an action, fewer actions, or a target', () => {
    const check = { catalogue, targetOf: {}, maxActions: 3, targetsOf: (a: Action) => targetsFor(a, [], targets) };
    expect(problemWithChoice({ ...check, chosen: [] })).toBe('Choose at least one action.');
    expect(problemWithChoice({ ...check, chosen: ['hotline', 'demarche', 'attribution', 'isolate'] })).toBe('Choose at most 3 action(s).');
    expect(problemWithChoice({ ...check, chosen: ['isolate', 'hotline'] })).toBe('Choose a target for “hotline”.');
    expect(problemWithChoice({ ...check, chosen: ['isolate', 'hotline'], targetOf: { hotline: 'east-gov' } })).toBeUndefined();
  });

  it('sends a target only with the actions that have one', () => {
    expect(choicesOf(['isolate', 'hotline'], { hotline: 'east-gov' })).toEqual([{ actionId: 'isolate' }, { actionId: 'hotline', targetId: 'east-gov' }]);
  });
});

describe('the stated confidence of an attribution', () => {
  const naming = { ...action('name-them', 'diplomatic', 'ESC-2', ['state-government']), traits: ['public-attribution' as const] };
  const jointly = { ...action('name-them-jointly', 'diplomatic', 'ESC-2', ['state-government']), traits: ['public-attribution' as const, 'joint-attribution' as const] };
  const actions = [...catalogue.actions, naming, jointly];

  it('is asked only while an action that names a state publicly is chosen', () => {
    expect(attributes(['hotline', 'demarche'], actions)).toBe(false);
    expect(attributes(['hotline', 'name-them'], actions)).toBe(true);
    expect(attributes(['name-them-jointly'], actions)).toBe(true);
    expect(attributes([], actions)).toBe(false);
    expect(ATTRIBUTION_TRAITS).toEqual(['public-attribution', 'joint-attribution']);
  });

  it('offers the values the command table takes, weakest first', () => {
    expect(CONFIDENCE_OPTIONS).toEqual(['low', 'moderate', 'high']);
  });
});
