// A problem in an exercise file, positioned for the author: `file:line:col: field.path: message`.
import { type SourceLimit } from './source-limits.js';

export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Field path like `injects[3].decision.actions[1]`, or `(root)` for the file as a whole. */
  path: string;
  message: string;
  /** Set when the file exceeds one of the source limits and was not checked further. */
  limit?: SourceLimit;
}

export type FieldPath = readonly (string | number)[];

/** `injects[3].decision.actions[1]`; `(root)` for the empty path. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(root)' : out;
}

/** The one-line form editors and terminals understand: `file:line:col: field.path: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.path}: ${p.message}`;
}

/** Orders problems by file, then position, then message, so reports are stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** An exercise file as text; reading it from disk is the caller's job. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A problem found by a check, not yet positioned: a path into the file's data and a message. */
export interface FieldProblem {
  path: FieldPath;
  message: string;
  /** A field name under `path` the problem is about (an unknown field): positioned at that name. */
  key?: string;
}
