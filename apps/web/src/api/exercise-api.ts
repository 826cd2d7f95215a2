// The HTTP routes of docs/protocol.md, one function each, typed with the shared contracts.
import type {
  AccessCodes,
  AdHocInjectRequest,
  CommandResponse,
  CreateExerciseRequest,
  CreateExerciseResponse,
  EventsResponse,
  ExerciseDetail,
  ExerciseSummary,
  InjectEditRequest,
  JoinRequest,
  JoinResponse,
  LoginRequest,
  LoginResponse,
  ReportFormat,
  ReportPart,
  ReportTable,
  ScenarioDetail,
  ScenarioSummary,
  ScoreAdjustmentRequest,
  TeamPlayedRequest,
} from '@ttx/contracts';
import { apiRequest } from './api-client.js';

export type ClockCommand = 'start' | 'pause' | 'resume' | 'end';
export type InjectCommand = 'fire' | 'hold' | 'release' | 'skip';

const exercisePath = (id: string) => `/api/exercises/${encodeURIComponent(id)}`;

export const exerciseApi = {
  login: (body: LoginRequest) => apiRequest<LoginResponse>('/api/auth/login', { body }),
  join: (body: JoinRequest) => apiRequest<JoinResponse>('/api/join', { body }),
  scenarios: (token: string) => apiRequest<ScenarioSummary[]>('/api/scenarios', { token }),
  scenario: (token: string, id: string) =>
    apiRequest<ScenarioDetail>(`/api/scenarios/${encodeURIComponent(id)}`, { token }),
  exercises: (token: string) => apiRequest<ExerciseSummary[]>('/api/exercises', { token }),
  exercise: (token: string, id: string) => apiRequest<ExerciseDetail>(exercisePath(id), { token }),
  createExercise: (token: string, body: CreateExerciseRequest) =>
    apiRequest<CreateExerciseResponse>('/api/exercises', { token, body }),
  /** Issues new join codes; the old ones stop working. */
  regenerateCodes: (token: string, id: string) =>
    apiRequest<AccessCodes>(`${exercisePath(id)}/codes`, { token, body: {} }),
  runClock: (token: string, id: string, command: ClockCommand) =>
    apiRequest<CommandResponse>(`${exercisePath(id)}/${command}`, { token, body: {} }),
  changeSpeed: (token: string, id: string, speed: number) =>
    apiRequest<CommandResponse>(`${exercisePath(id)}/speed`, { token, body: { speed } }),
  commandInject: (token: string, id: string, injectId: string, command: InjectCommand) =>
    apiRequest<CommandResponse>(`${exercisePath(id)}/injects/${encodeURIComponent(injectId)}/${command}`, {
      token,
      body: {},
    }),
  editInject: (token: string, id: string, injectId: string, body: InjectEditRequest) =>
    apiRequest<CommandResponse>(`${exercisePath(id)}/injects/${encodeURIComponent(injectId)}/edit`, { token, body }),
  adHocInject: (token: string, id: string, body: AdHocInjectRequest) =>
    apiRequest<CommandResponse>(`${exercisePath(id)}/injects`, { token, body }),
  adjustScore: (token: string, id: string, body: ScoreAdjustmentRequest) =>
    apiRequest<CommandResponse>(`${exercisePath(id)}/adjustments`, { token, body }),
  /** Marks a team as not played (it gets no findings) or as played again. */
  markTeamPlayed: (token: string, id: string, teamId: string, body: TeamPlayedRequest) =>
    apiRequest<CommandResponse>(`${exercisePath(id)}/teams/${encodeURIComponent(teamId)}/played`, { token, body }),
  events: (token: string, id: string, since: number) =>
    apiRequest<EventsResponse>(`${exercisePath(id)}/events?since=${since}`, { token }),
  reportUrl: (id: string, format: ReportFormat, table?: ReportTable) =>
    `${exercisePath(id)}/report?format=${format}${format === 'csv' && table ? `&table=${table}` : ''}`,
  reportPartUrl: (id: string, part: ReportPart) => `${exercisePath(id)}/report?format=json&part=${part}`,
};
