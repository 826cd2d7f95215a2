// When only some list items are malformed, the rest of a file can still be cross-checked: this builds that rest.
import { type z } from 'zod';
import { type FieldProblem } from './problem.js';

/** Ids of malformed list items, by list name: references to them are neither trusted nor reported as missing. */
export type UnavailableIds = ReadonlyMap<string, ReadonlySet<string>>;

export interface PartialValue<T> {
  /** The file's value with malformed list items left as holes at their original indexes. */
  value: T;
  unavailable: UnavailableIds;
}

/**
 * The value of `data` without the list items that have problems, or undefined when a problem lies outside list
 * items (a top-level field), since then nothing can be checked safely.
 */
export function partialValue<S extends z.ZodType>(
  schema: S,
  data: Record<string, unknown>,
  problems: readonly FieldProblem[],
): PartialValue<z.output<S>> | undefined {
  const broken = new Map<string, Set<number>>();
  for (const problem of problems) {
    const [list, index] = problem.path;
    if (typeof list !== 'string' || typeof index !== 'number' || !Array.isArray(data[list])) return undefined;
    broken.set(list, (broken.get(list) ?? new Set()).add(index));
  }
  const kept = new Map<string, number[]>();
  const trimmed: Record<string, unknown> = { ...data };
  const unavailable = new Map<string, Set<string>>();
  for (const [list, indexes] of broken) {
    const items = data[list] as unknown[];
    kept.set(
      list,
      items.map((_, i) => i).filter((i) => !indexes.has(i)),
    );
    trimmed[list] = items.filter((_, i) => !indexes.has(i));
    const ids = [...indexes]
      .map((i) => (items[i] as { id?: unknown } | null)?.id)
      .filter((id) => typeof id === 'string');
    unavailable.set(list, new Set(ids));
  }
  const result = schema.safeParse(trimmed);
  if (!result.success) return undefined;
  const value = { ...(result.data as Record<string, unknown>) };
  for (const [list, indexes] of kept) {
    const parsed = value[list] as unknown[];
    // Holes keep each item at its index, so positions of later problems stay right; forEach and map skip them.
    const sparse = new Array<unknown>((data[list] as unknown[]).length);
    indexes.forEach((original, i) => {
      sparse[original] = parsed[i];
    });
    value[list] = sparse;
  }
  return { value: value as z.output<S>, unavailable };
}
