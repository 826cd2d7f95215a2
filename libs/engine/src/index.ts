export * from './events.js';
export * from './commands.js';
export { COMMAND_TABLE, COMMAND_TYPES, mayIssue, roleRefusalOf, type CommandFields, type CommandSpec, type CommandTable } from './command-table.js';
export * from './command-fields.js';
export { checkWith, plainIssueMessage, type Checked } from './command-issues.js';
export * from './state.js';
export * from './scoring.js';
export { createEngine, escalationBetween, type Engine } from './exercise-engine.js';
export { exerciseTimeAt, exerciseTimeOnClock, wallTimeOf } from './exercise-clock.js';
export { nextWakeAt, EASING_INTERVAL_MS } from './inject-schedule.js';
export { catchUpCostsTeams } from './decide-outage.js';
export { canSee, visibleEvents, type Viewer } from './event-audience.js';
export { eventsSeenBy, seenBy } from './event-redaction.js';
export {
  EVENT_REGISTRY,
  EVENT_TYPES,
  eventEntry,
  eventWords,
  type EventEntry,
  type EventRegistry,
} from './event-registry.js';
export {
  actorLabel,
  changedFields,
  decisionWords,
  escalationMoveText,
  eventNamesFrom,
  findingsWords,
  injectLabel,
  signed,
  type EventNames,
} from './event-wording.js';
export { mselOf, MselBook, type MselContext, type MselRow, type MselStatus } from './views/msel-view.js';
export {
  ScoreBook,
  roundPoints,
  type DimensionScore,
  type ScoreAdjustment,
  type TeamScore,
} from './views/score-book.js';
export {
  EscalationBook,
  pairOf,
  type EscalationCell,
  type EscalationChange,
  type EscalationPoint,
} from './views/escalation-book.js';
export { clockAfter } from './views/clock-view.js';
export { teamMaySee, type ViewEvent } from './views/view-event.js';
export { canonicalJson } from './canonical-log.js';
export { conditionHolds } from './condition-facts.js';
export { FREE_DECISION_MAX_ACTIONS } from './decide-play.js';
export { MAX_SPEED } from './decide-exercise.js';
export { aimKey, messagedKey, purposeKey, foldAims, foldMessagedAt, foldPurposed } from './activity-index.js';
export { rolesInPlural, roleWithArticle } from './role-wording.js';
export { createSeededRandom, deriveSeed, seededRandom, type SeededRandom } from './seeded-random.js';
export { isJudged } from './own-value.js';
