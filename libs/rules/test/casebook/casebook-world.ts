// The world the case book is played in: the rules world (Northland, Southland, Westland, a regional forum) with
// Southland's CERT and grid operator as teams of their own, Northland's ambulance dispatch as a target, and an
// operation against Southland's ministries that a later inject reports stopped.
import { scenarioSchema, type Scenario, type ScenarioInput } from '@ttx/scenario';
import { catalogue, defaultRules, scenarioInput } from '../world.js';

const extraInjects: ScenarioInput['injects'] = [
  {
    id: 'siege',
    at: '+01:50',
    audience: 'all',
    channel: 'intelligence',
    title: 'Northland disrupts the ministries',
    body: 'A Northland operation takes Southland ministries offline.',
    severity: 'SEV-3',
    incident: { actor: 'northland', victim: 'southland', rung: 'ESC-6', evidence: 'moderate' },
  },
  {
    id: 'siege-over',
    at: '+01:50',
    audience: 'all',
    channel: 'news',
    title: 'The ministries are back online',
    body: 'The Northland operation against the ministries has stopped.',
    severity: 'SEV-0',
    endsIncidents: ['siege'],
  },
];

export const casebookScenario: Scenario = scenarioSchema.parse({
  ...scenarioInput,
  id: 'casebook-world',
  title: 'Case book world',
  teams: [
    ...scenarioInput.teams,
    { id: 'sl-cert', name: 'SL-CERT team', kind: 'national-cert', state: 'southland' },
    {
      id: 'sl-grid',
      name: 'Southland Grid control room',
      kind: 'infrastructure-operator',
      state: 'southland',
    },
  ],
  targets: [
    ...(scenarioInput.targets ?? []),
    {
      id: 'north-ems',
      name: 'Northland Ambulance Dispatch',
      kind: 'state-government',
      state: 'northland',
      sector: 'emergency-services',
    },
  ],
  injects: [...scenarioInput.injects, ...extraInjects],
});

export const casebookCtx = { scenario: casebookScenario, catalogue, ruleSet: defaultRules };
