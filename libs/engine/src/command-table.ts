// Every command, once: the fields it carries (a zod schema), the roles that may issue it and the refusals it can
// answer with. `decide` checks each command against its entry before any handler reads it; libs/contracts derives
// the HTTP and socket schemas from the same entries, the server authorises with them and the web client takes its
// form limits and role checks from them.
import { z } from 'zod';
import { requireRole } from './command-guards.js';
import type { EngineError, EngineErrorCode } from './commands.js';
import type { Actor, Role } from './events.js';
import {
  COMMAND_LIMITS as L,
  actionChoiceField,
  audienceField,
  capabilityElementField,
  channelField,
  clientIdField,
  dimensionField,
  freeTextField,
  hseepRatingField,
  isoDateField,
  scenarioIdField,
  severityField,
  textField,
} from './command-fields.js';

/** Refusals any command that needs a certain exercise status can give (`requireStatus`). */
const STATUS: readonly EngineErrorCode[] = ['EXERCISE_NOT_CREATED', 'EXERCISE_NOT_RUNNING', 'EXERCISE_ALREADY_STARTED', 'EXERCISE_ENDED'];
const CONTROLLER: readonly Role[] = ['controller'];
const STAFF: readonly Role[] = ['facilitator', 'controller'];
const TEAM_MEMBERS: readonly Role[] = ['player', 'controller'];

export interface CommandSpec {
  /** The command's fields besides `type` and `actor`. */
  schema: z.ZodType;
  roles: readonly Role[];
  /** What the roles may do, as a refusal names it: "Only controllers may run the exercise". */
  what: string;
  /** The coded refusals besides FORBIDDEN_ROLE and INVALID_COMMAND, which every command can give. */
  refusals: readonly EngineErrorCode[];
}

const none = z.strictObject({});
const injectOnly = z.strictObject({ injectId: scenarioIdField });
const INJECT_REFUSALS: readonly EngineErrorCode[] = [...STATUS, 'UNKNOWN_INJECT', 'INJECT_NOT_PENDING'];

