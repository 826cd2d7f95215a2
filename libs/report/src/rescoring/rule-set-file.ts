// A rule-set file read for re-scoring: the loader `ttx validate` uses, its rules checked against the bundle's
// catalogue (and its escalation parameters), every problem positioned as file:line:col.
import { checkRuleParams, checkRuleSet } from '@ttx/rules';
import { formatFieldPath, loadRuleSet, type ActionCatalogue, type LoadResult, type RuleSet, type SourceFile } from '@ttx/scenario';

export function loadRuleSetFor(file: SourceFile, catalogue: ActionCatalogue): LoadResult<RuleSet> {
  const loaded = loadRuleSet(file, {
    catalogues: new Map([[catalogue.id, catalogue]]),
    checkRule: (rule, ruleSet) => checkRuleParams(rule, ruleSet, catalogue),
  });
  if (!loaded.ok) return loaded;
  // What the loader leaves to the rules library (escalation parameters, a rule id used twice), at its position too.
  const issues = checkRuleSet(loaded.value, catalogue);
  if (issues.length === 0) return loaded;
  const problems = issues.map((issue) => ({ file: file.path, ...loaded.locate(issue.path), path: formatFieldPath(issue.path), message: issue.message }));
  return { ok: false, problems: [...new Map(problems.map((p) => [`${p.path}\u0000${p.message}`, p])).values()] };
}
