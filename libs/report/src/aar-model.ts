// The after-action review model (schema version 3): everything the JSON, CSV, HTML and PDF renderers show,
// derived only from the scenario, action catalogue, rule set and event log. docs/aar-schema.md documents it.
import type { ActionVerdict, AttributionConfidence, Audience, CapabilityElement, EscalationPoint, EventType, Finding } from '@ttx/engine';
import type { Dimension, FindingSeverity, HseepRating } from '@ttx/scenario';

export const AAR_SCHEMA_VERSION = 3;

export interface AarModel {
  schemaVersion: typeof AAR_SCHEMA_VERSION;
  /** Whom the report is for: the whole exercise staff, or one player team's debrief. */
  audience: { kind: 'staff' } | { kind: 'team'; teamId: string };
  /** Wall time (ms since the epoch) the caller says the report was generated at; absent unless given. */
  generatedAt?: number;
  /** The last event the report includes. */
  asOf: { seq: number; exerciseTime: number; at?: number; final: boolean };
  overview: AarOverview;
  timeline: AarTimeline;
  teams: TeamReport[];
  escalation: EscalationReport;
  objectives: ObjectiveReport[];
  strengths: Judgement[];
  areasForImprovement: Judgement[];
  improvementPlan: ImprovementItem[];
  appendix: AarAppendix;
}

export type ExerciseStatusLabel = 'not-created' | 'created' | 'lobby' | 'running' | 'paused' | 'ended';

export interface AarOverview {
  exerciseId?: string;
  name: string;
  status: ExerciseStatusLabel;
  scenario: { id: string; version: string; title: string; summary: string };
  ruleSet: { id: string; title: string };
  catalogue: { id: string; title: string };
  /** Wall times (ms since the epoch) from the log. */
  dates: { createdAt?: number; startedAt?: number; endedAt?: number; lastEventAt?: number };
  duration: {
    /** Exercise time (ms) reached: at the end, or at the last event while running. */
    exerciseMs: number;
    /** Wall time (ms) from start to end (or to the last event), pauses included. */
    wallMs: number;
    /** The scenario's planned duration (ms of exercise time). */
    plannedMs: number;
    /** Wall time (ms) spent paused. */
    pausedMs: number;
  };
  scope: {
    states: { id: string; name: string }[];
    sectors: string[];
    injectsPlanned: number;
    injectsReleased: number;
    decisionPrompts: number;
    feedback: string;
  };
  objectives: { id: string; title: string; capability: string; description?: string }[];
  teams: { id: string; name: string; kind: string; state?: string; stateName?: string; participants: string[] }[];
  /** Controllers, facilitators and observers seen as the actors of events. */
  staff: { role: 'controller' | 'facilitator' | 'observer'; id: string; events: number }[];
}

export type TimelineCategory =
  | 'exercise'
  | 'participant'
  | 'inject'
  | 'decision'
  | 'finding'
  | 'escalation'
  | 'message'
  | 'control'
  | 'evaluation';

/** One event of the log, as a line of the timeline. */
export interface TimelineEntry {
  seq: number;
  exerciseTime: number;
  at: number;
  type: EventType;
  category: TimelineCategory;
  audience: Audience;
  /** `role:id` of the actor, or `role` alone. */
  actor?: string;
  teamId?: string;
  /** One line in words; left out of a decision's entry and a findings entry, which point at their records instead
   * (`timelineText` words every entry). */
  summary?: string;
  /** A decision's entry: the decision (in `timeline.decisions`); a findings entry: the decision judged, if any. */
  decisionId?: string;
}

export interface InjectRecord {
  injectId: string;
  title: string;
  channel: string;
  from?: string;
  severity: string;
  sector?: string;
  audience: string[];
  status: 'pending' | 'held' | 'released' | 'skipped';
  adHoc: boolean;
  edited: boolean;
  objectives: string[];
  releasedSeq?: number;
  releasedAt?: number;
  trigger?: string;
  prompt?: { text: string; actions: string[]; targets: string[]; deadline?: number };
}

export interface DecisionActionEntry {
  actionId: string;
  actionName: string;
  rung: string;
  targetId?: string;
  targetName?: string;
}

export interface DecisionEntry {
  seq: number;
  exerciseTime: number;
  decisionId: string;
  teamId: string;
  injectId?: string;
  actions: DecisionActionEntry[];
  rationale: string;
  /** The team's stated confidence in an attribution the decision makes, when it stated one. */
  confidence?: AttributionConfidence;
  latency?: number;
  deadline?: number;
  onTime?: boolean;
  /** Rule ids of the findings recorded about this decision, in order. */
  findings: string[];
  scoreDelta: number;
  /** One assessment per action chosen, in the order chosen (empty in logs recorded before verdicts were). */
  verdicts: ActionVerdict[];
}

export interface MessageEntry {
  seq: number;
  exerciseTime: number;
  messageId: string;
  teamId?: string;
  sender?: string;
  text: string;
}

