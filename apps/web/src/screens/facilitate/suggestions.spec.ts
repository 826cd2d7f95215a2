import type { Finding } from '@ttx/engine';
import { scenarioSchema, type ScenarioInput } from '@ttx/scenario';
import { suggestionsByObjective } from './suggestions.js';

const scenario = scenarioSchema.parse({
  schemaVersion: 1,
  id: 's',
  version: '1.0',
  title: 'S',
  summary: 'S',
  duration: '01:00',
  rules: 'default',
  states: [{ id: 'n', name: 'N' }],
  objectives: [
    { id: 'talk', title: 'Talk', capability: 'Coordination' },
    { id: 'share', title: 'Share', capability: 'Sharing' },
  ],
  teams: [{ id: 'gov', name: 'Gov', kind: 'state', state: 'n' }],
  injects: [{ id: 'i1', at: '+00:01', audience: 'all', channel: 'email', title: 'T', body: 'B', severity: 'SEV-1', objectives: ['talk'] }],
} satisfies ScenarioInput);

const violation: Finding = {
  ruleId: 'proportionality',
  ruleKind: 'proportionality',
  cites: ['TM2-R23'],
  delta: -5,
  severity: 'violation',
  dimension: 'proportionality',
  explanation: 'Too much.',
  teamId: 'gov',
  injectId: 'i1',
};

describe('suggested ratings', () => {
  it('rates an objective from the findings on the injects that serve it when the server has no review yet', () => {
    const suggestions = suggestionsByObjective(undefined, scenario, [violation]);
    expect(suggestions.talk.rating).toBe('U');
    expect(suggestions.share.rating).toBeUndefined();
    expect(suggestions.share.reasoning).toMatch(/rate it from observation/);
  });

  it('knows nothing before the scenario has loaded', () => {
    expect(suggestionsByObjective(undefined, undefined, [violation])).toEqual({});
  });
});
