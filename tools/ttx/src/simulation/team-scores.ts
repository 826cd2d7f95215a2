// Team scores as the rules library counts them: rule findings plus controller adjustments, by dimension.
import type { ExerciseEvent } from '@ttx/engine';
import type { Scenario } from '@ttx/scenario';

export interface TeamScore {
  total: number;
  byDimension: Record<string, number>;
}

export function scoreTeams(scenario: Scenario, events: readonly ExerciseEvent[]): Map<string, TeamScore> {
  const scores = new Map<string, TeamScore>(scenario.teams.map((t) => [t.id, { total: 0, byDimension: {} }]));
  const add = (teamId: string, dimension: string, delta: number) => {
    const score = scores.get(teamId);
    if (!score) return;
    score.total += delta;
    score.byDimension[dimension] = (score.byDimension[dimension] ?? 0) + delta;
  };
  for (const event of events) {
    if (event.type === 'findings.recorded') for (const f of event.payload.findings) add(f.teamId, f.dimension, f.delta);
    if (event.type === 'score.adjusted') add(event.payload.teamId, event.payload.dimension, event.payload.delta);
  }
  return scores;
}
