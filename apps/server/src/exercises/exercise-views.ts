// Shapes the folded state and the log into what clients receive.
import type {
  ClockView,
  EventMessage,
  ExerciseDetail,
  ExerciseSummary,
  ScenarioBriefing,
} from '@ttx/contracts';
import { exerciseTimeOnClock, type ExerciseContext, type ExerciseState, type SeenEvent } from '@ttx/engine';
import type { Viewer } from '../auth/token.service.js';

/** The audience stays on the server; `event` is already as its viewer sees it (`seenBy`). */
export function eventMessageOf(event: SeenEvent): EventMessage {
  const { seq, type, at, exerciseTime, actor, payload } = event;
  return (
    actor ? { seq, type, at, exerciseTime, actor, payload } : { seq, type, at, exerciseTime, payload }
  ) as EventMessage;
}

/** Exercise time as the engine and every client read it (`exerciseTimeOnClock`: whole ms, rounded down). */
export function clockViewOf(context: ExerciseContext, state: ExerciseState, now: number): ClockView {
  const { running, speed } = state.clock;
  const { pauseCause } = state;
  return {
    status: state.status,
    running,
    speed,
    exerciseTime: exerciseTimeOnClock(state.clock, now),
    serverTime: now,
    duration: context.scenario.duration,
    ...(pauseCause?.reason ? { pauseReason: pauseCause.reason } : {}),
  };
}

export interface ExerciseRecord {
  id: string;
  name: string;
  scenarioId: string;
  scenarioTitle: string;
  createdAt: number;
}

export function summaryOf(record: ExerciseRecord, state: ExerciseState): ExerciseSummary {
  return { ...record, status: state.status, seq: state.seq };
}

export function briefingOf(context: ExerciseContext): ScenarioBriefing {
  const s = context.scenario;
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    summary: s.summary,
    duration: s.duration,
    feedback: s.feedback,
    states: s.states,
    objectives: s.objectives,
    targets: s.targets,
    channels: s.channels,
  };
}

export function detailOf(
  record: ExerciseRecord,
  context: ExerciseContext,
  state: ExerciseState,
  viewer: Viewer,
  now: number,
): ExerciseDetail {
  return {
    ...summaryOf(record, state),
    clock: clockViewOf(context, state, now),
    teams: context.scenario.teams.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      ...(t.state ? { state: t.state } : {}),
      // A player sees who is on their own team only; staff see every team.
      participants:
        viewer.role !== 'player' || viewer.teamId === t.id ? (state.participants[t.id] ?? []) : [],
    })),
    scenario: briefingOf(context),
    catalogue: context.catalogue,
    viewer: { role: viewer.role, ...(viewer.teamId ? { teamId: viewer.teamId } : {}) },
  };
}
