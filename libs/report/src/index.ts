// The after-action review: a model built from the event log, and its JSON, CSV, HTML and PDF renderings.
export * from './aar-model.js';
export { AarBuilder, buildAarModel, type AarBuildInput } from './build-aar.js';
export { buildTeamDebrief, debriefFor, type DebriefRefusal, type TeamDebriefResult } from './team-debrief.js';
export { improvementItemId } from './improvement-plan.js';
export { renderAarJson, renderAarJsonChunks, type JsonChunkOptions, type JsonRenderOptions } from './render-json.js';
export { timelineText } from './timeline-text.js';
export { renderDecisionsCsv, renderTimelineCsv, DECISION_COLUMNS, TIMELINE_COLUMNS } from './render-csv.js';
export { renderAarHtml } from './render-html.js';
export { reportSections, type ReportSection, type SectionId } from './report-outline.js';
export { renderAarPdf, type PdfFonts, type PdfRenderOptions } from './render-pdf.js';
export { applyLiveEvent, REVIEW_PARTS, reviewPart, type LiveEvent, type LiveSections, type ReviewPart, type ReviewPartName } from './review-parts.js';
export {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  exerciseBundle,
  parseBundle,
  parseBundleText,
  type BundleProblem,
  type BundleResult,
  type ExerciseBundle,
} from './rescoring/exercise-bundle.js';
export { rescore, type RescoredTeam, type RescoreOutcome, type RescoreResult, type Scoreboard } from './rescoring/rescore.js';
export type { FindingChange, FindingSide } from './rescoring/finding-changes.js';
export { loadRuleSetFor } from './rescoring/rule-set-file.js';
