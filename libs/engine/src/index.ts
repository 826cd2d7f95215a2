export * from './events.js';
export * from './commands.js';
export * from './state.js';
export * from './scoring.js';
export { createEngine, escalationBetween, type Engine } from './exercise-engine.js';
export { exerciseTimeAt, exerciseTimeOnClock, wallTimeOf } from './exercise-clock.js';
export { nextWakeAt, EASING_INTERVAL_MS } from './inject-schedule.js';
export { catchUpCostsTeams } from './decide-outage.js';
export { canSee, visibleEvents, type Viewer } from './event-audience.js';
export {
  eventsSeenBy,
  seenBy,
  type EscalationSeen,
  type SeenEvent,
  type SeenPayloads,
} from './event-redaction.js';
export { mselOf, type MselRow, type MselStatus } from './msel-view.js';
export { canonicalJson } from './canonical-log.js';
export { conditionHolds } from './condition-facts.js';
export { FREE_DECISION_MAX_ACTIONS } from './decide-play.js';
export { MAX_SPEED } from './decide-exercise.js';
export { aimKey, messagedKey, foldAims, foldMessagedAt } from './activity-index.js';
