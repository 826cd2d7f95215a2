// The scenario, action catalogue and rule set file formats: one zod definition each, the single source of truth
// for the loader, the JSON Schema in docs/schema and the TypeScript types used everywhere else.
import { z } from 'zod';
import {
  ACTION_CATEGORIES,
  ACTION_TRAITS,
  ACTOR_KINDS,
  CHANNEL_KINDS,
  CBMS,
  CITATIONS,
  DIMENSIONS,
  EVIDENCE_LEVELS,
  FEEDBACK_MODES,
  INJECT_CHANNELS,
  SECTORS,
  SEVERITIES,
  TARGET_KINDS,
} from './vocabulary.js';
import { conditionSchema } from './condition-kinds.js';
import { id, rung } from './fields.js';

export { id };
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const OFFSET_PATTERN = /^\+?(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/;
/** `+HH:MM[:SS]` (or `HH:MM[:SS]`) to milliseconds. */
export function parseOffset(value: string): number {
  const m = OFFSET_PATTERN.exec(value);
  if (!m) throw new Error(`not a time offset: ${value}`);
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000;
}
/** Milliseconds to `HH:MM:SS`. */
export function formatOffset(ms: number): string {
  const total = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}
const offset = z
  .string()
  .regex(OFFSET_PATTERN, 'must be a time like "+00:45" or "01:30:00" (hours:minutes[:seconds])')
  .transform(parseOffset);

const severity = z.enum(SEVERITIES as [string, ...string[]], { message: 'must be a severity SEV-0 … SEV-5' });
const citation = z.enum(CITATIONS as [string, ...string[]], {
  message:
    'is not a known source (NORM-A…K, CBM-1…16, TM2-R4, TM2-R20…R26, TM2-R68…R75, TM2-R92, TM2-R93, ILC-22, ILC-49…53, CBM-UN-POC, EU-TOOLBOX, UN-CHARTER-2-4, UN-CHARTER-51, DUE-DILIGENCE, HSEEP)',
});
const cbmCitation = z.enum(['CBM-UN-POC', ...CBMS] as [string, ...string[]], {
  message: 'is not an OSCE confidence-building measure (CBM-1 … CBM-16, or CBM-UN-POC)',
});
const ATTACK_PATTERN = /^T\d{4}(\.\d{3})?$/;

// ---------------------------------------------------------------- scenario
export const decisionPromptSchema = z.strictObject({
  prompt: text(2000),
  actions: z.array(id).min(1, 'must allow at least one action'),
  targets: z.array(id).default([]),
  /** Time allowed after the inject is released. */
  deadline: offset.optional().describe('Time allowed to answer after the inject is released, like "+00:15".'),
  /** At most this many actions in one decision. */
  maxActions: z.number().int().min(1).max(10).default(3),
});

export const incidentSchema = z.strictObject({
  /** The state behind the hostile act, or omitted while unknown to the players. */
  actor: id.optional(),
  victim: id,
  rung,
  ongoing: z.boolean().default(true),
  /** Attribution confidence that this inject's evidence supports. */
  evidence: z.enum(EVIDENCE_LEVELS).default('none'),
  /** Other states the same act hits (its scope, for proportionality). */
  alsoHit: z.array(id).optional().describe('Other states the same act hits, beyond the victim.'),
  /** The scenario grants the urgent-countermeasures exception (ILC Art. 52(2)): no call to comply is needed first. */
  urgent: z
    .boolean()
    .optional()
    .describe('Urgent countermeasures are allowed against this act without a prior call to comply (ILC Art. 52(2)).'),
  /**
   * The scenario's word on whether the act's scale and effects amount to an armed attack (UN Charter Art. 51,
   * TM2-R71); left out, the use-of-force rule decides by the inject's severity.
   */
  armedAttack: z
    .boolean()
    .optional()
    .describe("Whether the act's scale and effects amount to an armed attack (UN Charter Art. 51); left out, the rules decide by the inject's severity."),
});

export const injectSchema = z.strictObject({
  id,
  at: offset
    .optional()
    .describe('Exercise time from the start, like "+00:45"; with `when`, the first time both hold.'),
  when: conditionSchema.optional(),
  audience: z
    .union([z.literal('all'), z.array(id).min(1, 'must name at least one team')])
    .describe('"all", or the ids of the teams that receive the inject.'),
  channel: z.enum(INJECT_CHANNELS).describe('The medium the inject arrives through.'),
  from: text(200).optional(),
  title: text(200),
  body: text(20000),
  severity,
  sector: z.enum(SECTORS).optional(),
  attack: z
    .array(z.string().regex(ATTACK_PATTERN, 'must be an ATT&CK technique id like T0813'))
    .default([])
    .describe('MITRE ATT&CK technique ids, like T0813 or T1566.001.'),
  expected: text(2000).optional().describe('The player action the exercise designer expects (HSEEP MSEL).'),
  objectives: z.array(id).default([]),
  incident: incidentSchema.optional(),
  /** Earlier injects whose incidents end when this one is released (the wrongful act has stopped). */
  endsIncidents: z
    .array(id)
    .optional()
    .describe('Ids of earlier injects whose incidents end when this inject is released; a controller can fire it by hand.'),
  decision: decisionPromptSchema.optional(),
});

export const scenarioSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id,
  version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'must be a version like 1.0 or 1.2.0'),
  title: text(200),
  summary: text(4000),
  duration: offset.describe('Length of the exercise in exercise time, like "02:00".'),
  speed: z
    .number()
    .positive()
    .max(60)
    .default(1)
    .describe('Exercise minutes per wall-clock minute at the start.'),
  feedback: z.enum(FEEDBACK_MODES).default('immediate'),
  /** Whether a team may download its own debrief from the after-action review. */
  debrief: z.boolean().default(true),
  rules: id.describe('Id of the rule set (in exercises/roe/) that scores decisions.'),
  notes: z.string().max(20000).optional(),
  attackVersion: z.string().optional(),
  states: z.array(z.strictObject({ id, name: text(100) })).min(1),
  objectives: z
    .array(
      z.strictObject({ id, title: text(300), capability: text(200), description: text(4000).optional() }),
    )
    .min(1),
  teams: z
    .array(
      z.strictObject({
        id,
        name: text(100),
        kind: z.enum(ACTOR_KINDS),
        state: id
          .optional()
          .describe('The state the team acts for; required unless it is an international body.'),
        description: text(2000).optional(),
      }),
    )
    .min(1),
  targets: z
    .array(
      z.strictObject({
        id,
        name: text(200),
        kind: z.enum(TARGET_KINDS),
        state: id,
        sector: z.enum(SECTORS).optional(),
        /** Other states whose people or services depend on this target: acting on it affects them too. */
        affects: z.array(id).optional().describe('Other states whose people or services depend on this target.'),
      }),
    )
    .default([]),
  channels: z
    .array(z.strictObject({ id, kind: z.enum(CHANNEL_KINDS), name: text(100), members: z.array(id).min(1) }))
    .default([]),
  injects: z.array(injectSchema).min(1),
});

