// Suggested HSEEP Exercise Evaluation Guide ratings: each objective judged by the findings on the injects that
// serve it. The evaluator's own rating overrides the suggestion.
import type { HseepRating, Scenario } from '@ttx/scenario';
import type { Finding } from '@ttx/engine';

export interface SuggestedRating {
  objectiveId: string;
  /** Absent when no finding bears on the objective: the evaluator rates it from observation. */
  rating?: HseepRating;
  reasoning: string;
  findings: Finding[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * P: only commendations and notes. S: concerns but no violation. M: violations, matched or outnumbered by
 * commendations. U: violations outnumbering commendations.
 */
export function suggestRatings(scenario: Scenario, findings: readonly Finding[]): SuggestedRating[] {
  return scenario.objectives.map((objective) => {
    const injects = new Set(scenario.injects.filter((i) => i.objectives.includes(objective.id)).map((i) => i.id));
    const bearing = findings.filter((f) => f.injectId !== undefined && injects.has(f.injectId));
    if (bearing.length === 0) {
      return {
        objectiveId: objective.id,
        reasoning:
          injects.size === 0
            ? 'No inject lists this objective, so no decision was scored against it; rate it from observation.'
            : 'No scored decision answered the injects serving this objective; rate it from observation.',
        findings: [],
      };
    }
    const count = (severity: Finding['severity']) => bearing.filter((f) => f.severity === severity).length;
    const commendations = count('commendation');
    const concerns = count('concern');
    const violations = count('violation');
    const net = Math.round(bearing.reduce((sum, f) => sum + f.delta, 0) * 100) / 100 + 0;
    let rating: HseepRating;
    if (violations > commendations) rating = 'U';
    else if (violations > 0) rating = 'M';
    else if (concerns > 0) rating = 'S';
    else rating = 'P';
    const worst = bearing.filter((f) => f.severity === 'violation' || f.severity === 'concern').map((f) => f.ruleId);
    const rules = [...new Set(worst)];
    const reasoning =
      `${plural(bearing.length, 'finding')} on ${plural(injects.size, 'inject')} serving this objective: ` +
      `${plural(commendations, 'commendation')}, ${plural(concerns, 'concern')}, ${plural(violations, 'violation')} (net ${net}).` +
      (rules.length > 0 ? ` Challenges came from ${rules.join(', ')}.` : ' No rule raised a challenge.');
    return { objectiveId: objective.id, rating, reasoning, findings: bearing };
  });
}