const injectEditChanges = z
  .strictObject({
    title: textField(L.titleLength).optional(),
    body: textField(L.injectBodyLength).optional(),
    severity: severityField.optional(),
    /** Exercise time (ms) it is due at, within the exercise. */
    at: z.number().int('must be a whole number of ms').min(0).optional(),
    audience: audienceField.optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'must change at least one of title, body, severity, at, audience');

const adHocInject = z.strictObject({
  injectId: scenarioIdField,
  title: textField(L.titleLength),
  body: textField(L.injectBodyLength),
  channel: channelField,
  severity: severityField,
  audience: audienceField,
  from: textField(L.titleLength).optional(),
});

const improvementText = freeTextField(L.improvementFieldLength);
const improvementChanges = z
  .strictObject({
    objectiveId: scenarioIdField.optional(),
    issue: improvementText.optional(),
    correctiveAction: improvementText.optional(),
    capabilityElement: capabilityElementField.optional(),
    responsibleOrganisation: improvementText.optional(),
    pointOfContact: improvementText.optional(),
    startDate: isoDateField.optional(),
    completionDate: isoDateField.optional(),
    /** Removes the item from the plan. */
    removed: z.boolean().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'must change at least one field');

export const COMMAND_TABLE = {
  'exercise.create': {
    schema: z.strictObject({ exerciseId: clientIdField, name: textField(L.titleLength) }),
    roles: CONTROLLER,
    what: 'run the exercise',
    refusals: ['EXERCISE_EXISTS'],
  },
  'exercise.open-lobby': { schema: none, roles: CONTROLLER, what: 'run the exercise', refusals: STATUS },
  'exercise.start': { schema: none, roles: CONTROLLER, what: 'run the exercise', refusals: STATUS },
  'exercise.pause': { schema: none, roles: CONTROLLER, what: 'run the exercise', refusals: STATUS },
  'exercise.resume': { schema: none, roles: CONTROLLER, what: 'run the exercise', refusals: [...STATUS, 'EXERCISE_NOT_PAUSED'] },
  'exercise.change-speed': {
    schema: z.strictObject({
      speed: z.number().positive('must be above 0 (1 is real time)').max(L.maxSpeed, `must be at most ${L.maxSpeed}`),
    }),
    roles: CONTROLLER,
    what: 'run the exercise',
    refusals: STATUS,
  },
  'exercise.end': { schema: none, roles: CONTROLLER, what: 'run the exercise', refusals: STATUS },
  /** Advance the clock: release due injects, record missed deadlines, ease escalation, end at the duration. */
  'clock.tick': { schema: none, roles: CONTROLLER, what: 'advance the clock', refusals: STATUS },
  /** After a restart: stop the clock at the moment the server went down (`downSince`, wall ms), so no exercise time passed. */
  'clock.pause-for-outage': {
    schema: z.strictObject({ downSince: z.number().min(0) }),
    roles: CONTROLLER,
    what: 'stop the clock',
    refusals: STATUS,
  },
  'inject.fire': { schema: injectOnly, roles: CONTROLLER, what: 'fire injects', refusals: INJECT_REFUSALS },
  'inject.hold': { schema: injectOnly, roles: CONTROLLER, what: 'hold injects', refusals: INJECT_REFUSALS },
  'inject.release-held': {
    schema: injectOnly,
    roles: CONTROLLER,
    what: 'release held injects',
    refusals: [...STATUS, 'UNKNOWN_INJECT', 'INJECT_NOT_HELD'],
  },
  'inject.skip': { schema: injectOnly, roles: CONTROLLER, what: 'skip injects', refusals: INJECT_REFUSALS },
  'inject.edit': {
    schema: z.strictObject({ injectId: scenarioIdField, changes: injectEditChanges }),
    roles: CONTROLLER,
    what: 'edit injects',
    refusals: [...INJECT_REFUSALS, 'UNKNOWN_TEAM'],
  },
  'inject.ad-hoc': {
    schema: z.strictObject({ inject: adHocInject }),
    roles: CONTROLLER,
    what: 'send ad-hoc injects',
    refusals: [...STATUS, 'DUPLICATE_ID', 'UNKNOWN_TEAM'],
  },
  'team.join': {
    schema: z.strictObject({ teamId: scenarioIdField, participant: textField(L.participantLength) }),
    roles: TEAM_MEMBERS,
    what: 'join teams',
    refusals: [...STATUS, 'NOT_YOUR_TEAM', 'UNKNOWN_TEAM'],
  },
  'decision.submit': {
    schema: z.strictObject({
      /** Client-generated; a retry with the same id is acknowledged again and records nothing new. */
      decisionId: clientIdField,
      /** The caller's own team for a player (the default); a controller names the team it decides for. */
      teamId: scenarioIdField.optional(),
      /** The inject whose prompt this answers; omitted for a decision taken on the team's own initiative. */
      injectId: scenarioIdField.optional(),
      actions: z
        .array(actionChoiceField)
        .min(1, 'must choose at least one action')
        .max(L.actionsPerDecision, `must choose at most ${L.actionsPerDecision} actions`),
      rationale: freeTextField(L.rationaleLength),
    }),
    roles: TEAM_MEMBERS,
    what: 'submit decisions',
    refusals: [
      ...STATUS,
      'NOT_YOUR_TEAM',
      'UNKNOWN_TEAM',
      'DUPLICATE_ID',
      'UNKNOWN_INJECT',
      'INJECT_NOT_RELEASED',
      'INJECT_NOT_AUDIENCE',
      'NO_DECISION_PROMPT',
      'ALREADY_DECIDED',
      'DEADLINE_PASSED',
      'UNKNOWN_ACTION',
      'ACTION_NOT_ALLOWED',
      'UNKNOWN_TARGET',
      'TARGET_NOT_ALLOWED',
      'TOO_MANY_ACTIONS',
    ],
  },
  'message.send': {
    schema: z.strictObject({
      messageId: clientIdField,
      channelId: scenarioIdField,
      /** The caller's own team for a player (the default); a controller speaks for the white cell unless it names one. */
      teamId: scenarioIdField.optional(),
      text: textField(L.messageLength),
    }),
    roles: TEAM_MEMBERS,
    what: 'send messages',
    refusals: [...STATUS, 'NOT_YOUR_TEAM', 'UNKNOWN_TEAM', 'DUPLICATE_ID', 'UNKNOWN_CHANNEL', 'NOT_A_CHANNEL_MEMBER'],
  },
  'observation.record': {
    schema: z.strictObject({
      observationId: clientIdField,
      objectiveId: scenarioIdField,
      rating: hseepRatingField,
      note: freeTextField(L.noteLength),
    }),
    roles: STAFF,
    what: 'record observations',
    refusals: [...STATUS, 'UNKNOWN_OBJECTIVE'],
  },
  'score.adjust': {
    schema: z.strictObject({
      adjustmentId: clientIdField,
      teamId: scenarioIdField,
      dimension: dimensionField,
      delta: z
        .number()
        .int('must be a whole number of points')
        .min(-L.scoreDelta, `must be at least -${count(L.scoreDelta)}`)
        .max(L.scoreDelta, `must be at most ${count(L.scoreDelta)}`)
        .refine((delta) => delta !== 0, 'must not be 0'),
      reason: textField(L.reasonLength),
    }),
    roles: STAFF,
    what: 'adjust scores',
    refusals: [...STATUS, 'UNKNOWN_TEAM'],
  },
  'improvement.edit': {
    schema: z.strictObject({ itemId: clientIdField, changes: improvementChanges }),
    roles: STAFF,
    what: 'edit the improvement plan',
    refusals: [...STATUS, 'UNKNOWN_OBJECTIVE'],
  },
} as const satisfies Record<string, CommandSpec>;

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

export type CommandTable = typeof COMMAND_TABLE;
export type CommandType = keyof CommandTable;
/** The fields of command `T` as the engine reads them once checked. */
export type CommandFields<T extends CommandType> =
  z.output<CommandTable[T]['schema']> extends Record<string, never> ? Record<never, never> : z.output<CommandTable[T]['schema']>;
export type Command = { [T in CommandType]: { type: T } & CommandFields<T> }[CommandType];

/** The refusal of command `type` from `actor`, if its role may not issue it: worded the same wherever it is checked. */
export function roleRefusalOf(actor: Actor, type: CommandType): EngineError | undefined {
  const { roles, what } = COMMAND_TABLE[type];
  return requireRole(actor, roles, what)?.error;
}

/** Whether `role` may issue command `type`: the same answer the engine, the server and the web client give. */
export function mayIssue(role: Role, type: CommandType): boolean {
  return COMMAND_TABLE[type].roles.includes(role);
}

export const COMMAND_TYPES = Object.keys(COMMAND_TABLE) as CommandType[];
