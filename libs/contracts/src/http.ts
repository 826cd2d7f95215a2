// Request bodies and response shapes of the HTTP API (docs/protocol.md describes each route and who may call it).
import { z } from 'zod';
import type { ActionCatalogue, RuleSet, Scenario } from '@ttx/scenario';
import { COMMAND_TABLE, type ExerciseStatus, type MselRow, type Role, type TeamScore } from '@ttx/engine';
import { REVIEW_PARTS, type ReviewPartName } from '@ttx/report/browser';
import { LIMITS } from './limits.js';
import { boundedText, clientIdSchema, idSchema } from './primitives.js';
import type { EventMessage } from './socket.js';

// ---------------------------------------------------------------- auth
export const loginRequestSchema = z.strictObject({
  username: boundedText(LIMITS.usernameLength),
  password: boundedText(LIMITS.passwordLength),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;
export interface LoginResponse {
  token: string;
  role: 'controller';
  username: string;
  /** Wall time (ms since the epoch) after which the token is refused. */
  expiresAt: number;
}

export const joinRequestSchema = z.strictObject({
  code: z
    .string()
    .min(1, 'must not be empty')
    .max(LIMITS.codeLength, `must be at most ${LIMITS.codeLength} characters`),
  /** Display name of the participant; players without one join as "player". */
  name: COMMAND_TABLE['team.join'].schema.shape.participant.optional(),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;
export interface JoinResponse {
  token: string;
  exerciseId: string;
  role: Exclude<Role, 'controller'>;
  /** Set for players. */
  teamId?: string;
  expiresAt: number;
}

// ---------------------------------------------------------------- scenarios
export interface ScenarioSummary {
  id: string;
  version: string;
  title: string;
  summary: string;
  /** Exercise duration in ms. */
  duration: number;
  speed: number;
  ruleSetId: string;
  teams: { id: string; name: string; kind: string; state?: string }[];
  injectCount: number;
  /** Path of its file, relative to the exercises folder. */
  file: string;
}
export interface ScenarioDetail {
  summary: ScenarioSummary;
  scenario: Scenario;
  catalogue: ActionCatalogue;
  ruleSet: Pick<RuleSet, 'id' | 'title' | 'catalogue'> & { rules: { id: string; title: string; cites: string[] }[] };
}
/** A problem in a scenario, catalogue or rule-set file, positioned for its author. */
export interface ProblemView {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  /** `file:line:col: path: message`. */
  text: string;
}
/** POST /api/scenarios/validate accepts a YAML body (text/yaml), a multipart upload (field `file`) or this JSON. */
export const validateScenarioRequestSchema = z.strictObject({
  files: z
    .array(
      z.strictObject({
        path: boundedText(260),
        text: z.string().max(LIMITS.scenarioUploadBytes, 'file is too large (at most 1 MB)'),
      }),
    )
    .min(1)
    .max(20),
});
export type ValidateScenarioRequest = z.infer<typeof validateScenarioRequestSchema>;
export interface ValidateScenarioResponse {
  valid: boolean;
  problems: ProblemView[];
  /** Ids of the scenarios, catalogues and rule sets that loaded. */
  scenarios: string[];
  /** Problems found beyond the LIMITS.validationProblems listed; absent when every problem is listed. */
  omittedProblems?: number;
}

// ---------------------------------------------------------------- exercises
export const createExerciseRequestSchema = z.strictObject({
  scenarioId: idSchema,
  name: COMMAND_TABLE['exercise.create'].schema.shape.name.optional(),
});
export type CreateExerciseRequest = z.infer<typeof createExerciseRequestSchema>;
export interface AccessCodes {
  /** One code per team id. */
  joinCodes: Record<string, string>;
  facilitatorCode: string;
  observerCode: string;
}
export interface CreateExerciseResponse extends AccessCodes {
  id: string;
}

export interface ClockView {
  status: ExerciseStatus;
  running: boolean;
  speed: number;
  /** Exercise time (ms) at `serverTime`; add (now − serverTime) × speed while running. */
  exerciseTime: number;
  serverTime: number;
  /** Exercise duration (ms). */
  duration: number;
  /** Set while paused by the server rather than a controller: after an outage longer than TTX_RESTART_PAUSE_AFTER. */
  pauseReason?: 'server-restart';
}
export interface ExerciseSummary {
  id: string;
  name: string;
  scenarioId: string;
  scenarioTitle: string;
  status: ExerciseStatus;
  createdAt: number;
  /** Seq of the last event. */
  seq: number;
}
export interface TeamView {
  id: string;
  name: string;
  kind: string;
  state?: string;
  participants: string[];
}
/** What every participant may know of the scenario: everything but the MSEL. */
export interface ScenarioBriefing {
  id: string;
  version: string;
  title: string;
  summary: string;
  duration: number;
  feedback: Scenario['feedback'];
  states: Scenario['states'];
  objectives: Scenario['objectives'];
  targets: Scenario['targets'];
  channels: Scenario['channels'];
}
export interface ExerciseDetail extends ExerciseSummary {
  clock: ClockView;
  teams: TeamView[];
  scenario: ScenarioBriefing;
  /** The actions teams choose from. */
  catalogue: ActionCatalogue;
  /** The caller's own role and team, as its token says. */
  viewer: { role: Role; teamId?: string };
}

export const changeSpeedRequestSchema = COMMAND_TABLE['exercise.change-speed'].schema;
export type ChangeSpeedRequest = z.infer<typeof changeSpeedRequestSchema>;

/** The inject is named in the path. */
export const injectEditRequestSchema = COMMAND_TABLE['inject.edit'].schema.omit({ injectId: true });
export type InjectEditRequest = z.infer<typeof injectEditRequestSchema>;

export const adHocInjectRequestSchema = COMMAND_TABLE['inject.ad-hoc'].schema.shape.inject.extend({
  /** Chosen by the server when omitted. */
  injectId: idSchema.optional(),
});
export type AdHocInjectRequest = z.infer<typeof adHocInjectRequestSchema>;

export const scoreAdjustmentRequestSchema = COMMAND_TABLE['score.adjust'].schema.extend({
  /** Chosen by the server when omitted; a retry with the same id records nothing new. */
  adjustmentId: clientIdSchema.optional(),
});
export type ScoreAdjustmentRequest = z.infer<typeof scoreAdjustmentRequestSchema>;

/** POST /api/exercises/:id/teams/:teamId/played: the team is named in the path. */
export const teamPlayedRequestSchema = COMMAND_TABLE['team.mark-played'].schema.omit({ teamId: true });
export type TeamPlayedRequest = z.infer<typeof teamPlayedRequestSchema>;

/** What a control, inject or score command returns once its events are committed. */
export interface CommandResponse {
  ok: true;
  /** Seq of the last event in the log after the command. */
  seq: number;
  /** Events the command recorded (empty for an idempotent retry). */
  events: EventMessage[];
  duplicate?: boolean;
}

export const eventsQuerySchema = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(LIMITS.eventsPageMax).default(LIMITS.eventsPageDefault),
});
export interface EventsResponse {
  events: EventMessage[];
  /** Seq of the last committed event this page covers (the caller may see fewer): the `since` of the next page. */
  seq: number;
  /** True when the page stopped at its limit: ask again from `seq`. */
  more?: boolean;
}

export const REPORT_FORMATS = ['json', 'csv', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_TABLES = ['decisions', 'timeline'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/** The parts of the review a screen can ask for alone (JSON only): see `reviewPart` in libs/report. */
export const REPORT_PARTS = REVIEW_PARTS;
export type ReportPart = ReviewPartName;

/** `GET /api/exercises/:id/report`: the after-action review (or a player's team debrief) in one format. */
export const reportQuerySchema = z
  .strictObject({
    format: z.enum(REPORT_FORMATS).default('json'),
    /** Which table a CSV holds. */
    table: z.enum(REPORT_TABLES).default('decisions'),
    /** `1` serves HTML inline (the review screen's preview) rather than as a download. */
    inline: z.enum(['0', '1']).default('0'),
    /** One part of the review instead of the whole (format=json). */
    part: z.enum(REVIEW_PARTS as [ReviewPartName, ...ReviewPartName[]]).optional(),
  })
  .refine((query) => query.part === undefined || query.format === 'json', {
    path: ['part'],
    message: 'A part of the review is served as JSON only: leave out format or give format=json.',
  });
export type ReportQuery = z.output<typeof reportQuerySchema>;

export interface HealthResponse {
  status: 'ok';
  uptime: number;
  exercises: number;
}

/** GET /api/exercises/:id/msel (staff): the MSEL as it stands, one row per inject. */
export type MselResponse = MselRow[];

/** A team's line of the scoreboard: the engine's score book line. */
export type TeamScoreView = TeamScore;
/** GET /api/exercises/:id/scores: every team for staff; a player gets its own team, from the findings it may see. */
export interface ScoresResponse {
  teams: TeamScoreView[];
  /** Level on ESC-0…10 by `from>to` state pair (staff only; empty for players). */
  escalation: Record<string, number>;
  escalationPeak: Record<string, number>;
}
