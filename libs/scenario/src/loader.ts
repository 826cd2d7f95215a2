// Loads one exercise file from its text: YAML, then shape (zod), then references, every problem positioned.
import { type z } from 'zod';
import { type FieldPath, type FieldProblem, type Problem, type SourceFile, sortProblems } from './problem.js';
import { ReferenceIndex, missingMessage } from './reference-index.js';
import { checkScenarioReferences, type LibraryRefs } from './scenario-references.js';
import {
  type ActionCatalogue,
  type Rule,
  type RuleSet,
  type Scenario,
  catalogueSchema,
  ruleSetSchema,
  scenarioSchema,
} from './schema.js';
import { describeValue } from './suggestions.js';
import {
  locatePath,
  type ParsedSource,
  parseSource,
  type Position,
  positionProblem,
} from './yaml-positions.js';
import { validateData } from './zod-issues.js';
import { partialValue, type UnavailableIds } from './partial-value.js';

export type LoadResult<T> =
  { ok: true; value: T; locate(path: FieldPath): Position } | { ok: false; problems: Problem[] };

/**
 * Parameter checks a rule kind adds to its rules; paths are relative to the rule (`['params', 'minEvidence']`).
 */
export type RuleCheck = (rule: Rule, ruleSet: RuleSet) => { path: (string | number)[]; message: string }[];

export interface RuleSetRefs extends LibraryRefs {
  checkRule?: RuleCheck;
}

const FIRST_FIELDS = {
  scenario: 'schemaVersion: 1',
  'action catalogue': 'schemaVersion: 1 and kind: action-catalogue',
  'rule set': 'schemaVersion: 1 and kind: rule-set',
} as const;

/** Shape and reference checks for one kind of file, on an already parsed source. */
export function loadParsed<S extends z.ZodType>(
  parsed: ParsedSource,
  what: keyof typeof FIRST_FIELDS,
  schema: S,
  checkReferences: (value: z.output<S>, unavailable?: UnavailableIds) => FieldProblem[],
): LoadResult<z.output<S>> {
  if (parsed.problems.length > 0) return { ok: false, problems: sortProblems(parsed.problems) };
  const fail = (problems: FieldProblem[]): LoadResult<z.output<S>> => ({
    ok: false,
    problems: sortProblems(problems.map((p) => positionProblem(parsed, p))),
  });
  const data = parsed.data;
  if (data === undefined || data === null) {
    return fail([{ path: [], message: `the file is empty; a ${what} starts with ${FIRST_FIELDS[what]}` }]);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail([
      {
        path: [],
        message: `a ${what} file must be a mapping of fields (${FIRST_FIELDS[what]}, id, title, …), found ${describeValue(data)}`,
      },
    ]);
  }
  const validated = validateData(schema, data);
  if (!validated.ok) {
    // Cross-check what is well-formed too, so the author sees every problem in one pass.
    const partial = partialValue(schema, data as Record<string, unknown>, validated.problems);
    const references = partial ? checkReferences(partial.value, partial.unavailable) : [];
    return fail([...validated.problems, ...references]);
  }
  const problems = checkReferences(validated.value);
  if (problems.length > 0) return fail(problems);
  return { ok: true, value: validated.value, locate: (path) => locatePath(parsed, path) };
}

export function checkCatalogue(catalogue: ActionCatalogue, unavailable?: UnavailableIds): FieldProblem[] {
  const problems: FieldProblem[] = [];
  new ReferenceIndex(
    'action',
    'actions',
    catalogue.actions,
    ['actions'],
    problems,
    unavailable?.get('actions'),
  );
  return problems;
}

export function checkRuleSet(
  ruleSet: RuleSet,
  refs?: RuleSetRefs,
  unavailable?: UnavailableIds,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  new ReferenceIndex('rule', 'rules', ruleSet.rules, ['rules'], problems, unavailable?.get('rules'));
  const catalogues = refs?.catalogues;
  if (catalogues && !catalogues.has(ruleSet.catalogue) && !refs?.unavailable?.has(ruleSet.catalogue)) {
    problems.push({
      path: ['catalogue'],
      message: missingMessage('action catalogue', 'catalogues', ruleSet.catalogue, [...catalogues.keys()]),
    });
  }
  if (refs?.checkRule) {
    const check = refs.checkRule;
    ruleSet.rules.forEach((rule, i) => {
      for (const found of check(rule, ruleSet))
        problems.push({ path: ['rules', i, ...found.path], message: found.message });
    });
  }
  return problems;
}

/** A scenario from its YAML text; with `refs`, also checks its rule set and the actions its prompts offer. */
export function loadScenario(file: SourceFile, refs?: LibraryRefs): LoadResult<Scenario> {
  return loadParsed(parseSource(file), 'scenario', scenarioSchema, (scenario, unavailable) =>
    checkScenarioReferences(scenario, refs, unavailable),
  );
}

export function loadCatalogue(file: SourceFile): LoadResult<ActionCatalogue> {
  return loadParsed(parseSource(file), 'action catalogue', catalogueSchema, checkCatalogue);
}

/** A rule set from its YAML text; with `refs`, also checks its catalogue and, with `checkRule`, each rule's parameters. */
export function loadRuleSet(file: SourceFile, refs?: RuleSetRefs): LoadResult<RuleSet> {
  return loadParsed(parseSource(file), 'rule set', ruleSetSchema, (ruleSet, unavailable) =>
    checkRuleSet(ruleSet, refs, unavailable),
  );
}
