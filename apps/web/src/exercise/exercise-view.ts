// Folds the events a client may see into what its screens show, one event at a time and each event once (linear in
// the log). The MSEL, scores, escalation and clock are the engine's shared read views, fed from the same stream.
import type { EventMessage } from '@ttx/contracts';
import { clockAfter, EscalationBook, MselBook, ScoreBook } from '@ttx/engine';
import type { ActionVerdict, ClockState, DecisionRecord, ExerciseStatus, Finding, ReleasedInject } from '@ttx/engine';
import type { Dimension, HseepRating } from '@ttx/scenario';
import { stoppedClock } from './exercise-clock.js';

export interface InjectView extends ReleasedInject {
  seq: number;
  /** Exercise time of its release. */
  releasedAt: number;
  /** Wall time of its release. */
  releasedWall: number;
}

/** A decision as the engine records it, with who entered it and the findings on it as they arrive. */
export interface DecisionView extends DecisionRecord {
  participant?: string;
  findings: Finding[];
  /** One assessment per action chosen, once the rules have judged the decision. */
  verdicts: ActionVerdict[];
}

export interface MessageView {
  seq: number;
  messageId: string;
  channelId: string;
  teamId?: string;
  sender?: string;
  text: string;
  exerciseTime: number;
}

export interface ObservationView {
  seq: number;
  observationId: string;
  objectiveId: string;
  rating: HseepRating;
  note: string;
  by?: string;
  exerciseTime: number;
}

export interface AdjustmentView {
  seq: number;
  adjustmentId: string;
  teamId: string;
  dimension: Dimension;
  delta: number;
  reason: string;
  exerciseTime: number;
}

export interface ExerciseView {
  seq: number;
  exerciseId?: string;
  name?: string;
  scenarioId?: string;
  status: ExerciseStatus;
  clock: ClockState;
  /** While the server, not a controller, paused the exercise: after a restart from a long outage, or one a deadline fell inside. */
  pauseCause?: { reason: 'server-restart'; downSince?: number };
  /** Released injects in release order. */
  injects: InjectView[];
  decisions: DecisionView[];
  /** Findings not tied to a decision (missed deadlines, messages). */
  otherFindings: Finding[];
  messages: MessageView[];
  observations: ObservationView[];
  adjustments: AdjustmentView[];
  participants: Record<string, string[]>;
  /** `${injectId}:${teamId}` of prompts answered, and of those whose deadline passed. */
  answered: Record<string, string>;
  missed: Record<string, true>;
  /** The shared read views (libs/engine/src/views), as far as the events this client has seen. */
  msel: MselBook;
  scores: ScoreBook;
  escalation: EscalationBook;
}

function freshView(): ExerciseView {
  return {
    seq: 0,
    status: 'none',
    clock: stoppedClock,
    injects: [],
    decisions: [],
    otherFindings: [],
    messages: [],
    observations: [],
    adjustments: [],
    participants: {},
    answered: {},
    missed: {},
    msel: new MselBook(),
    scores: new ScoreBook(),
    escalation: new EscalationBook(),
  };
}

/**
 * One exercise's view, kept up to date event by event. Lists and records grow in place; `snapshot` hands out a new
 * top-level object after each batch so that React sees a change, and screens always read the latest snapshot.
 */
export class ExerciseFold {
  private readonly view: ExerciseView = freshView();
  private readonly decisionsById = new Map<string, DecisionView>();

  /** Applies one event; an event at or below the seq already folded is ignored. */
  absorb(event: EventMessage): void {
    const view = this.view;
    if (event.seq <= view.seq) return;
    view.msel.absorb(event);
    view.scores.absorb(event);
    view.escalation.absorb(event);
    view.clock = clockAfter(view.clock, event);
    this.foldEvent(event);
    view.seq = event.seq;
  }

  snapshot(): ExerciseView {
    return { ...this.view };
  }

  private foldEvent(event: EventMessage): void {
    const view = this.view;
    switch (event.type) {
      case 'exercise.created':
        view.status = 'created';
        view.exerciseId = event.payload.exerciseId;
        view.name = event.payload.name;
        view.scenarioId = event.payload.scenarioId;
        return;
      case 'exercise.lobby-opened':
        view.status = 'lobby';
        return;
      case 'exercise.started':
        view.status = 'running';
        return;
      case 'exercise.paused': {
        const { reason, downSince } = event.payload;
        view.status = 'paused';
        if (reason) view.pauseCause = { reason, ...(downSince !== undefined ? { downSince } : {}) };
        return;
      }
      case 'exercise.resumed':
        view.status = 'running';
        delete view.pauseCause;
        return;
      case 'exercise.ended':
        view.status = 'ended';
        delete view.pauseCause;
        return;
      case 'inject.released':
        view.injects.push({
          ...event.payload,
          seq: event.seq,
          releasedAt: event.exerciseTime,
          releasedWall: event.at,
        });
        return;
      case 'inject.deadline-missed':
        view.missed[`${event.payload.injectId}:${event.payload.teamId}`] = true;
        return;
      case 'team.joined': {
        const { teamId, participant } = event.payload;
        const members = (view.participants[teamId] ??= []);
        if (!members.includes(participant)) members.push(participant);
        return;
      }
      case 'decision.submitted': {
        const p = event.payload;
        const decision: DecisionView = {
          seq: event.seq,
          decisionId: p.decisionId,
          teamId: p.teamId,
          injectId: p.injectId,
          actions: p.actions,
          rationale: p.rationale,
          ...(p.confidence !== undefined ? { confidence: p.confidence } : {}),
          exerciseTime: event.exerciseTime,
          latency: p.latency,
          participant: event.actor?.id,
          findings: [],
          verdicts: [],
        };
        if (p.injectId) view.answered[`${p.injectId}:${p.teamId}`] = p.decisionId;
        view.decisions.push(decision);
        this.decisionsById.set(decision.decisionId, decision);
        return;
      }
      case 'findings.recorded': {
        const { decisionId, findings, verdicts } = event.payload;
        const decision = decisionId !== undefined ? this.decisionsById.get(decisionId) : undefined;
        (decision ? decision.findings : view.otherFindings).push(...findings);
        if (decision && verdicts) decision.verdicts = verdicts;
        return;
      }
      case 'message.sent':
        view.messages.push({
          ...event.payload,
          seq: event.seq,
          sender: event.actor?.id,
          exerciseTime: event.exerciseTime,
        });
        return;
      case 'observation.recorded':
        view.observations.push({
          ...event.payload,
          seq: event.seq,
          by: event.actor?.id,
          exerciseTime: event.exerciseTime,
        });
        return;
      case 'score.adjusted':
        view.adjustments.push({ ...event.payload, seq: event.seq, exerciseTime: event.exerciseTime });
        return;
      case 'exercise.speed-changed':
      case 'inject.held':
      case 'inject.unheld':
      case 'inject.skipped':
      case 'inject.edited':
      case 'escalation.changed':
      case 'improvement.edited':
      case 'team.play-marked':
        // The score book folds the play marks: a team not played shows so on the scoreboard.
        return;
    }
  }
}

/** The view of an exercise before any event. */
export const emptyExerciseView: ExerciseView = new ExerciseFold().snapshot();

/** Folds a whole log from scratch. */
export function foldEvents(events: readonly EventMessage[]): ExerciseView {
  const fold = new ExerciseFold();
  for (const event of events) fold.absorb(event);
  return fold.snapshot();
}

/** Every finding in the view, decision findings first in decision order. */
export function allFindings(view: ExerciseView): Finding[] {
  return [...view.decisions.flatMap((d) => d.findings), ...view.otherFindings];
}
