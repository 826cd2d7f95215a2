// The ratings the rules suggest per objective: computed here with the same rules library the review uses, from the
// findings this page has received live, when the scenario is at hand; else from the review's objectives (observers,
// who are not given the scenario).
import type { Finding } from '@ttx/engine';
import type { ObjectiveReport } from '@ttx/report/browser';
import { suggestRatings } from '@ttx/rules';
import type { HseepRating, Scenario } from '@ttx/scenario';

export type Suggestions = Record<string, { rating?: HseepRating; reasoning: string }>;

export function suggestionsByObjective(scenario: Scenario | undefined, findings: readonly Finding[], reviewed: readonly ObjectiveReport[] | undefined): Suggestions {
  if (scenario)
    return Object.fromEntries(suggestRatings(scenario, findings).map((s) => [s.objectiveId, { rating: s.rating, reasoning: s.reasoning }]));
  return Object.fromEntries((reviewed ?? []).map((o) => [o.objectiveId, { rating: o.suggestedRating, reasoning: o.suggestionReasoning }]));
}
