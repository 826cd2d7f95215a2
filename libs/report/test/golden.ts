// Shared by the specs: the golden exercise's inputs and the model built from them.
import { buildAarModel, type AarBuildInput } from '@ttx/report';
import { goldenCatalogue, goldenEvents, goldenRuleSet, goldenScenario } from '../fixtures/golden-exercise.js';

export function goldenInput(extra: Partial<AarBuildInput> = {}): AarBuildInput {
  return { scenario: goldenScenario, catalogue: goldenCatalogue, ruleSet: goldenRuleSet, events: goldenEvents(), generatedAt: Date.UTC(2026, 2, 10, 12, 0, 0), ...extra };
}

export const goldenModel = () => buildAarModel(goldenInput());
