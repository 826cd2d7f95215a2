// The escalation picture between states as the screens draw it: the shared view's matrix in words, and a step
// series over exercise time.
import type { EscalationCell } from '@ttx/engine';
import type { ExerciseView } from './exercise-view.js';

export interface StateRef {
  id: string;
  name: string;
}

/** Every ordered pair of distinct states, level 0 when nothing has moved it. */
export function escalationMatrix(view: ExerciseView, states: readonly StateRef[]): EscalationCell[] {
  return view.escalation.matrix(states);
}

/** What a matrix cell reads: the level now and, always in brackets, the peak so far ("ESC-2 (5)"). */
export function escalationCellText(cell: EscalationCell): string {
  return `ESC-${cell.level} (${Math.max(cell.peak, cell.level)})`;
}

/** The same cell in words, for a tooltip and a screen reader. */
export function escalationCellDescription(cell: EscalationCell, fromName: string, toName: string): string {
  return `${fromName} toward ${toName}: now ESC-${cell.level}, peak so far ESC-${Math.max(cell.peak, cell.level)}`;
}

export type EscalationRow = { minute: number } & Record<string, number>;

/**
 * Rows for a step chart: one per moment a level changed, plus one at `nowMs`, each carrying every pair's level
 * at that moment (pairs start at 0).
 */
export function escalationSeries(
  view: ExerciseView,
  pairs: readonly string[],
  nowMs: number,
): EscalationRow[] {
  const current: Record<string, number> = Object.fromEntries(pairs.map((p) => [p, 0]));
  const rows: EscalationRow[] = [{ minute: 0, ...current } as EscalationRow];
  for (const point of view.escalation.changes()) {
    if (!(point.pair in current)) continue;
    current[point.pair] = point.level;
    const minute = Math.round((point.exerciseTime / 60000) * 100) / 100;
    const last = rows[rows.length - 1];
    if (last.minute === minute) Object.assign(last, current);
    else rows.push({ minute, ...current } as EscalationRow);
  }
  const endMinute = Math.round((nowMs / 60000) * 100) / 100;
  if (endMinute > rows[rows.length - 1].minute) rows.push({ minute: endMinute, ...current } as EscalationRow);
  return rows;
}

/** Colour band for a level on the ESC ladder: cooperative, diplomatic-economic, cyber, armed. */
export function escalationBand(level: number): 'green' | 'yellow' | 'orange' | 'red' {
  if (level <= 0) return 'green';
  if (level <= 3) return 'yellow';
  if (level <= 6) return 'orange';
  return 'red';
}
