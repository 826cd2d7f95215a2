// Every event type, registered once: the audiences it is recorded for, how it folds into the exercise state, the
// condition facts it establishes, whether the scoring model judges it, what a viewer sees of it and its words.
// `EVENT_REGISTRY` is typed over `EventPayloads`, so an event type without an entry does not compile.
import { factKey } from '@ttx/scenario';
import { foldAims, foldMessagedAt } from './activity-index.js';
import type { Viewer } from './event-audience.js';
import {
  changedFields,
  decisionWords,
  escalationMoveText,
  findingsWords,
  injectLabel,
  signed,
  type EventNames,
} from './event-wording.js';
import type {
  Audience,
  EventEnvelope,
  EventPayloads,
  EventType,
  ExerciseEvent,
  SeenEnvelope,
  ToldEnvelope,
  ToldEvent,
} from './events.js';
import { own } from './own-value.js';
import type { ScenarioIndex } from './scenario-index.js';
import { writable } from './state-fork.js';
import type { ExerciseState, InjectState } from './state.js';

export interface EventEntry<T extends EventType> {
  /** The audiences the engine may record it for; any other is a defect, refused when the event is added. */
  audiences: readonly Audience['kind'][];
  /**
   * Folds it into `state`. With `records` false the append-only records (decisions, findings, messages and the id
   * indexes) are left alone: `decide` folds its pending events into a light fork that shares them with the base.
   */
  fold(state: ExerciseState, event: EventEnvelope<T>, index: ScenarioIndex, records: boolean): void;
  /** Condition facts it makes true for good (see `factKey`). */
  facts?(payload: EventPayloads[T]): string[];
  /** Condition atoms to check again after it, though no fact turned true (a level that moved). */
  moves?(payload: EventPayloads[T]): string[];
  /** Present when the scoring model judges it: what the findings it gives rise to are about. */
  assessed?(payload: EventPayloads[T]): { decisionId?: string; injectId?: string };
  /** What `viewer` sees of it, when that is less than all of it. */
  seenBy?(viewer: Viewer, event: EventEnvelope<T>): SeenEnvelope<T>;
  /** One line for the timeline, the logs and the screens. */
  words(event: ToldEnvelope<T>, names: EventNames): string;
}

export type EventRegistry = { [T in EventType]: EventEntry<T> };

const ALL: readonly Audience['kind'][] = ['all'];
const STAFF: readonly Audience['kind'][] = ['staff'];
const TEAMS: readonly Audience['kind'][] = ['teams'];
const TEAMS_OR_STAFF: readonly Audience['kind'][] = ['teams', 'staff'];

function updateInject(state: ExerciseState, injectId: string, change: Partial<InjectState>): void {
  const current = own(state.injects, injectId);
  if (current) writable(state, 'injects')[injectId] = { ...current, ...change };
}

/** Stops the clock at the event's exercise time. */
function clockStoppedAt(state: ExerciseState, event: ExerciseEvent): ExerciseState['clock'] {
  return { ...state.clock, running: false, anchorWall: event.at, anchorExercise: event.exerciseTime };
}

/** A controller's change to one inject: its status, and the words. */
function injectControl<T extends 'inject.held' | 'inject.unheld' | 'inject.skipped'>(
  status: InjectState['status'],
  done: string,
): EventEntry<T> {
  return {
    audiences: STAFF,
    fold: (state, event) => updateInject(state, event.payload.injectId, { status }),
    words: (event, names) => `Inject ${names.inject(event.payload.injectId)} ${done}`,
  };
}

/** Staff see why every level moved; a player only why its own team moved one. */
function seesEscalationCause(viewer: Viewer, change: EventPayloads['escalation.changed']): boolean {
  return viewer.role !== 'player' || (viewer.teamId !== undefined && change.teamId === viewer.teamId);
}

