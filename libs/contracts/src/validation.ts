// Turns zod's verdict into the coded error every client receives.
import type { z } from 'zod';
import type { Failure } from './errors.js';

export type Parsed<T> = { ok: true; value: T } | Failure;

/** Parses `input` with `schema`; a refusal lists each wrong field as `path: message`. */
export function parseMessage<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return {
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: `The request was refused: ${issues.join('; ')}.`, issues },
  };
}
