// The shape of a case in the case book: the play before the decision, the decision (or the deadline that passes
// without one), what the default rules must find, and the sources that decide it.
import type { ActionVerdict, AttributionConfidence, EngineErrorCode, Finding } from '@ttx/engine';
import type { FindingSeverity } from '@ttx/scenario';

/** An action as the team chose it: the catalogue action and, for most, its target. */
export type Choice = readonly [actionId: string, targetId?: string];

/** What happened before the judged moment, at an exercise minute. */
export type Step =
  /** The white cell releases an inject to its audience. */
  | { at: number; fire: string }
  /** A decision taken earlier (by the case's team or another), answering a prompt or on the team's own initiative. */
  | { at: number; decide: { team: string; inject?: string; actions: readonly Choice[] } }
  /** A message on a channel. */
  | { at: number; message: { team: string; channel: string; text: string } }
  /** The white cell marks a team as not played, or as played again. */
  | { at: number; mark: { team: string; played: boolean; reason?: string } }
  /** The clock advances: scheduled injects go out, deadlines that passed are recorded. */
  | { at: number; tick: true };

/** The decision a case judges. */
export interface JudgedDecision {
  at: number;
  team: string;
  inject?: string;
  actions: readonly Choice[];
  confidence?: AttributionConfidence;
  /** Entered by the white cell for a team nobody plays. */
  byWhiteCell?: boolean;
  /** The engine refuses it (a late answer); the case then judges the clock tick of the same minute. */
  refused?: EngineErrorCode;
}

/** Judged instead of a decision: the clock passes a deadline of the team's. */
export interface JudgedTick {
  at: number;
  team: string;
}

export type Points = '+' | '-' | '0';

export interface ExpectedFinding {
  rule: string;
  severity: FindingSeverity;
  points: Points;
  /** The action the finding is about, when it is about one. */
  action?: string;
}

export type Character = ActionVerdict['character'];
export type Verdict = ActionVerdict['verdict'];

export interface ExpectedVerdict {
  action: string;
  target?: string;
  character: Character;
  verdict: Verdict;
}

export const TOPICS = {
  countermeasures: 'The law of countermeasures',
  protected: 'Protected targets',
  retorsion: 'Retorsion, force and proportionality',
  cbm: 'Confidence-building measures: notice, consultation, the hotline',
  attribution: 'Public attribution: evidence and stated confidence',
  cooperation: 'Assistance and information sharing',
  diligence: 'Due diligence over one’s own territory',
  timeliness: 'Deadlines: late and missed answers',
  unplayed: 'Teams nobody plays',
} as const;
export type Topic = keyof typeof TOPICS;

export interface Case {
  id: string;
  topic: Topic;
  title: string;
  /** In plain words: what happened, what the team received and with what evidence, what it had sent before. */
  situation: string;
  before: readonly Step[];
  decision?: JudgedDecision;
  tick?: JudgedTick;
  /** Every finding the default rules record for the team at the judged moment, in any order. */
  expected: readonly ExpectedFinding[];
  /** The engine's verdict on each action of the decision, in the order chosen (every case with a decision has them). */
  verdicts?: readonly ExpectedVerdict[];
  sources: readonly string[];
  /** Why the rules come out this way, for the reader, where it is not plain from the findings. */
  note?: string;
  /** Rules that look at this decision and rightly find nothing against the team. */
  clears?: readonly string[];
  /** Rules that could credit the team and rightly give it nothing here. */
  withholds?: readonly string[];
  /** Further situations this case is the example of (for the coverage check). */
  covers?: readonly string[];
}

export interface CaseRun {
  findings: Finding[];
  /** The engine's verdict on each action of the judged decision (none for a clock tick). */
  verdicts: ActionVerdict[];
  /** The refusal of a late decision, when the case expects one. */
  refusal?: { code: EngineErrorCode; message: string };
}
