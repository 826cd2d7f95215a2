// The MSEL as a controller sees it: the engine's MSEL view (every inject with its status, one rule for "due" on the
// server and here), in due order for the table.
import type { MselRow } from '@ttx/engine';

export type { MselRow, MselStatus } from '@ttx/engine';

/** Rows in due order: timed injects by their time after edits, ad-hoc ones at their release, conditional ones last. */
export function inDueOrder(rows: readonly MselRow[]): MselRow[] {
  const order = (r: MselRow) => r.dueAt ?? r.releasedAt ?? Number.MAX_SAFE_INTEGER;
  return [...rows].sort((a, b) => order(a) - order(b));
}
