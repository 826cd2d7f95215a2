// Turns zod's validation issues into messages a scenario author understands, one per offending field.
import { z } from 'zod';
import { type FieldPath, type FieldProblem } from './problem.js';
import { describeValue, didYouMean, listIds } from './suggestions.js';

/** Parse-level error map result that marks "zod's own wording": every schema-level message wins over it. */
const ZOD_WORDING = '\u0000zod';

type Issue = z.core.$ZodIssue;

/** Validates `data` against `schema` and returns the value or the author-facing problems. */
export function validateData<S extends z.ZodType>(
  schema: S,
  data: unknown,
): { ok: true; value: z.output<S> } | { ok: false; problems: FieldProblem[] } {
  const result = schema.safeParse(data, { error: () => ZOD_WORDING });
  if (result.success) return { ok: true, value: result.data };
  const problems: FieldProblem[] = [];
  for (const issue of result.error.issues) translateIssue(issue, [], schema, data, problems);
  return { ok: false, problems: withoutMisspelledMissing(dedupe(problems)) };
}

/** A field reported unknown as a misspelling of a required one need not also be reported missing. */
function withoutMisspelledMissing(problems: FieldProblem[]): FieldProblem[] {
  const misspelt = new Set(
    problems.flatMap((p) => {
      const meant = /\(did you mean "([^"]+)"\?\)$/.exec(p.message);
      return p.key !== undefined && meant ? [JSON.stringify([p.path, meant[1]])] : [];
    }),
  );
  return problems.filter((p) => {
    const missing = /^missing required field "([^"]+)"$/.exec(p.message);
    return !(missing && misspelt.has(JSON.stringify([p.path, missing[1]])));
  });
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.path, p.key, p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Strips optional, default, lazy and transform wrappers down to the schema that decides the shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodLazy) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return current;
  }
}

/** The schema of the field at `path`, choosing the union member that has the field. */
function schemaAt(schema: z.ZodType, path: FieldPath): z.ZodType | undefined {
  const current = unwrap(schema);
  if (path.length === 0) return current;
  const [head, ...rest] = path;
  if (current instanceof z.ZodObject && typeof head === 'string') {
    const field = (current.shape as Record<string, z.ZodType>)[head];
    return field === undefined ? undefined : schemaAt(field, rest);
  }
  if (current instanceof z.ZodArray && typeof head === 'number')
    return schemaAt(current.element as z.ZodType, rest);
  if (current instanceof z.ZodRecord) return schemaAt(current.valueType as z.ZodType, rest);
  if (current instanceof z.ZodUnion) {
    for (const option of current.options as z.ZodType[]) {
      const found = schemaAt(option, path);
      if (found) return found;
    }
  }
  return undefined;
}