// ---------------------------------------------------------------- action catalogue and rule set
export const actionSchema = z.strictObject({
  id,
  name: text(200),
  description: text(2000),
  rung,
  category: z.enum(ACTION_CATEGORIES),
  /** Target kinds the action may be aimed at; empty when it takes no target. */
  targets: z.array(z.enum(TARGET_KINDS)).default([]),
  reversible: z.boolean(),
  public: z.boolean(),
  traits: z.array(z.enum(ACTION_TRAITS)).default([]),
  /** Expected severity of the action's effects on its target; without it, judged from its rung (docs/rules.md). */
  effects: severity.optional(),
  /** CBMs the action puts into practice. */
  cbm: z.array(cbmCitation).default([]),
});

export const catalogueSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('action-catalogue'),
  id,
  title: text(200),
  actions: z.array(actionSchema).min(1),
});

export const ruleSchema = z.strictObject({
  id,
  kind: id,
  title: text(200),
  cites: z.array(citation).min(1, 'must cite at least one source'),
  dimension: z.enum(DIMENSIONS),
  weight: z.number().min(0).max(100),
  params: z.record(z.string(), z.unknown()).default({}),
  /** Read aloud by facilitators; `{team}`, `{action}`, `{target}`, `{cites}` and kind-specific fields are filled in. */
  explanation: text(1000),
});

export const ruleSetSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('rule-set'),
  id,
  title: text(200),
  catalogue: id,
  /** Parameters of the escalation model (see docs/rules.md). */
  escalation: z.record(z.string(), z.number()).default({}),
  rules: z.array(ruleSchema).min(1),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Inject = z.output<typeof injectSchema>;
export type DecisionPrompt = z.output<typeof decisionPromptSchema>;
export type Incident = z.output<typeof incidentSchema>;
export type Team = Scenario['teams'][number];
export type Target = Scenario['targets'][number];
export type ChannelDef = Scenario['channels'][number];
export type Objective = Scenario['objectives'][number];
export type StateDef = Scenario['states'][number];
export type Action = z.output<typeof actionSchema>;
export type ActionCatalogue = z.output<typeof catalogueSchema>;
export type Rule = z.output<typeof ruleSchema>;
export type RuleSet = z.output<typeof ruleSetSchema>;