export const EVENT_REGISTRY: EventRegistry = {
  'exercise.created': {
    audiences: ALL,
    fold: (state, { payload }) => {
      state.exerciseId = payload.exerciseId;
      state.name = payload.name;
      state.status = 'created';
      state.clock = { ...state.clock, speed: payload.speed };
    },
    words: ({ payload: p }) =>
      `Exercise "${p.name}" created from scenario ${p.scenarioId} ${p.scenarioVersion}`,
  },
  'exercise.lobby-opened': {
    audiences: ALL,
    fold: (state) => {
      state.status = 'lobby';
    },
    words: () => 'Lobby opened: teams may join',
  },
  'exercise.started': {
    audiences: ALL,
    fold: (state, event) => {
      state.status = 'running';
      state.startedAt = event.at;
      state.clock = {
        running: true,
        speed: event.payload.speed,
        anchorWall: event.at,
        anchorExercise: event.exerciseTime,
      };
    },
    words: ({ payload }) => `Exercise started at speed ${payload.speed}x`,
  },
  'exercise.paused': {
    audiences: ALL,
    fold: (state, event) => {
      state.status = 'paused';
      state.clock = clockStoppedAt(state, event);
      if (event.payload.reason !== undefined) state.pauseCause = { ...event.payload };
    },
    words: ({ at, payload }) =>
      payload.reason === 'server-restart'
        ? `Exercise paused: the server was down ${Math.round((at - (payload.downSince ?? at)) / 1000)} s`
        : 'Exercise paused',
  },
  'exercise.resumed': {
    audiences: ALL,
    fold: (state, event) => {
      state.status = 'running';
      state.clock = {
        ...state.clock,
        running: true,
        anchorWall: event.at,
        anchorExercise: event.exerciseTime,
      };
      delete state.pauseCause;
    },
    words: () => 'Exercise resumed',
  },
  'exercise.speed-changed': {
    audiences: ALL,
    fold: (state, event) => {
      state.clock = {
        ...state.clock,
        speed: event.payload.speed,
        anchorWall: event.at,
        anchorExercise: event.exerciseTime,
      };
    },
    words: ({ payload }) => `Speed changed to ${payload.speed}x`,
  },
  'exercise.ended': {
    audiences: ALL,
    fold: (state, event) => {
      state.status = 'ended';
      state.endedAt = event.at;
      delete state.pauseCause;
      state.clock = clockStoppedAt(state, event);
    },
    words: ({ payload }) =>
      payload.reason === 'duration'
        ? 'Exercise ended: planned duration reached'
        : 'Exercise ended by the controller',
  },
  'inject.released': {
    audiences: TEAMS,
    fold: (state, event) => {
      const released = event.payload;
      const current = own(state.injects, released.injectId);
      writable(state, 'injects')[released.injectId] = {
        ...(current ?? { injectId: released.injectId, conditionMet: true, adHoc: true, edited: false }),
        status: 'released',
        releasedAt: event.exerciseTime,
        released,
      };
      if (released.lateBy !== undefined) state.endDelay = Math.max(state.endDelay ?? 0, released.lateBy);
    },
    facts: ({ injectId }) => [factKey.released(injectId)],
    assessed: ({ injectId }) => ({ injectId }),
    words: ({ payload: p }, names) =>
      `Inject ${injectLabel(p.injectId, p.title)} (${p.channel}, ${p.severity}) to ${p.audience.map(names.team).join(', ')}`,
  },
  'inject.held': injectControl('held', 'held'),
  'inject.unheld': injectControl('pending', 'released from hold'),
  'inject.skipped': injectControl('skipped', 'skipped'),
  'inject.edited': {
    audiences: STAFF,
    fold: (state, event) => {
      const current = own(state.injects, event.payload.injectId);
      if (!current) return;
      const { changes } = event.payload;
      writable(state, 'injects')[current.injectId] = {
        ...current,
        edited: true,
        changes: { ...current.changes, ...changes },
        ...(changes.at !== undefined
          ? { dueAt: changes.at, notBefore: Math.max(current.notBefore ?? 0, event.exerciseTime) }
          : {}),
      };
    },
    words: ({ payload }, names) =>
      `Inject ${names.inject(payload.injectId)} edited (${changedFields(payload.changes)})`,
  },
  'inject.deadline-missed': {
    audiences: TEAMS,
    fold: (state, { payload }) => {
      writable(state, 'missed')[`${payload.injectId}:${payload.teamId}`] = true;
    },
    facts: ({ injectId, teamId }) => [factKey.missed(injectId), factKey.missed(injectId, teamId)],
    assessed: ({ injectId }) => ({ injectId }),
    words: ({ payload }, names) =>
      `${names.team(payload.teamId)} missed the deadline of ${names.inject(payload.injectId)}`,
  },
  'team.joined': {
    audiences: TEAMS,
    fold: (state, { payload: { teamId, participant } }) => {
      writable(state, 'participants')[teamId] = [...(own(state.participants, teamId) ?? []), participant];
    },
    words: ({ payload }, names) => `${payload.participant} joined ${names.team(payload.teamId)}`,
  },
  'team.play-marked': {
    audiences: STAFF,
    fold: (state, { payload: { teamId, played, reason } }) => {
      const unplayed = writable(state, 'unplayed');
      if (played) delete unplayed[teamId];
      else unplayed[teamId] = reason ?? '';
    },
    words: ({ payload: p }, names) =>
      `${names.team(p.teamId)} marked ${p.played ? 'played again' : 'not played'}${p.reason !== undefined ? `: ${p.reason}` : ''}`,
  },
  'decision.submitted': {
    audiences: TEAMS,
    fold: (state, event, index, records) => {
      const { decisionId, teamId, injectId, actions, rationale, confidence, latency } = event.payload;
      if (injectId !== undefined) writable(state, 'answered')[`${injectId}:${teamId}`] = decisionId;
      if (!records) return;
      const record = {
        seq: event.seq,
        decisionId,
        teamId,
        ...(injectId !== undefined ? { injectId } : {}),
        actions,
        rationale,
        ...(confidence !== undefined ? { confidence } : {}),
        exerciseTime: event.exerciseTime,
        ...(latency !== undefined ? { latency } : {}),
      };
      state.decisions.push(record);
      state.decisionsById[decisionId] = record;
      if (state.aims) foldAims(state.aims, record, (targetId) => index.targets.get(targetId)?.state);
    },
    facts: ({ teamId, injectId, actions }) => {
      const keys = [factKey.decided(), factKey.decided(teamId)];
      if (injectId !== undefined)
        keys.push(factKey.decided(undefined, injectId), factKey.decided(teamId, injectId));
      for (const { actionId, targetId } of actions) {
        keys.push(factKey.chose(actionId), factKey.chose(actionId, teamId));
        if (targetId !== undefined)
          keys.push(factKey.chose(actionId, undefined, targetId), factKey.chose(actionId, teamId, targetId));
      }
      return keys;
    },
    assessed: ({ decisionId, injectId }) => ({ decisionId, ...(injectId !== undefined ? { injectId } : {}) }),
    words: ({ payload: p }, names) =>
      decisionWords(
        names.team(p.teamId),
        p.actions.map((a) => ({
          actionName: names.action(a.actionId),
          ...(a.targetId !== undefined ? { targetName: names.target(a.targetId) } : {}),
        })),
        p.rationale,
        p.confidence,
      ),
  },
  'findings.recorded': {
    audiences: TEAMS_OR_STAFF,
    fold: (state, event, _index, records) => {
      if (records) state.findings.push(...event.payload.findings);
    },
    words: ({ payload }, names) => findingsWords(names.team(payload.teamId), payload.findings, payload.verdicts),
  },
  'escalation.changed': {
    audiences: ALL,
    fold: (state, { payload }) => {
      const key = `${payload.from}>${payload.to}`;
      writable(state, 'escalation')[key] = payload.level;
      writable(state, 'escalationPeak')[key] = Math.max(own(state.escalationPeak, key) ?? 0, payload.level);
    },
    moves: ({ from, to }) => [factKey.escalation(from, to)],
    seenBy: (viewer, event) => {
      if (seesEscalationCause(viewer, event.payload)) return event;
      const { from, to, previous, level } = event.payload;
      return { ...event, payload: { from, to, previous, level } };
    },
    words: ({ payload: p }, names) => {
      const why =
        p.actionId !== undefined
          ? ` (${names.action(p.actionId)})`
          : p.cause !== undefined
            ? ` (${p.cause})`
            : '';
      return `${escalationMoveText(names.state(p.from), names.state(p.to), p.previous, p.level)}${why}`;
    },
  },
  'message.sent': {
    audiences: TEAMS,
    fold: (state, event, _index, records) => {
      if (!records) return;
      const { messageId, channelId, teamId, text } = event.payload;
      const message = {
        seq: event.seq,
        messageId,
        channelId,
        ...(teamId !== undefined ? { teamId } : {}),
        text,
        exerciseTime: event.exerciseTime,
      };
      state.messages.push(message);
      if (state.messagedAt) foldMessagedAt(state.messagedAt, message);
      state.messageIds[messageId] = true;
      (state.messageSenders ??= {})[messageId] = teamId ?? '';
    },
    facts: ({ channelId, teamId }) =>
      teamId === undefined
        ? [factKey.messaged(channelId)]
        : [factKey.messaged(channelId), factKey.messaged(channelId, teamId)],
    assessed: () => ({}),
    words: ({ payload: p, actor }, names) => {
      const teamId = p.teamId ?? actor?.teamId;
      return `[${names.channel(p.channelId)}] ${teamId !== undefined ? names.team(teamId) : (names.actor(actor) ?? 'staff')}: ${p.text}`;
    },
  },
  'observation.recorded': {
    audiences: STAFF,
    fold: (state, { payload }, _index, records) => {
      if (records) state.observationIds[payload.observationId] = true;
    },
    words: ({ payload: p }) => `Observation on objective ${p.objectiveId}: rated ${p.rating}: ${p.note}`,
  },
  'score.adjusted': {
    audiences: TEAMS_OR_STAFF,
    fold: (state, { payload }, _index, records) => {
      if (records) state.adjustmentIds[payload.adjustmentId] = true;
    },
    words: ({ payload: p }, names) =>
      `Score of ${names.team(p.teamId)} adjusted on ${p.dimension} by ${signed(p.delta)}: ${p.reason}`,
  },
  'improvement.edited': {
    audiences: STAFF,
    // The plan is the review's to fold (libs/report): the engine's state does not hold it.
    fold: () => undefined,
    words: ({ payload }) =>
      `Improvement plan item ${payload.itemId} edited (${changedFields(payload.changes)})`,
  },
};

/** Every event type, in the order of the registry. */
export const EVENT_TYPES = Object.keys(EVENT_REGISTRY) as EventType[];

/** The entry of one type, typed for a payload of that type. */
export function eventEntry<T extends EventType>(type: T): EventEntry<T> {
  return EVENT_REGISTRY[type] as EventEntry<T>;
}

/** An event in words, as `names` name its ids: as the log holds it, as a viewer sees it or as a client gets it. */
export function eventWords(event: ToldEvent, names: EventNames): string {
  return (EVENT_REGISTRY[event.type].words as (event: ToldEvent, names: EventNames) => string)(event, names);
}

/** What the findings an event gives rise to are about; undefined when the scoring model does not judge its type. */
export function assessedAbout(event: ExerciseEvent): { decisionId?: string; injectId?: string } | undefined {
  const about = EVENT_REGISTRY[event.type].assessed as
    ((payload: ExerciseEvent['payload']) => object) | undefined;
  return about?.(event.payload);
}
