// Loads a whole exercise library (scenarios, catalogues, rule sets) and checks the references between files.
import { checkCatalogue, checkRuleSet, loadParsed, type LoadResult, type RuleCheck } from './loader.js';
import { type Problem, type SourceFile, sortProblems } from './problem.js';
import { checkScenarioReferences } from './scenario-references.js';
import {
  type ActionCatalogue,
  type RuleSet,
  type Scenario,
  catalogueSchema,
  ruleSetSchema,
  scenarioSchema,
} from './schema.js';
import { type ParsedSource, parseSource, positionProblem } from './yaml-positions.js';
import { valueAt } from './zod-issues.js';
import { limitsOf, type SourceLimits } from './source-limits.js';

export interface LoadedScenario {
  scenario: Scenario;
  /** The path the scenario was loaded from. */
  file: string;
}

export interface ExerciseLibrary {
  scenarios: Map<string, LoadedScenario>;
  catalogues: Map<string, ActionCatalogue>;
  ruleSets: Map<string, RuleSet>;
  /** Every problem in every file, sorted by file and position; empty when the library is valid. */
  problems: Problem[];
}

export interface LoadLibraryOptions {
  /** Parameter checks of the rule kinds; see RuleCheck. */
  checkRule?: RuleCheck;
  /** Bounds on each file (SOURCE_LIMITS unless given); a file over one is reported and not checked further. */
  limits?: Partial<SourceLimits>;
}

type FileKind = 'scenario' | 'action-catalogue' | 'rule-set' | 'unknown-rule-file';

/** Files under a `roe` folder, or declaring a rule `kind:`, are rule files; every other file is a scenario. */
function kindOf(parsed: ParsedSource): FileKind {
  const declared = valueAt(parsed.data, ['kind']);
  if (declared === 'action-catalogue' || declared === 'rule-set') return declared;
  const inRoe = parsed.file.path.split(/[\\/]/).slice(0, -1).includes('roe');
  return inRoe ? 'unknown-rule-file' : 'scenario';
}

export function loadLibrary(files: readonly SourceFile[], options: LoadLibraryOptions = {}): ExerciseLibrary {
  const library: ExerciseLibrary = {
    scenarios: new Map(),
    catalogues: new Map(),
    ruleSets: new Map(),
    problems: [],
  };
  const unavailable = new Set<string>();
  const limits = limitsOf(options.limits);
  const parsedFiles = files
    .map((file) => parseSource(file, limits))
    .map((parsed) => ({ parsed, kind: kindOf(parsed) }));
  const ofKind = (kind: FileKind) => parsedFiles.filter((f) => f.kind === kind).map((f) => f.parsed);
  const seenIn = new Map<string, string>();

  const keep = <T extends { id: string }>(
    parsed: ParsedSource,
    result: LoadResult<T>,
    into: Map<string, unknown>,
    noun: string,
  ): T | undefined => {
    if (!result.ok) {
      library.problems.push(...result.problems);
      const id = valueAt(parsed.data, ['id']);
      if (typeof id === 'string') unavailable.add(id);
      return undefined;
    }
    const key = `${noun}:${result.value.id}`;
    const first = seenIn.get(key);
    if (first !== undefined) {
      library.problems.push(
        positionProblem(parsed, {
          path: ['id'],
          message: `${noun} id "${result.value.id}" is already used by ${first}`,
        }),
      );
      return undefined;
    }
    seenIn.set(key, parsed.file.path);
    into.set(result.value.id, result.value);
    return result.value;
  };

  for (const parsed of ofKind('unknown-rule-file')) {
    const problem =
      parsed.problems.length > 0
        ? parsed.problems
        : [
            positionProblem(parsed, {
              path: ['kind'],
              message: `a file in a roe folder must declare "kind: action-catalogue" or "kind: rule-set"`,
            }),
          ];
    library.problems.push(...problem);
  }
  for (const parsed of ofKind('action-catalogue')) {
    keep(
      parsed,
      loadParsed(parsed, 'action catalogue', catalogueSchema, checkCatalogue),
      library.catalogues,
      'action catalogue',
    );
  }
  // Without any rule files in the library, references to them cannot be judged and are left alone.
  const hasRuleFiles = parsedFiles.some((f) => f.kind !== 'scenario');
  const refs = {
    catalogues: hasRuleFiles ? library.catalogues : undefined,
    ruleSets: hasRuleFiles ? library.ruleSets : undefined,
    unavailable,
    checkRule: options.checkRule,
  };
  for (const parsed of ofKind('rule-set')) {
    keep(
      parsed,
      loadParsed(parsed, 'rule set', ruleSetSchema, (ruleSet, unavailable) =>
        checkRuleSet(ruleSet, refs, unavailable),
      ),
      library.ruleSets,
      'rule set',
    );
  }
  for (const parsed of ofKind('scenario')) {
    const scenarios = new Map<string, Scenario>();
    const scenario = keep(
      parsed,
      loadParsed(parsed, 'scenario', scenarioSchema, (s, unavailable) =>
        checkScenarioReferences(s, refs, unavailable),
      ),
      scenarios,
      'scenario',
    );
    if (scenario) library.scenarios.set(scenario.id, { scenario, file: parsed.file.path });
  }
  library.problems = sortProblems(library.problems);
  return library;
}
