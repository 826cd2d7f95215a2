export * from './vocabulary.js';
export * from './schema.js';
export {
  type Problem,
  type SourceFile,
  type FieldPath,
  type FieldProblem,
  formatProblem,
  formatFieldPath,
  sortProblems,
} from './problem.js';
export { type Position } from './yaml-positions.js';
export { SOURCE_LIMITS, type SourceLimit, type SourceLimits } from './source-limits.js';
export { type LibraryRefs } from './scenario-references.js';
export {
  type LoadResult,
  type RuleCheck,
  type RuleSetRefs,
  loadScenario,
  loadCatalogue,
  loadRuleSet,
} from './loader.js';
export {
  type ExerciseLibrary,
  type LoadedScenario,
  type LoadLibraryOptions,
  loadLibrary,
} from './library-loader.js';
export {
  type Condition,
  type ConditionBodies,
  type ConditionFacts,
  type ConditionKind,
  type ConditionNames,
  type TaggedCondition,
  ANY_ID,
  CONDITION_KINDS,
  CONDITION_KIND_NAMES,
  conditionAtoms,
  conditionHoldsOn,
  conditionKindOf,
  conditionSchema,
  conditionWords,
  factKey,
  injectsWaitedFor,
  tagged,
} from './condition-kinds.js';
export {
  type JsonSchema,
  scenarioJsonSchema,
  catalogueJsonSchema,
  ruleSetJsonSchema,
  JSON_SCHEMA_FILES,
  renderJsonSchema,
} from './json-schema.js';
