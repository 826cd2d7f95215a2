// How a refused field reads: zod's verdict in words a user follows, one `path: message` line per wrong field. The
// engine words its INVALID_COMMAND refusals this way, and libs/contracts its VALIDATION_FAILED answers.
import type { z } from 'zod';

/** How a refused value reads: `"text"`, `7`, `a list`, `an object`, `null`. */
function described(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

type IssueLike = z.core.$ZodRawIssue;

/** TTX's wording for the checks zod words generically; a schema's own message always wins over this one. */
export function plainIssueMessage(issue: IssueLike): string | undefined {
  const { input } = issue;
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined
        ? 'is required'
        : `must be ${KINDS[issue.expected] ?? issue.expected}, not ${described(input)}`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? 'must not be empty' : `must be at least ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must list at least ${n}`;
      return `must be at least ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must list at most ${n}`;
      return `must be at most ${n}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${described(input)}`;
    case 'invalid_union':
      return `${described(input)} matches none of the accepted forms`;
    default:
      return undefined;
  }
}

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/** Parses `input` with `schema`; a refusal lists each wrong field as `path: message` (at most 20). */
export function checkWith<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(input, { error: plainIssueMessage });
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .flatMap((issue) => {
      const path = issue.path.map(String);
      // One line per unknown field, at the field itself.
      if (issue.code === 'unrecognized_keys')
        return issue.keys.map((key) => `${[...path, key].join('.')}: is not a field of this message`);
      return [path.length > 0 ? `${path.join('.')}: ${issue.message}` : issue.message];
    })
    .slice(0, 20);
  return { ok: false, issues };
}
