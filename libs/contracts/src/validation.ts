// Turns zod's verdict into the coded error every client receives, worded as the engine words its refusals.
import type { z } from 'zod';
import { checkWith } from '@ttx/engine';
import type { Failure } from './errors.js';

export { plainIssueMessage } from '@ttx/engine';

export type Parsed<T> = { ok: true; value: T } | Failure;

/** Parses `input` with `schema`; a refusal lists each wrong field as `path: message`. */
export function parseMessage<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const checked = checkWith(schema, input);
  if (checked.ok) return checked;
  const { issues } = checked;
  return {
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: `The request was refused: ${issues.join('; ')}.`, issues },
  };
}
