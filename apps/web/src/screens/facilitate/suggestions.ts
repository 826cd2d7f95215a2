// The ratings the rules suggest per objective: from the server's after-action review when it has one, else
// computed here with the same rules library from the findings this page has received.
import type { Finding } from '@ttx/engine';
import type { AarModel } from '@ttx/report/browser';
import { suggestRatings } from '@ttx/rules';
import type { HseepRating, Scenario } from '@ttx/scenario';

export type Suggestions = Record<string, { rating?: HseepRating; reasoning: string }>;

export function suggestionsByObjective(report: AarModel | undefined, scenario: Scenario | undefined, findings: readonly Finding[]): Suggestions {
  if (report)
    return Object.fromEntries(report.objectives.map((o) => [o.objectiveId, { rating: o.suggestedRating, reasoning: o.suggestionReasoning }]));
  if (!scenario) return {};
  return Object.fromEntries(suggestRatings(scenario, findings).map((s) => [s.objectiveId, { rating: s.rating, reasoning: s.reasoning }]));
}
