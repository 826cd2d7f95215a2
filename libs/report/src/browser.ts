// What the web client may load of the report library: the review's types and the timeline wording, none of the
// renderers (csv-stringify and pdfkit are Node packages and stay out of the browser bundle).
export type * from './aar-model.js';
export { timelineText } from './timeline-text.js';
export { applyLiveEvent, REVIEW_PARTS, reviewPart, type LiveEvent, type LiveSections, type ReviewPart, type ReviewPartName } from './review-parts.js';
export type { RescoreResult, RescoredTeam, Scoreboard } from './rescoring/rescore.js';
export type { FindingChange, FindingSide } from './rescoring/finding-changes.js';
