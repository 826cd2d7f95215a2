import type { Finding } from '@ttx/engine';
import type { ObjectiveReport } from '@ttx/report/browser';
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
  it('rates an objective from the findings on the injects that serve it', () => {
    const suggestions = suggestionsByObjective(scenario, [violation], undefined);
    expect(suggestions.talk.rating).toBe('U');
    expect(suggestions.share.rating).toBeUndefined();
    expect(suggestions.share.reasoning).toMatch(/rate it from observation/);
  });

  it('knows nothing before the scenario has loaded', () => {
    expect(suggestionsByObjective(undefined, [violation], undefined)).toEqual({});
  });

  it("takes an observer's suggestions from the review's objectives, as the server rated them", () => {
    const reviewed = [{ objectiveId: 'talk', suggestedRating: 'M', suggestionReasoning: 'From the review.' }] as unknown as ObjectiveReport[];
    expect(suggestionsByObjective(undefined, [violation], reviewed)).toEqual({ talk: { rating: 'M', reasoning: 'From the review.' } });
  });
});
