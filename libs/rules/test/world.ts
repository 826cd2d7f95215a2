// A small exercise world for the rules' specifications: Northland and Southland with a hotline, Westland beside
// them, the default rule set and catalogue read from exercises/roe.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  catalogueSchema,
  ruleSetSchema,
  scenarioSchema,
  type ActionCatalogue,
  type Rule,
  type RuleSet,
  type Scenario,
  type ScenarioInput,
} from '@ttx/scenario';
import type { ActionChoice, AttributionConfidence, DecisionRecord, ExerciseState, Finding, MessageRecord } from '@ttx/engine';
import { judge, indexWorld, resolveChoices } from '../src/index.js';

export const root = path.resolve(import.meta.dirname, '../../..');
export const readYaml = (file: string): unknown => parse(readFileSync(path.join(root, file), 'utf8'));
export const catalogue: ActionCatalogue = catalogueSchema.parse(readYaml('exercises/roe/catalogue.yaml'));
export const defaultRules: RuleSet = ruleSetSchema.parse(readYaml('exercises/roe/default.yaml'));

const MIN = 60_000;
export const minutes = (n: number) => n * MIN;

const ALL_TARGETS = ['north-gov', 'north-mil', 'north-cert', 'north-water', 'north-host', 'south-gov', 'south-cert', 'south-water', 'south-grid', 'west-gov'];
type InjectInput = ScenarioInput['injects'][number];
const incidentInject = (
  id: string,
  rung: string,
  severity: string,
  evidence: 'none' | 'low' | 'moderate' | 'high',
  extra: Partial<InjectInput> = {},
): InjectInput => ({
  id,
  at: '+00:05',
  audience: 'all',
  channel: 'intelligence',
  title: `Incident ${id}`,
  body: 'Something happened.',
  severity,
  incident: { actor: 'northland', victim: 'southland', rung, evidence },
  decision: { prompt: 'What do you do?', actions: catalogue.actions.map((a) => a.id), targets: ALL_TARGETS, deadline: '+00:15' },
  ...extra,
});

