export * from './rule-context.js';
export * from './rule-kinds.js';
export * from './escalation-model.js';
export * from './scoring-model.js';
export * from './scoreboard.js';
export * from './hseep-ratings.js';
export * from './citations.js';
export * from './rules-doc.js';
export { tensionOf } from './kinds/consult-when-tension-rises.js';
