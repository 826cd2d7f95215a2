// The one exception the server throws: a coded error value that the HTTP filter and the socket ack mapper translate.
import { type ErrorBody, type ErrorCode, type Failure } from '@ttx/contracts';

export class TtxException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
    /** For RATE_LIMITED over HTTP: the seconds the message tells the caller to wait, sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'TtxException';
  }

  static from(error: ErrorBody): TtxException {
    return new TtxException(error.code, error.message, error.issues);
  }

  toBody(): ErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/** Unwraps a value-or-failure, throwing the failure as a TtxException. */
export function orThrow<T>(result: { ok: true; value: T } | Failure): T {
  if (!result.ok) throw TtxException.from(result.error);
  return result.value;
}
