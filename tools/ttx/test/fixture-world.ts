// A small two-state world for bot tests: the shared action catalogue and a scenario with targets on both sides.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createSeededRandom, type ReleasedInject } from '@ttx/engine';
import { catalogueSchema, scenarioSchema, type ActionCatalogue, type Scenario } from '@ttx/scenario';
import type { PromptSituation } from '../src/bots/bot-policy.js';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export const catalogue: ActionCatalogue = catalogueSchema.parse(
  parse(readFileSync(path.join(repoRoot, 'exercises/roe/catalogue.yaml'), 'utf8')),
);

export const scenario: Scenario = scenarioSchema.parse({
  schemaVersion: 1,
  id: 'bot-world',
  version: '1.0',
  title: 'Bot world',
  summary: 'Two states, their CERTs and a grid operator.',
  duration: '+02:00',
  rules: 'default',
  states: [
    { id: 'northland', name: 'Northland' },
    { id: 'southland', name: 'Southland' },
  ],
  objectives: [{ id: 'obj-1', title: 'Coordinate', capability: 'Operational coordination' }],
  teams: [
    { id: 'north-gov', name: 'Northland government', kind: 'state', state: 'northland' },
    { id: 'south-gov', name: 'Southland government', kind: 'state', state: 'southland' },
  ],
  targets: [
    { id: 'north-gov-t', name: 'Northland government', kind: 'state-government', state: 'northland' },
    { id: 'south-gov-t', name: 'Southland government', kind: 'state-government', state: 'southland' },
    { id: 'south-grid', name: 'Southland grid', kind: 'critical-infrastructure', state: 'southland', sector: 'energy' },
    { id: 'south-cert', name: 'Southland CERT', kind: 'cert', state: 'southland' },
    { id: 'south-army', name: 'Southland cyber command', kind: 'military', state: 'southland' },
  ],
  channels: [
    { id: 'hotline', kind: 'hotline', name: 'Hotline', members: ['north-gov', 'south-gov'] },
    { id: 'north-chat', kind: 'team-chat', name: 'Northland chat', members: ['north-gov'] },
  ],
  injects: [
    {
      id: 'grid-down',
      at: '+00:10',
      audience: ['north-gov'],
      channel: 'intelligence',
      title: 'Grid outage traced to Southland',
      body: 'Substations went dark.',
      severity: 'SEV-4',
      incident: { actor: 'southland', victim: 'northland', rung: 'ESC-8', evidence: 'moderate' },
    },
  ],
});

export const everyAction = catalogue.actions.map((a) => a.id);
export const everyTarget = scenario.targets.map((t) => t.id);

export function situation(actions: string[], options: { maxActions?: number; seed?: number; teamId?: string; victim?: string } = {}): PromptSituation {
  const team = scenario.teams.find((t) => t.id === (options.teamId ?? 'north-gov'))!;
  const inject: ReleasedInject = {
    injectId: 'grid-down',
    title: 'Grid outage traced to Southland',
    body: 'Substations went dark.',
    channel: 'intelligence',
    severity: 'SEV-4',
    attack: [],
    audience: [team.id],
    trigger: 'schedule',
    decision: { prompt: 'Respond.', actions, targets: everyTarget, maxActions: options.maxActions ?? 3 },
  };
  return {
    scenario,
    actions: new Map(catalogue.actions.map((a) => [a.id, a])),
    team,
    inject,
    prompt: inject.decision!,
    incident: { ...scenario.injects[0]!.incident!, ...(options.victim && { victim: options.victim, actor: undefined }) },
    earlier: [],
    channels: scenario.channels.filter((c) => c.members.includes(team.id)),
    random: createSeededRandom(options.seed ?? 1),
  };
}
