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
  confidenceField,
  dimensionField,
  freeTextField,
  hseepRatingField,
  purposeField,
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

/** A controller's command (the clock's own are issued as a controller too). */
function control<S extends z.ZodType>(schema: S, what: string, refusals: readonly EngineErrorCode[] = STATUS) {
  return { schema, roles: CONTROLLER, what, refusals };
}
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
  'exercise.create': control(z.strictObject({ exerciseId: clientIdField, name: textField(L.titleLength) }), 'run the exercise', [
    'EXERCISE_EXISTS',
  ]),
  'exercise.open-lobby': control(none, 'run the exercise'),
  'exercise.start': control(none, 'run the exercise'),
  'exercise.pause': control(none, 'run the exercise'),
  'exercise.resume': control(none, 'run the exercise', [...STATUS, 'EXERCISE_NOT_PAUSED']),
  'exercise.change-speed': control(
    z.strictObject({
      speed: z.number().positive('must be above 0 (1 is real time)').max(L.maxSpeed, `must be at most ${L.maxSpeed}`),
    }),
    'run the exercise',
  ),
  'exercise.end': control(none, 'run the exercise'),
  /** Advance the clock: release due injects, record missed deadlines, ease escalation, end at the duration. */
  'clock.tick': control(none, 'advance the clock'),
  /** After a restart: stop the clock at the moment the server went down (`downSince`, wall ms), so no exercise time passed. */
  'clock.pause-for-outage': control(z.strictObject({ downSince: z.number().min(0) }), 'stop the clock'),
  'inject.fire': control(injectOnly, 'fire injects', INJECT_REFUSALS),
  'inject.hold': control(injectOnly, 'hold injects', INJECT_REFUSALS),
  'inject.release-held': control(injectOnly, 'release held injects', [...STATUS, 'UNKNOWN_INJECT', 'INJECT_NOT_HELD']),
  'inject.skip': control(injectOnly, 'skip injects', INJECT_REFUSALS),
  'inject.edit': control(
    z.strictObject({ injectId: scenarioIdField, changes: injectEditChanges }),
    'edit injects',
    [...INJECT_REFUSALS, 'UNKNOWN_TEAM'],
  ),
  'inject.ad-hoc': control(z.strictObject({ inject: adHocInject }), 'send ad-hoc injects', [...STATUS, 'DUPLICATE_ID', 'UNKNOWN_TEAM']),
  'team.join': {
    schema: z.strictObject({ teamId: scenarioIdField, participant: textField(L.participantLength) }),
    roles: TEAM_MEMBERS,
    what: 'join teams',
    refusals: [...STATUS, 'NOT_YOUR_TEAM', 'UNKNOWN_TEAM'],
  },
  /** Nobody plays the team (or it plays again): while it is not played it gets no findings. */
  'team.mark-played': control(
    z.strictObject({ teamId: scenarioIdField, played: z.boolean(), reason: textField(L.reasonLength).optional() }),
    'mark teams as played or not played',
    [...STATUS, 'UNKNOWN_TEAM'],
  ),
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
      /** The team's stated confidence in an attribution it makes public; judged against the evidence it received. */
      confidence: confidenceField.optional(),
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
      /** What the message is for; the channel must allow it (its `purposes`, or those of its kind). */
      purpose: purposeField.optional(),
    }),
    roles: TEAM_MEMBERS,
    what: 'send messages',
    refusals: [...STATUS, 'NOT_YOUR_TEAM', 'UNKNOWN_TEAM', 'DUPLICATE_ID', 'UNKNOWN_CHANNEL', 'NOT_A_CHANNEL_MEMBER', 'PURPOSE_NOT_ALLOWED'],
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
