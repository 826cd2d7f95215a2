// Ids declared in a file, for finding duplicates and references to things that do not exist.
import { type FieldPath, type FieldProblem } from './problem.js';
import { formatFieldPath } from './problem.js';
import { closest, listIds } from './suggestions.js';

export class ReferenceIndex<T extends { id: string }> {
  private readonly byId = new Map<string, T>();

  /** `noun` names one item in messages ("team"); `plural` heads the list of known ids ("teams"). */
  constructor(
    readonly noun: string,
    readonly plural: string,
    items: readonly T[],
    listPath: FieldPath,
    problems: FieldProblem[],
    /** Ids of items that exist but are malformed: references to them are not reported. */
    private readonly unavailable: ReadonlySet<string> = new Set(),
  ) {
    const firstIndex = new Map<string, number>();
    items.forEach((item, index) => {
      const first = firstIndex.get(item.id);
      if (first === undefined) {
        firstIndex.set(item.id, index);
        this.byId.set(item.id, item);
      } else {
        problems.push({
          path: [...listPath, index, 'id'],
          message: `duplicate ${noun} id "${item.id}" (already used by ${formatFieldPath([...listPath, first])})`,
        });
      }
    });
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Records a problem at `path` when `id` is not declared; returns the item when it is. */
  require(id: string, path: FieldPath, problems: FieldProblem[]): T | undefined {
    const item = this.byId.get(id);
    if (item === undefined && !this.unavailable.has(id))
      problems.push({ path, message: missingMessage(this.noun, this.plural, id, this.ids) });
    return item;
  }
}

/** `team "north-cret" does not exist (did you mean "north-cert"? teams: north-gov, north-cert, …)` */
export function missingMessage(noun: string, plural: string, id: string, known: readonly string[]): string {
  const guess = closest(id, known);
  const mean = guess === undefined ? '' : `did you mean "${guess}"? `;
  return `${noun} "${id}" does not exist (${mean}${plural}: ${listIds(known)})`;
}

/** Reports ids listed twice in one plain list of ids (a prompt's actions, a channel's members). */
export function checkRepeats(
  ids: readonly string[],
  path: FieldPath,
  noun: string,
  problems: FieldProblem[],
): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) problems.push({ path: [...path, index], message: `${noun} "${id}" is listed twice` });
    seen.add(id);
  });
}
