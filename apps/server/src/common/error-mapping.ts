// Maps anything thrown to the coded error body clients receive; unknown failures become INTERNAL and are logged.
import { HttpException, Logger } from '@nestjs/common';
import { type ErrorBody } from '@ttx/contracts';
import { TtxException } from './ttx.exception.js';

const logger = new Logger('Errors');
const RATE_LIMIT_WAIT_SECONDS = 60;

export function errorBodyOf(error: unknown): ErrorBody {
  if (error instanceof TtxException) return error.toBody();
  // Nest wraps body-parser's errors in an HttpException that carries the parser's raw text; answer from the cause.
  if (error instanceof HttpException && isBodyParserError(error.cause)) return errorBodyOf(error.cause);
  if (error instanceof HttpException) return httpExceptionBody(error);
  if (isBodyParserError(error)) {
    if (error.type === 'entity.too.large')
      return { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large; send a smaller one.' };
    return { code: 'VALIDATION_FAILED', message: `The request body is not valid JSON: ${jsonProblemOf(error)}.` };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { code: 'INTERNAL', message: 'The server failed to handle the request; try again, and report it if it persists.' };
}

/** Seconds a refused caller should wait, for the `Retry-After` header; undefined when there is nothing to wait for. */
export function retryAfterOf(error: unknown): number | undefined {
  if (error instanceof TtxException) return error.code === 'RATE_LIMITED' ? error.retryAfterSeconds : undefined;
  if (error instanceof HttpException && error.getStatus() === 429) return RATE_LIMIT_WAIT_SECONDS;
  return undefined;
}

/** The parser's complaint in plain words with where it is, e.g. "expected double-quoted property name at character 8". */
function jsonProblemOf(error: BodyParserError): string {
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') return 'send it as UTF-8';
  const raw = error.type === 'entity.parse.failed' ? (error.message ?? '') : '';
  if (/end of (JSON )?input/i.test(raw)) return 'it ends before the JSON is complete';
  const position = /position (\d+)/i.exec(raw);
  const what = raw.replace(/\s+in JSON at position \d+.*$/is, '').replace(/, ".*$/s, '').trim();
  if (!what) return 'check its quotes, commas and brackets';
  const where = position ? ` at character ${Number(position[1]) + 1}` : '';
  return `${what.charAt(0).toLowerCase()}${what.slice(1)}${where}`;
}

function httpExceptionBody(error: HttpException): ErrorBody {
  const status = error.getStatus();
  if (status === 404) return { code: 'NOT_FOUND', message: 'There is nothing at this address.' };
  if (status === 429) return { code: 'RATE_LIMITED', message: `Too many attempts; wait ${RATE_LIMIT_WAIT_SECONDS} seconds and try again.` };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large; send a smaller one.' };
  if (status === 401) return { code: 'UNAUTHENTICATED', message: 'Log in or join the exercise first.' };
  if (status === 403) return { code: 'FORBIDDEN_ROLE', message: 'Your role may not do this.' };
  if (status >= 500) return { code: 'INTERNAL', message: 'The server failed to handle the request; try again.' };
  return { code: 'VALIDATION_FAILED', message: error.message };
}

interface BodyParserError {
  type: string;
  status: number;
  message?: string;
}
function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && typeof (error as { status?: unknown }).status === 'number';
}
