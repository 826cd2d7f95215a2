// The one place socket errors are shaped: every refused message acks `{ok:false, error:{code,message}}`.
import type { Failure } from '@ttx/contracts';
import { errorBodyOf } from './error-mapping.js';

export function failureAck(error: unknown): Failure {
  return { ok: false, error: errorBodyOf(error) };
}
