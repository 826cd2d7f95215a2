// Maps anything thrown to the coded error body clients receive; unknown failures become INTERNAL and are logged.
import { HttpException, Logger } from '@nestjs/common';
import { type ErrorBody } from '@ttx/contracts';
import { TtxException } from './ttx.exception.js';

const logger = new Logger('Errors');

export function errorBodyOf(error: unknown): ErrorBody {
  if (error instanceof TtxException) return error.toBody();
  if (error instanceof HttpException) return httpExceptionBody(error);
  if (isBodyParserError(error)) {
    if (error.type === 'entity.too.large')
      return { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large; send a smaller one.' };
    return { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { code: 'INTERNAL', message: 'The server failed to handle the request; try again, and report it if it persists.' };
}

function httpExceptionBody(error: HttpException): ErrorBody {
  const status = error.getStatus();
  if (status === 404) return { code: 'NOT_FOUND', message: 'There is nothing at this address.' };
  if (status === 429) return { code: 'RATE_LIMITED', message: 'Too many attempts; wait a minute and try again.' };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large; send a smaller one.' };
  if (status === 401) return { code: 'UNAUTHENTICATED', message: 'Log in or join the exercise first.' };
  if (status === 403) return { code: 'FORBIDDEN_ROLE', message: 'Your role may not do this.' };
  if (status >= 500) return { code: 'INTERNAL', message: 'The server failed to handle the request; try again.' };
  return { code: 'VALIDATION_FAILED', message: error.message };
}

interface BodyParserError {
  type: string;
  status: number;
}
function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && typeof (error as { status?: unknown }).status === 'number';
}
