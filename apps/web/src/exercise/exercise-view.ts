// Folds the events a client may see into what its screens show. Pure: the same events always give the same view.
import type {
  ActionChoice,
  ClockState,
  ExerciseStatus,
  Finding,
  InjectEdit,
  InjectStatus,
  ReleasedInject,
} from '@ttx/engine';
import type { Dimension, HseepRating } from '@ttx/scenario';
import { stoppedClock } from './exercise-clock.js';
import type { EventMessage } from '@ttx/contracts';

export interface InjectView extends ReleasedInject {
  seq: number;
  /** Exercise time of its release. */
  releasedAt: number;
  /** Wall time of its release. */
  releasedWall: number;
}

/** What a controller knows of one MSEL row beyond the scenario: held, skipped, released, edited. */
export interface InjectControl {
  status: InjectStatus;
  edits: InjectEdit;
}

export interface DecisionView {
  seq: number;
  decisionId: string;
  teamId: string;
  injectId?: string;
  actions: ActionChoice[];
  rationale: string;
  exerciseTime: number;
  latency?: number;
  participant?: string;
  findings: Finding[];
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

export interface EscalationPoint {
  exerciseTime: number;
  /** `${from}>${to}` by state id. */
  pair: string;
  level: number;
  /** Absent for a player when another team caused the change: players see levels, not who decided what. */
  cause?: string;
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
  control: Record<string, InjectControl>;
  decisions: DecisionView[];
  /** Findings not tied to a decision (missed deadlines, messages). */
  otherFindings: Finding[];
  escalation: Record<string, number>;
  escalationHistory: EscalationPoint[];
  messages: MessageView[];
  observations: ObservationView[];
  adjustments: AdjustmentView[];
  participants: Record<string, string[]>;
  /** `${injectId}:${teamId}` of prompts answered, and of those whose deadline passed. */
  answered: Record<string, string>;
  missed: Record<string, true>;
}

export const emptyExerciseView: ExerciseView = {
  seq: 0,
  status: 'none',
  clock: stoppedClock,
  injects: [],
  control: {},
  decisions: [],
  otherFindings: [],
  escalation: {},
  escalationHistory: [],
  messages: [],
  observations: [],
  adjustments: [],
  participants: {},
  answered: {},
  missed: {},
};

function anchor(clock: ClockState, event: EventMessage, running: boolean, speed = clock.speed): ClockState {
  return { running, speed, anchorWall: event.at, anchorExercise: event.exerciseTime };
}

function setControl(view: ExerciseView, injectId: string, change: Partial<InjectControl>): ExerciseView {
  const current = view.control[injectId] ?? { status: 'pending', edits: {} };
  return { ...view, control: { ...view.control, [injectId]: { ...current, ...change } } };
}

function withoutPauseCause(view: ExerciseView): ExerciseView {
  if (!view.pauseCause) return view;
  const { pauseCause: _cleared, ...rest } = view;
  return rest;
}

/** Applies one event; returns a new view (the old one is left untouched for React). */
export function applyEvent(view: ExerciseView, event: EventMessage): ExerciseView {
  if (event.seq <= view.seq) return view;
  const next = foldEvent(view, event);
  return { ...next, seq: event.seq };
}

function foldEvent(view: ExerciseView, event: EventMessage): ExerciseView {
  switch (event.type) {
    case 'exercise.created':
      return {
        ...view,
        status: 'created',
        exerciseId: event.payload.exerciseId,
        name: event.payload.name,
        scenarioId: event.payload.scenarioId,
        clock: { ...view.clock, speed: event.payload.speed },
      };
    case 'exercise.lobby-opened':
      return { ...view, status: 'lobby' };
    case 'exercise.started':
      return { ...view, status: 'running', clock: anchor(view.clock, event, true, event.payload.speed) };
    case 'exercise.paused': {
      const { reason, downSince } = event.payload;
      const paused = { ...view, status: 'paused' as const, clock: anchor(view.clock, event, false) };
      return reason ? { ...paused, pauseCause: { reason, ...(downSince !== undefined ? { downSince } : {}) } } : paused;
    }
    case 'exercise.resumed':
      return { ...withoutPauseCause(view), status: 'running', clock: anchor(view.clock, event, true) };
    case 'exercise.speed-changed':
      return { ...view, clock: anchor(view.clock, event, view.clock.running, event.payload.speed) };
    case 'exercise.ended':
      return { ...withoutPauseCause(view), status: 'ended', clock: anchor(view.clock, event, false) };
    case 'inject.released': {
      const released: InjectView = {
        ...event.payload,
        seq: event.seq,
        releasedAt: event.exerciseTime,
        releasedWall: event.at,
      };
      const withInject = { ...view, injects: [...view.injects, released] };
      return setControl(withInject, event.payload.injectId, { status: 'released' });
    }
    case 'inject.held':
      return setControl(view, event.payload.injectId, { status: 'held' });
    case 'inject.unheld':
      return setControl(view, event.payload.injectId, { status: 'pending' });
    case 'inject.skipped':
      return setControl(view, event.payload.injectId, { status: 'skipped' });
    case 'inject.edited': {
      const edits = { ...(view.control[event.payload.injectId]?.edits ?? {}), ...event.payload.changes };
      return setControl(view, event.payload.injectId, { edits });
    }
    case 'inject.deadline-missed':
      return { ...view, missed: { ...view.missed, [`${event.payload.injectId}:${event.payload.teamId}`]: true } };
    case 'team.joined': {
      const { teamId, participant } = event.payload;
      const members = view.participants[teamId] ?? [];
      if (members.includes(participant)) return view;
      return { ...view, participants: { ...view.participants, [teamId]: [...members, participant] } };
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
        exerciseTime: event.exerciseTime,
        latency: p.latency,
        participant: event.actor?.id,
        findings: [],
      };
      const answered = p.injectId ? { ...view.answered, [`${p.injectId}:${p.teamId}`]: p.decisionId } : view.answered;
      return { ...view, decisions: [...view.decisions, decision], answered };
    }
    case 'findings.recorded': {
      const { decisionId, findings } = event.payload;
      const target = decisionId ? view.decisions.findIndex((d) => d.decisionId === decisionId) : -1;
      if (target < 0) return { ...view, otherFindings: [...view.otherFindings, ...findings] };
      const decisions = view.decisions.slice();
      decisions[target] = { ...decisions[target], findings: [...decisions[target].findings, ...findings] };
      return { ...view, decisions };
    }
    case 'escalation.changed': {
      const pair = `${event.payload.from}>${event.payload.to}`;
      const { cause } = event.payload;
      const point = { exerciseTime: event.exerciseTime, pair, level: event.payload.level, ...(cause !== undefined && { cause }) };
      return {
        ...view,
        escalation: { ...view.escalation, [pair]: event.payload.level },
        escalationHistory: [...view.escalationHistory, point],
      };
    }
    case 'message.sent':
      return {
        ...view,
        messages: [
          ...view.messages,
          { ...event.payload, seq: event.seq, sender: event.actor?.id, exerciseTime: event.exerciseTime },
        ],
      };
    case 'observation.recorded':
      return {
        ...view,
        observations: [
          ...view.observations,
          { ...event.payload, seq: event.seq, by: event.actor?.id, exerciseTime: event.exerciseTime },
        ],
      };
    case 'score.adjusted':
      return {
        ...view,
        adjustments: [...view.adjustments, { ...event.payload, seq: event.seq, exerciseTime: event.exerciseTime }],
      };
    case 'improvement.edited':
      return view;
  }
}

/** Folds a whole log from scratch. */
export function foldEvents(events: readonly EventMessage[], from: ExerciseView = emptyExerciseView): ExerciseView {
  let view = from;
  for (const event of events) view = applyEvent(view, event);
  return view;
}

/** Every finding in the view, decision findings first in decision order. */
export function allFindings(view: ExerciseView): Finding[] {
  return [...view.decisions.flatMap((d) => d.findings), ...view.otherFindings];
}
