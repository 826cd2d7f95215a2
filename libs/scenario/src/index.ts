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
export { injectsWaitedFor } from './condition-cycles.js';
export {
  type JsonSchema,
  scenarioJsonSchema,
  catalogueJsonSchema,
  ruleSetJsonSchema,
  JSON_SCHEMA_FILES,
  renderJsonSchema,
} from './json-schema.js';
