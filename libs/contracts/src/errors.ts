// Every error code a client can receive, from the engine or from the platform around it.
import { ERROR_CODES as ENGINE_ERROR_CODES } from '@ttx/engine';

export const PLATFORM_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN_ROLE',
  'DEBRIEF_NOT_ALLOWED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'SCENARIO_INVALID',
  'SCENARIO_TOO_LARGE',
  'VALIDATION_BUSY',
  'VALIDATION_TIMED_OUT',
  'INTERNAL',
  'ORIGIN_NOT_ALLOWED',
  'TOKEN_EXPIRED',
  'TOKEN_REVOKED',
  'TOO_MANY_SOCKETS',
  'TEAM_LOG_FULL',
  'TEAM_FULL',
  'RULE_SET_INVALID',
  'RESCORE_BUSY',
  'RESCORE_TIMED_OUT',
] as const;

export const ERROR_CODES = [...new Set([...ENGINE_ERROR_CODES, ...PLATFORM_ERROR_CODES])] as readonly ErrorCode[];
export type ErrorCode = (typeof ENGINE_ERROR_CODES)[number] | (typeof PLATFORM_ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** For VALIDATION_FAILED: which fields were wrong, as `path: message`. */
  issues?: string[];
}

/** What every refused REST call returns (with its HTTP status) and every refused socket message acks. */
export interface Failure {
  ok: false;
  error: ErrorBody;
}

/** The ack shape of every socket message. */
export type Ack<T extends object = object> = ({ ok: true } & T) | Failure;

/** HTTP status for each platform and engine code (the engine's refusals are conflicts with the exercise's state). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'SCENARIO_INVALID':
    case 'INVALID_COMMAND':
    case 'RULE_SET_INVALID':
      return 400;
    case 'UNAUTHENTICATED':
    case 'TOKEN_EXPIRED':
    case 'TOKEN_REVOKED':
      return 401;
    case 'FORBIDDEN_ROLE':
    case 'DEBRIEF_NOT_ALLOWED':
    case 'NOT_YOUR_TEAM':
    case 'NOT_A_CHANNEL_MEMBER':
    case 'INJECT_NOT_AUDIENCE':
    case 'ORIGIN_NOT_ALLOWED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'PAYLOAD_TOO_LARGE':
    case 'SCENARIO_TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
    case 'TOO_MANY_SOCKETS':
    case 'TEAM_LOG_FULL':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'VALIDATION_BUSY':
    case 'VALIDATION_TIMED_OUT':
    case 'RESCORE_TIMED_OUT':
      return 503;
    default:
      return 409;
  }
}