export const scenarioInput: ScenarioInput = {
  schemaVersion: 1,
  id: 'rules-world',
  version: '1.0',
  title: 'Rules world',
  summary: 'Northland probes Southland.',
  duration: '02:00',
  rules: 'default',
  states: [
    { id: 'northland', name: 'Northland' },
    { id: 'southland', name: 'Southland' },
    { id: 'westland', name: 'Westland' },
  ],
  objectives: [
    { id: 'obj-deescalate', title: 'De-escalate', capability: 'Operational Coordination' },
    { id: 'obj-share', title: 'Share', capability: 'Intelligence and Information Sharing' },
    { id: 'obj-unused', title: 'Unused', capability: 'Planning' },
  ],
  teams: [
    { id: 'south', name: 'Southland cabinet', kind: 'state', state: 'southland' },
    { id: 'north', name: 'Northland cabinet', kind: 'state', state: 'northland' },
    { id: 'west', name: 'Westland cabinet', kind: 'state', state: 'westland' },
    { id: 'forum', name: 'Regional forum', kind: 'international-body' },
  ],
  targets: [
    { id: 'north-gov', name: 'Government of Northland', kind: 'state-government', state: 'northland' },
    { id: 'north-mil', name: 'Northland Cyber Command', kind: 'military', state: 'northland' },
    { id: 'north-cert', name: 'NL-CERT', kind: 'cert', state: 'northland' },
    { id: 'north-water', name: 'Northland Water Utility', kind: 'critical-infrastructure', state: 'northland', sector: 'water' },
    { id: 'north-host', name: 'BorealHost', kind: 'private-company', state: 'northland' },
    { id: 'south-gov', name: 'Government of Southland', kind: 'state-government', state: 'southland' },
    { id: 'south-cert', name: 'SL-CERT', kind: 'cert', state: 'southland' },
    { id: 'south-water', name: 'Southland Water Utility', kind: 'critical-infrastructure', state: 'southland', sector: 'water' },
    { id: 'south-grid', name: 'Southland Grid', kind: 'critical-infrastructure', state: 'southland', sector: 'energy' },
    { id: 'west-gov', name: 'Government of Westland', kind: 'state-government', state: 'westland' },
    { id: 'north-hospital', name: 'Northland Military Hospital', kind: 'military', state: 'northland', sector: 'healthcare' },
    { id: 'north-cloud', name: 'Northland Government Cloud', kind: 'state-government', state: 'northland', affects: ['westland'] },
  ],
  channels: [{ id: 'hotline', kind: 'hotline', name: 'North–South hotline', members: ['north', 'south'] }],
  injects: [
    incidentInject('probe', 'ESC-4', 'SEV-3', 'low', { objectives: ['obj-deescalate'] }),
    incidentInject('blackout', 'ESC-7', 'SEV-4', 'moderate', { at: '+00:30', objectives: ['obj-deescalate'] }),
    {
      id: 'help-asked',
      at: '+00:20',
      audience: ['west'],
      channel: 'hotline-call',
      title: 'Southland asks for help',
      body: 'Southland asks Westland for incident responders.',
      severity: 'SEV-2',
      objectives: ['obj-share'],
      decision: { prompt: 'Will you help?', actions: ['offer-assistance', 'share-indicators'], targets: ['south-gov', 'south-cert'], deadline: '+00:20' },
    },
    {
      id: 'stop-it',
      at: '+00:25',
      audience: ['north'],
      channel: 'hotline-call',
      title: 'Southland asks Northland to act',
      body: 'The servers are at BorealHost.',
      severity: 'SEV-2',
      decision: { prompt: 'Will you act?', actions: ['mitigate-activity-from-territory', 'activate-hotline'], targets: ['north-host', 'south-gov'] },
    },
    { id: 'news', at: '+00:40', audience: 'all', channel: 'news', title: 'News', body: 'Nothing to decide.', severity: 'SEV-1' },
    // Late injects for the law of countermeasures and proportionality; scripted runs end before they are released.
    {
      id: 'wiper',
      at: '+01:50',
      audience: 'all',
      channel: 'intelligence',
      title: 'Wiper at the grid',
      body: 'A wiper hits the grids of Southland and Westland.',
      severity: 'SEV-3',
      sector: 'energy',
      incident: { actor: 'northland', victim: 'southland', rung: 'ESC-6', evidence: 'high', urgent: true, alsoHit: ['westland'] },
    },
    {
      id: 'scan',
      at: '+01:50',
      audience: 'all',
      channel: 'intelligence',
      title: 'Scanning of ministries',
      body: 'Northland scans Southland ministries.',
      severity: 'SEV-1',
      incident: { actor: 'northland', victim: 'southland', rung: 'ESC-1', evidence: 'high' },
    },
    { id: 'calm', at: '+01:50', audience: 'all', channel: 'news', title: 'The probing stops', body: 'Northland has stopped.', severity: 'SEV-0', endsIncidents: ['probe'] },
    {
      id: 'west-intel',
      at: '+01:50',
      audience: ['west'],
      channel: 'intelligence',
      title: 'Westland intelligence on the probe',
      body: 'Westland is sure it was Northland.',
      severity: 'SEV-1',
      incident: { actor: 'northland', victim: 'southland', rung: 'ESC-4', evidence: 'high' },
    },
    // Armed attacks and what falls short of one, for the law of self-defence; released only by hand.
    ...(
      [
        ['invasion', 'SEV-5', 'high', {}],
        ['rumour', 'SEV-5', 'moderate', {}],
        ['declared', 'SEV-4', 'high', { armedAttack: true }],
        ['disclaimed', 'SEV-5', 'high', { armedAttack: false }],
        ['raid-over', 'SEV-5', 'high', { ongoing: false }],
        ['salvo', 'SEV-5', 'high', { urgent: true }],
      ] as const
    ).map(([id, severity, evidence, extra]) =>
      incidentInject(id, 'ESC-10', severity, evidence, {
        at: '+01:50',
        title: `Armed attack ${id}`,
        decision: undefined,
        incident: { actor: 'northland', victim: 'southland', rung: 'ESC-10', evidence, ...extra },
      }),
    ),
    { id: 'ceasefire', at: '+01:50', audience: 'all', channel: 'news', title: 'Ceasefire', body: 'Northland stops the attack.', severity: 'SEV-0', endsIncidents: ['invasion'] },
    // Assessments naming Northland at each grade of evidence, for the attribution rules.
    ...(['none', 'low', 'moderate', 'high'] as const).map((evidence) =>
      incidentInject(`claim-${evidence}`, 'ESC-4', 'SEV-3', evidence, { at: '+00:45', title: `Assessment ${evidence}`, decision: undefined }),
    ),
  ],
};
export const scenario: Scenario = scenarioSchema.parse(scenarioInput);
export const world = indexWorld(scenario, catalogue);
export const ctx = { scenario, catalogue, ruleSet: defaultRules };

