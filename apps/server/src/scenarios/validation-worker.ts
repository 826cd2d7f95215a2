// The validation worker: checks uploaded exercise files in a thread of its own (run by the pool in
// scenario-validation-pool.ts), so that no file, however large or hostile, holds up the server's event loop.
import { LIMITS, type ProblemView, type ValidateScenarioResponse } from '@ttx/contracts';
import { checkRuleParams } from '@ttx/rules';
import { formatProblem, loadLibrary, type Problem, type SourceFile } from '@ttx/scenario';

/** Rule files are told apart by their `kind:`; uploading one replaces the library's rule files for the check. */
export const RULE_FILE = /^kind:\s*['"]?(action-catalogue|rule-set)/m;

export interface ValidationTask {
  uploads: SourceFile[];
  /** The library's catalogues and rule sets, which uploaded scenarios are checked against. */
  ruleFiles: SourceFile[];
}

export type ValidationOutcome =
  | { kind: 'checked'; response: ValidateScenarioResponse }
  /** An uploaded file exceeds a source limit: `message` names the limit and the file was not checked further. */
  | { kind: 'too-large'; file: string; message: string };

export function problemView(p: Problem): ProblemView {
  return {
    file: p.file,
    line: p.line,
    column: p.column,
    path: p.path,
    message: p.message,
    text: formatProblem(p),
  };
}

/** Checks the uploads against the library's rule files; only their own problems are returned, at most
 * LIMITS.validationProblems of them (the answer is cloned to the server's thread, which must not hold 60,000). */
export function validateUploads(task: ValidationTask): ValidationOutcome {
  const { uploads, ruleFiles } = task;
  const uploadedRules = uploads.some((f) => RULE_FILE.test(f.text));
  const names = new Set(uploads.map((f) => f.path));
  const files = uploadedRules ? uploads : [...ruleFiles.filter((f) => !names.has(f.path)), ...uploads];
  const result = loadLibrary(files, { checkRule: checkRuleParams, limits: LIMITS.scenarioFile });
  const problems = result.problems.filter((p) => names.has(p.file));
  const tooLarge = problems.find((p) => p.limit !== undefined);
  if (tooLarge) return { kind: 'too-large', file: tooLarge.file, message: formatProblem(tooLarge) };
  const loaded = [...result.scenarios.values()].filter((s) => names.has(s.file)).map((s) => s.scenario.id);
  const listed = problems.slice(0, LIMITS.validationProblems).map(problemView);
  const response: ValidateScenarioResponse = {
    valid: problems.length === 0,
    problems: listed,
    scenarios: loaded,
  };
  if (problems.length > listed.length) response.omittedProblems = problems.length - listed.length;
  return { kind: 'checked', response };
}
