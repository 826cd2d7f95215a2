// The seam between the engine and the rules of engagement: the engine asks, the scoring model answers with
// findings and escalation moves, and the engine records them as events after the event that caused them.
import type { ActionVerdict, ExerciseEvent, Finding } from './events.js';
import type { ExerciseContext, ExerciseState } from './state.js';

export interface EscalationMove {
  from: string;
  to: string;
  /** New level on ESC-0…10. */
  level: number;
  cause: 'action' | 'cbm' | 'easing' | 'controller';
  decisionId?: string;
  actionId?: string;
  teamId?: string;
}

export interface Assessment {
  /** Recorded as one `findings.recorded` event per team concerned. */
  findings: Finding[];
  /** On a decision: one verdict per action chosen, recorded with the deciding team's findings. */
  verdicts?: { teamId: string; verdicts: ActionVerdict[] };
  /** Recorded as one `escalation.changed` event each, in order. */
  escalation: EscalationMove[];
}

export interface ScoringModel {
  /**
   * Judge an event the engine has just decided: `decision.submitted`, `inject.deadline-missed`, `message.sent`,
   * `inject.released`. `state` is the state before `event` (the engine does not copy the state to apply it first).
   */
  assess(ctx: ExerciseContext, state: ExerciseState, event: ExerciseEvent): Assessment;
  /** Escalation easing due by `exerciseTime`, asked on every clock tick. */
  ease(ctx: ExerciseContext, state: ExerciseState, exerciseTime: number): EscalationMove[];
}