/** A state before an event: injects released at the given minutes, earlier decisions and messages, levels. */
export function stateWith(setup: {
  released?: Record<string, number>;
  /** Teams an inject was released to, when not the scenario's audience. */
  audiences?: Record<string, string[]>;
  decisions?: Omit<DecisionRecord, 'seq' | 'rationale'>[];
  messages?: Omit<MessageRecord, 'seq' | 'text'>[];
  escalation?: Record<string, number>;
} = {}): ExerciseState {
  const injects: ExerciseState['injects'] = {};
  for (const inject of scenario.injects) {
    const at = setup.released?.[inject.id];
    const prompt = inject.decision;
    injects[inject.id] = {
      injectId: inject.id,
      status: at === undefined ? 'pending' : 'released',
      conditionMet: true,
      adHoc: false,
      edited: false,
      ...(at === undefined
        ? {}
        : {
            releasedAt: minutes(at),
            released: {
              injectId: inject.id,
              title: inject.title,
              body: inject.body,
              channel: inject.channel,
              severity: inject.severity,
              attack: [],
              audience:
                setup.audiences?.[inject.id] ?? (inject.audience === 'all' ? scenario.teams.map((t) => t.id) : [...inject.audience]),
              trigger: 'schedule' as const,
              ...(prompt
                ? {
                    decision: {
                      prompt: prompt.prompt,
                      actions: prompt.actions,
                      targets: prompt.targets,
                      maxActions: prompt.maxActions,
                      ...(prompt.deadline === undefined ? {} : { deadline: minutes(at) + prompt.deadline }),
                    },
                  }
                : {}),
            },
          }),
    };
  }
  const decisions = (setup.decisions ?? []).map((d, i) => ({ ...d, seq: i + 1, rationale: 'because' }));
  return {
    status: 'running',
    seq: decisions.length,
    clock: { running: true, speed: 1, anchorWall: 0, anchorExercise: 0 },
    injects,
    participants: {},
    decisions,
    decisionsById: Object.fromEntries(decisions.map((d) => [d.decisionId, d])),
    answered: {},
    missed: {},
    unplayed: {},
    findings: [],
    escalation: { ...setup.escalation },
    escalationPeak: { ...setup.escalation },
    messages: (setup.messages ?? []).map((m, i) => ({ ...m, seq: 100 + i, text: 'hello' })),
    messageIds: {},
    observationIds: {},
    adjustmentIds: {},
  };
}

export const choose = (...pairs: [string, string?][]): ActionChoice[] =>
  pairs.map(([actionId, targetId]) => (targetId === undefined ? { actionId } : { actionId, targetId }));

/** Findings of one rule of the default set (or the rule given) on a decision. */
export function judgeDecision(
  ruleId: string,
  state: ExerciseState,
  decision: { teamId: string; actions: ActionChoice[]; injectId?: string; at?: number; confidence?: AttributionConfidence },
  rule?: Partial<Rule>,
): Finding[] {
  const base = defaultRules.rules.find((r) => r.id === ruleId);
  if (!base) throw new Error(`no rule ${ruleId} in the default set`);
  const ruleSet: RuleSet = { ...defaultRules, rules: [{ ...base, ...rule }] };
  const team = world.teams.get(decision.teamId);
  if (!team) throw new Error(`no team ${decision.teamId}`);
  const record: DecisionRecord = {
    seq: state.seq + 1,
    decisionId: 'd-now',
    teamId: decision.teamId,
    injectId: decision.injectId,
    actions: decision.actions,
    rationale: 'because',
    ...(decision.confidence !== undefined ? { confidence: decision.confidence } : {}),
    exerciseTime: minutes(decision.at ?? 50),
  };
  return judge({ ...ctx, ruleSet }, state, team, { kind: 'decision', decision: record, chosen: resolveChoices(world, decision.actions) });
}

export function judgeMissed(ruleId: string, state: ExerciseState, teamId: string, injectId: string): Finding[] {
  const base = defaultRules.rules.find((r) => r.id === ruleId);
  const team = world.teams.get(teamId);
  if (!base || !team) throw new Error('unknown rule or team');
  const ruleSet: RuleSet = { ...defaultRules, rules: [base] };
  return judge({ ...ctx, ruleSet }, state, team, { kind: 'deadline-missed', injectId, exerciseTime: minutes(60) });
}
