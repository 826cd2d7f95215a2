// Team scores by dimension: the sum of finding deltas and controller adjustments the client has seen.
import { DIMENSIONS, type Dimension } from '@ttx/scenario';
import { allFindings, type ExerciseView } from './exercise-view.js';

export interface TeamScore {
  teamId: string;
  total: number;
  byDimension: Record<Dimension, number>;
  findings: number;
  adjustments: number;
}

function zeroDimensions(): Record<Dimension, number> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
}

/** One row per team in `teamIds` order (teams without findings score 0), highest total first on ties kept stable. */
export function scoreboardOf(view: ExerciseView, teamIds: readonly string[]): TeamScore[] {
  const rows = new Map<string, TeamScore>(
    teamIds.map((teamId) => [teamId, { teamId, total: 0, byDimension: zeroDimensions(), findings: 0, adjustments: 0 }]),
  );
  const row = (teamId: string) => {
    let found = rows.get(teamId);
    if (!found) {
      found = { teamId, total: 0, byDimension: zeroDimensions(), findings: 0, adjustments: 0 };
      rows.set(teamId, found);
    }
    return found;
  };
  for (const finding of allFindings(view)) {
    const r = row(finding.teamId);
    r.byDimension[finding.dimension] += finding.delta;
    r.total += finding.delta;
    r.findings += 1;
  }
  for (const adjustment of view.adjustments) {
    const r = row(adjustment.teamId);
    r.byDimension[adjustment.dimension] += adjustment.delta;
    r.total += adjustment.delta;
    r.adjustments += 1;
  }
  return [...rows.values()];
}