function fieldNames(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function found(value: unknown): string {
  return `found ${describeValue(value)}`;
}

function translateIssue(
  issue: Issue,
  prefix: FieldPath,
  root: z.ZodType,
  data: unknown,
  out: FieldProblem[],
): void {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const value = valueAt(data, path);
  const custom = issue.message === ZOD_WORDING ? undefined : issue.message;
  const missable =
    issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union';
  if (missable && value === undefined && path.length > 0 && typeof path[path.length - 1] === 'string') {
    out.push({
      path: path.slice(0, -1),
      message: `missing required field "${String(path[path.length - 1])}"`,
    });
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = fieldNames(schemaAt(root, path));
      for (const key of issue.keys) {
        const guess = didYouMean(key, known);
        const hint = guess || (known.length > 0 ? ` (fields: ${listIds(known, 20)})` : '');
        out.push({ path, key, message: `unknown field "${key}"${hint}` });
      }
      return;
    }
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      const hint =
        issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
          ? ' (put it in quotes to make it text)'
          : '';
      out.push({ path, message: custom ?? `expected ${expected}, ${found(value)}${hint}` });
      return;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      const guess = typeof value === 'string' ? didYouMean(value, values) : '';
      if (custom) out.push({ path, message: `${custom}, ${found(value)}${guess}` });
      else if (values.length === 1)
        out.push({ path, message: `must be ${JSON.stringify(issue.values[0])}, ${found(value)}` });
      else out.push({ path, message: `expected one of ${listIds(values, 20)}; ${found(value)}${guess}` });
      return;
    }
    case 'invalid_format':
      out.push({
        path,
        message: `${custom ?? `is not in the expected ${issue.format} format`}, ${found(value)}`,
      });
      return;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'least' : 'most';
      const origin = issue.origin;
      let message = custom;
      if (!message && origin === 'array')
        message = `must list at ${word} ${bound} item${Number(bound) === 1 ? '' : 's'}`;
      if (!message && origin === 'string') message = `must be at ${word} ${bound} characters long`;
      if (!message && issue.inclusive === false)
        message = `must be ${issue.code === 'too_small' ? 'greater' : 'less'} than ${bound}`;
      out.push({ path, message: message ?? `must be at ${word} ${bound}` });
      return;
    }
    case 'invalid_union':
      translateUnion(issue, path, root, data, value, out);
      return;
    default:
      out.push({ path, message: custom ?? `is not valid, ${found(value)}` });
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function optionKind(option: z.ZodType): string {
  const inner = unwrap(option);
  if (inner instanceof z.ZodObject) return 'object';
  if (inner instanceof z.ZodArray) return 'array';
  if (inner instanceof z.ZodLiteral) return typeof [...inner.values][0];
  if (inner instanceof z.ZodEnum || inner instanceof z.ZodString) return 'string';
  return 'unknown';
}

function describeOption(option: z.ZodType): string {
  const inner = unwrap(option);
  if (inner instanceof z.ZodLiteral) return JSON.stringify([...inner.values][0]);
  if (inner instanceof z.ZodArray)
    return unwrap(inner.element as z.ZodType) instanceof z.ZodString ? 'a list of ids' : 'a list';
  if (inner instanceof z.ZodObject) return `"${Object.keys(inner.shape).join('/')}"`;
  return 'a value';
}

/** Picks the union member the author evidently meant (by type, then by field name) and reports its problems. */
function translateUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  path: FieldPath,
  root: z.ZodType,
  data: unknown,
  value: unknown,
  out: FieldProblem[],
): void {
  const union = schemaAt(root, path);
  const options = union instanceof z.ZodUnion ? (union.options as z.ZodType[]) : [];
  const kind = kindOf(value);
  let candidates = options
    .map((option, index) => ({ option, index }))
    .filter((c) => optionKind(c.option) === kind);
  const objectOptions = options
    .map((option, index) => ({ option, index }))
    .filter((c) => optionKind(c.option) === 'object');
  const isCondition = objectOptions.length > 1;
  if (isCondition && value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    candidates = candidates.filter((c) => keys.some((k) => fieldNames(unwrap(c.option)).includes(k)));
    if (candidates.length === 0) {
      const kinds = objectOptions.flatMap((c) => fieldNames(unwrap(c.option)));
      const first = keys[0];
      out.push({
        path,
        ...(first === undefined ? {} : { key: first }),
        message:
          first === undefined
            ? `a condition needs one of ${kinds.join(', ')}`
            : `unknown condition "${first}"${didYouMean(first, kinds)}; a condition is one of ${kinds.join(', ')}`,
      });
      return;
    }
  }
  const literalOnly = candidates.length === 1 && unwrap(candidates[0].option) instanceof z.ZodLiteral;
  if (candidates.length === 1 && !literalOnly && issue.errors[candidates[0].index]) {
    for (const inner of issue.errors[candidates[0].index]) translateIssue(inner, path, root, data, out);
    return;
  }
  if (isCondition) {
    out.push({
      path,
      message: `expected a condition (a mapping such as "released: <inject id>"), ${found(value)}`,
    });
    return;
  }
  const described = options.map(describeOption);
  out.push({ path, message: `expected ${described.join(' or ')}, ${found(value)}` });
}
