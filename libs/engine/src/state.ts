// The fold of an exercise's event log. `apply` owns it: it updates the given state in place and returns it,
// so folding 100,000 events stays linear; `decide` only reads it.
import type { ActionCatalogue, MessagePurpose, RuleSet, Scenario } from '@ttx/scenario';
import type { EventPayloads, Finding, InjectEdit, PauseCause, ReleasedInject } from './events.js';

type DecisionSubmitted = EventPayloads['decision.submitted'];
import type { ScoringModel } from './scoring.js';

/** Everything fixed for one exercise: the scenario it runs, its rules, and the scoring model that applies them. */
export interface ExerciseContext {
  scenario: Scenario;
  catalogue: ActionCatalogue;
  ruleSet: RuleSet;
  /** Without one, decisions are recorded but not scored. */
  scoring?: ScoringModel;
}

export type ExerciseStatus = 'none' | 'created' | 'lobby' | 'running' | 'paused' | 'ended';
export type InjectStatus = 'pending' | 'held' | 'released' | 'skipped';

/** Exercise time is anchorExercise + (wall − anchorWall) × speed while running, and anchorExercise otherwise. */
export interface ClockState {
  running: boolean;
  speed: number;
  anchorWall: number;
  anchorExercise: number;
}

export interface InjectState {
  injectId: string;
  status: InjectStatus;
  /** Scheduled exercise time (ms) from `at`, after any edit; undefined for purely conditional injects. */
  dueAt?: number;
  /** Whether its `when` condition has been met (always true without one). */
  conditionMet: boolean;
  /** Exercise time (ms) of its release. */
  releasedAt?: number;
  released?: ReleasedInject;
  adHoc: boolean;
  edited: boolean;
  /** Exercise time before which it may not be released: when its condition was met, or when its time was edited. */
  notBefore?: number;
  /** Controller edits made before release, merged (later edits win). */
  changes?: InjectEdit;
}

/** A decision as its `decision.submitted` event records it, with where it sits in the log. */
export interface DecisionRecord extends DecisionSubmitted {
  seq: number;
  exerciseTime: number;
}

/** Where in the log a team first and last aimed one action at one state's targets: decision seq, choice index. */
export interface AimSpan {
  firstSeq: number;
  firstIndex: number;
  lastSeq: number;
  lastIndex: number;
}

export interface MessageRecord {
  seq: number;
  messageId: string;
  channelId: string;
  teamId?: string;
  text: string;
  /** What the message is for, when its sender said. */
  purpose?: MessagePurpose;
  exerciseTime: number;
}

/** A team's first and last message with one purpose on one channel. */
export interface PurposeSpan {
  first: MessageRecord;
  last: MessageRecord;
}

export interface ExerciseState {
  exerciseId?: string;
  name?: string;
  status: ExerciseStatus;
  /** Seq of the last applied event (0 before any). */
  seq: number;
  clock: ClockState;
  /** Wall times of start and end. */
  startedAt?: number;
  endedAt?: number;
  /** Why the clock stands, while paused by the server rather than a controller. */
  pauseCause?: PauseCause;
  /** Exercise ms the end moves past `duration`: the most any release was late, so late prompts keep their time. */
  endDelay?: number;
  injects: Record<string, InjectState>;
  /** Participants by team id, in join order. */
  participants: Record<string, string[]>;
  decisions: DecisionRecord[];
  decisionsById: Record<string, DecisionRecord>;
  /** `${injectId}:${teamId}` of decisions taken in answer to a prompt. */
  answered: Record<string, string>;
  /** `${injectId}:${teamId}` of prompts whose deadline passed unanswered. */
  missed: Record<string, true>;
  /** Teams a controller marked as not played, with the reason given (empty when none): they get no findings. */
  unplayed: Record<string, string>;
  findings: Finding[];
  /** Level on ESC-0…10 of `from` toward `to`, keyed `${from}>${to}` by state id; absent means 0. */
  escalation: Record<string, number>;
  /** Highest level reached per pair over the exercise. */
  escalationPeak: Record<string, number>;
  messages: MessageRecord[];
  messageIds: Record<string, true>;
  observationIds: Record<string, true>;
  adjustmentIds: Record<string, true>;
  /** Team id (or '' for a controller) of each message id, so a retried message is told from a clash of ids. */
  messageSenders?: Record<string, string>;
  /**
   * Facts that `when` conditions test (`released:<inject>`, `decided:<team|*>:<inject|*>`, `chose:…`, `missed:…`,
   * `messaged:…`). Look keys up; the engine may chain this record to an earlier state's while it decides.
   */
  facts?: Record<string, true>;
  /**
   * Derived from `decisions` (see activity-index.ts): `${teamId}>${actionId}>${stateId}` of every action a team aimed
   * at a target of a state, with where it first and last did. Look keys up; forks chain it like `facts`. Kept only
   * when the state began with it (`initialState()` does), so that it always covers every decision.
   */
  aims?: Record<string, AimSpan>;
  /** Derived from `messages`: `${channelId}:${teamId}` → the latest exercise time of the team's messages on it. */
  messagedAt?: Record<string, number>;
  /** Derived from `messages`: `${channelId}:${teamId}:${purpose}` → the team's first and last such message there. */
  purposed?: Record<string, PurposeSpan>;
}
