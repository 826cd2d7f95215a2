// A rule-set file read for re-scoring: the loader `ttx validate` uses, its rules checked against the bundle's
// catalogue, every problem positioned as file:line:col.
import { checkRuleParams } from '@ttx/rules';
import { loadRuleSet, type ActionCatalogue, type LoadResult, type RuleSet, type SourceFile } from '@ttx/scenario';

export function loadRuleSetFor(file: SourceFile, catalogue: ActionCatalogue): LoadResult<RuleSet> {
  return loadRuleSet(file, {
    catalogues: new Map([[catalogue.id, catalogue]]),
    checkRule: (rule, ruleSet) => checkRuleParams(rule, ruleSet, catalogue),
  });
}