export interface ChannelLog {
  channelId: string;
  name: string;
  kind: string;
  members: string[];
  messages: MessageEntry[];
}

export interface ControlEntry {
  seq: number;
  exerciseTime: number;
  type: EventType;
  actor?: string;
  summary: string;
}

export interface AarTimeline {
  entries: TimelineEntry[];
  injects: InjectRecord[];
  decisions: DecisionEntry[];
  channels: ChannelLog[];
  /** Pauses, resumes, speed changes, holds, skips, edits, ad-hoc injects, score adjustments. */
  controllerActions: ControlEntry[];
}

/** A finding as the engine records it (its team is the report's), with where it sits in the log and its rule's title. */
export interface FindingEntry extends Omit<Finding, 'teamId'> {
  seq: number;
  exerciseTime: number;
  ruleTitle: string;
}

export interface DimensionScore {
  dimension: Dimension;
  fromRules: number;
  adjustments: number;
  total: number;
}

export interface PromptLatency {
  injectId: string;
  title: string;
  releasedAt: number;
  deadline?: number;
  status: 'on-time' | 'late' | 'missed' | 'open' | 'unanswered';
  decisionId?: string;
  decidedAt?: number;
  latency?: number;
}

export interface TeamReport {
  teamId: string;
  name: string;
  kind: string;
  state?: string;
  stateName?: string;
  participants: string[];
  /**
   * False when a controller had the team marked not played as of the report: it has no score, no findings, no
   * strengths, areas for improvement or drafted plan items, and every renderer says "not played".
   */
  played: boolean;
  /** The controller's reason for marking it not played, if one was given. */
  notPlayedReason?: string;
  score: { total: number; dimensions: DimensionScore[] };
  findingCounts: Record<FindingSeverity, number>;
  findings: FindingEntry[];
  adjustments: { seq: number; exerciseTime: number; adjustmentId: string; dimension: Dimension; delta: number; reason: string; by?: string }[];
  latency: {
    prompts: PromptLatency[];
    answered: number;
    onTime: number;
    late: number;
    missed: number;
    meanMs?: number;
    maxMs?: number;
  };
  channels: {
    /** Decisions that activated the inter-state hotline. */
    hotlineActivations: number;
    /** Confidence-building actions chosen, with the CBMs they put into practice. */
    cbmActions: { actionId: string; name: string; cbm: string[]; count: number }[];
    messages: { channelId: string; name: string; kind: string; count: number }[];
  };
}

/** One change of a pair's level: the shared escalation view's point (libs/engine/src/views/escalation-book.ts). */
export type { EscalationPoint };

export interface EscalationPeak extends EscalationPoint {
  /** What caused the rise, in words a facilitator can read aloud. */
  explanation: string;
}

export interface EscalationPair {
  key: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  level: number;
  peak: number;
  points: EscalationPoint[];
  peaks: EscalationPeak[];
}

export interface EscalationReport {
  maxLevel: number;
  maxPair?: string;
  pairs: EscalationPair[];
}

export interface ObjectiveReport {
  objectiveId: string;
  title: string;
  capability: string;
  injects: string[];
  /** The evaluator's latest rating, if any. */
  evaluatorRating?: HseepRating;
  observations: { seq: number; exerciseTime: number; observationId: string; rating: HseepRating; note: string; by?: string }[];
  /** Suggested by the rules library from the findings on this objective's injects (docs/aar-schema.md). */
  suggestedRating?: HseepRating;
  /** Why the rules library suggests that rating, or why it cannot. */
  suggestionReasoning: string;
  basis: { commendations: number; notes: number; concerns: number; violations: number; ruleIds: string[] };
  byTeam: { teamId: string; suggestedRating?: HseepRating; concerns: number; violations: number; commendations: number }[];
}

export interface Evidence {
  seqs: number[];
  ruleIds: string[];
  observationIds: string[];
  decisionIds: string[];
}

export interface Judgement {
  id: string;
  kind: 'strength' | 'area-for-improvement';
  teamId?: string;
  objectiveId?: string;
  dimension?: Dimension;
  title: string;
  detail: string;
  evidence: Evidence;
}

export interface ImprovementItem {
  itemId: string;
  source: 'drafted' | 'facilitator';
  areaId?: string;
  teamId?: string;
  objectiveId?: string;
  issue: string;
  correctiveAction: string;
  capabilityElement: CapabilityElement;
  responsibleOrganisation: string;
  pointOfContact: string;
  startDate?: string;
  completionDate?: string;
  /** Seqs of the `improvement.edited` events applied. */
  edits: number[];
}

export interface AarAppendix {
  participants: { teamId: string; teamName: string; participant: string; joinedSeq: number }[];
  staff: { role: string; id: string }[];
  ruleSet: {
    id: string;
    title: string;
    escalation: Record<string, number>;
    rules: { id: string; kind: string; title: string; cites: string[]; dimension: Dimension; weight: number; explanation: string; fired: number }[];
  };
  actionsUsed: { actionId: string; name: string; rung: string; category: string; cbm: string[]; count: number }[];
}
