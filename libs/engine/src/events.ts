// Every fact an exercise records. The event log is the only state that is stored; all else is its fold.
import type { ActionCharacter, Dimension, FindingSeverity, Verdict, HseepRating, InjectChannel, Sector } from '@ttx/scenario';

/** Who may see an event. Staff (controllers, facilitators, observers) see every event. */
export type Audience = { kind: 'all' } | { kind: 'staff' } | { kind: 'teams'; teams: string[] };

export type Role = 'controller' | 'facilitator' | 'observer' | 'player';

/** Who caused an event. */
export interface Actor {
  role: Role;
  /** Account or participant id (controller user name, player display name). */
  id?: string;
  teamId?: string;
}

export interface Finding {
  ruleId: string;
  ruleKind: string;
  cites: string[];
  delta: number;
  severity: FindingSeverity;
  dimension: Dimension;
  explanation: string;
  teamId: string;
  decisionId?: string;
  injectId?: string;
  actionId?: string;
  targetId?: string;
}

/** The one assessment of an action a team chose: its characterisation, its verdict assembled across every rule that
 * judged it, and its points by dimension (the sum of its findings). */
export interface ActionVerdict {
  actionId: string;
  targetId?: string;
  character: ActionCharacter;
  verdict: Verdict;
  /** Points of the action's findings by dimension; dimensions no finding touched are absent. */
  points: Partial<Record<Dimension, number>>;
  total: number;
  /** The assessment in one sentence, read aloud: characterisation, verdict and the rules that decide it. */
  summary: string;
}

export interface ActionChoice {
  actionId: string;
  targetId?: string;
}

/** An inject's content as released (scenario text with any controller edits applied). */
export interface ReleasedInject {
  injectId: string;
  title: string;
  body: string;
  channel: InjectChannel;
  from?: string;
  severity: string;
  sector?: Sector;
  attack: string[];
  audience: string[];
  decision?: {
    prompt: string;
    actions: string[];
    targets: string[];
    maxActions: number;
    /** Exercise time (ms) by which teams must answer, if any. */
    deadline?: number;
  };
  /** Why it was released now. */
  trigger: 'schedule' | 'condition' | 'controller' | 'ad-hoc';
  /**
   * Exercise ms between the time it fell due and the time the server released it (a late tick, a short outage);
   * its deadline counts from the release, so teams keep the whole time allowed.
   */
  lateBy?: number;
}

/** Why the clock stopped; a controller's pause has neither field. */
export interface PauseCause {
  /** The server restarted after being down longer than its threshold (TTX_RESTART_PAUSE_AFTER), or a deadline or the end passed while it was down. */
  reason?: 'server-restart';
  /** Wall time (ms since the epoch) the server stopped serving; the clock stands at the exercise time it showed then. */
  downSince?: number;
}

export interface InjectEdit {
  title?: string;
  body?: string;
  severity?: string;
  at?: number;
  audience?: string[];
}

export interface EventPayloads {
  'exercise.created': {
    exerciseId: string;
    name: string;
    scenarioId: string;
    scenarioVersion: string;
    ruleSetId: string;
    speed: number;
  };
  'exercise.lobby-opened': Record<string, never>;
  'exercise.started': { speed: number };
  'exercise.paused': PauseCause;
  'exercise.resumed': Record<string, never>;
  'exercise.speed-changed': { speed: number };
  'exercise.ended': { reason: 'controller' | 'duration' };
  'inject.released': ReleasedInject;
  'inject.held': { injectId: string };
  'inject.unheld': { injectId: string };
  'inject.skipped': { injectId: string };
  'inject.edited': { injectId: string; changes: InjectEdit };
  'inject.deadline-missed': { injectId: string; teamId: string };
  'team.joined': { teamId: string; participant: string };
  /** A controller's mark that nobody plays a team (`played` false) or that it plays again; the reason as given. */
  'team.play-marked': { teamId: string; played: boolean; reason?: string };
  'decision.submitted': {
    decisionId: string;
    teamId: string;
    injectId?: string;
    actions: ActionChoice[];
    rationale: string;
    /** The team's stated confidence in an attribution the decision makes, when it states one. */
    confidence?: AttributionConfidence;
    /** Exercise ms since the inject's release, when answering one. */
    latency?: number;
  };
  /** The findings of every rule on one event for one team; on a decision, also one verdict per action chosen. */
  'findings.recorded': { teamId: string; decisionId?: string; injectId?: string; findings: Finding[]; verdicts?: ActionVerdict[] };
  'escalation.changed': {
    from: string;
    to: string;
    previous: number;
    level: number;
    cause: 'action' | 'cbm' | 'easing' | 'controller';
    decisionId?: string;
    actionId?: string;
    teamId?: string;
  };
  'message.sent': { messageId: string; channelId: string; teamId?: string; text: string };
  'observation.recorded': {
    observationId: string;
    objectiveId: string;
    rating: HseepRating;
    note: string;
  };
  'score.adjusted': {
    adjustmentId: string;
    teamId: string;
    dimension: Dimension;
    delta: number;
    reason: string;
  };
  /** A facilitator's edit of one improvement-plan item (created on first edit); fields not given keep their value. */
  'improvement.edited': { itemId: string; changes: ImprovementItemEdit };
}

/** How confident a team says it is in an attribution it makes public, weakest first. */
export const ATTRIBUTION_CONFIDENCES = ['low', 'moderate', 'high'] as const;
export type AttributionConfidence = (typeof ATTRIBUTION_CONFIDENCES)[number];

export const CAPABILITY_ELEMENTS = ['planning', 'organisation', 'equipment', 'training', 'exercise'] as const;
export type CapabilityElement = (typeof CAPABILITY_ELEMENTS)[number];

/** One row of the HSEEP improvement plan. */
export interface ImprovementItemEdit {
  objectiveId?: string;
  issue?: string;
  correctiveAction?: string;
  capabilityElement?: CapabilityElement;
  responsibleOrganisation?: string;
  pointOfContact?: string;
  /** ISO dates (YYYY-MM-DD). */
  startDate?: string;
  completionDate?: string;
  /** Removes the item from the plan. */
  removed?: boolean;
}

export type EventType = keyof EventPayloads;

export interface EventEnvelope<T extends EventType = EventType> {
  /** 1-based position in the exercise's log; unique and gap-free. */
  seq: number;
  type: T;
  /** Wall-clock time (ms since the epoch) the event was decided at. */
  at: number;
  /** Exercise time (ms since start, scaled by speed, paused time excluded). */
  exerciseTime: number;
  audience: Audience;
  actor?: Actor;
  payload: EventPayloads[T];
}

/** Any event, narrowed by `type`. */
export type ExerciseEvent = { [T in EventType]: EventEnvelope<T> }[EventType];

type EscalationLevels = Pick<EventPayloads['escalation.changed'], 'from' | 'to' | 'previous' | 'level'>;

/** An escalation change as a viewer sees it: the pair and its levels always, the cause when the viewer may know it. */
export type EscalationSeen = EscalationLevels &
  Partial<Omit<EventPayloads['escalation.changed'], keyof EscalationLevels>>;

/** Each event's payload as clients receive it. */
export type SeenPayloads = {
  [T in EventType]: T extends 'escalation.changed' ? EscalationSeen : EventPayloads[T];
};

/** One event of a type as a viewer sees it. */
export type SeenEnvelope<T extends EventType> = Omit<EventEnvelope<T>, 'payload'> & {
  payload: SeenPayloads[T];
};

/** An event of the log as one viewer sees it. */
export type SeenEvent = { [T in EventType]: SeenEnvelope<T> }[EventType];

/** An event as any reader holds it (the log, a viewer, a client that never sees audiences): what its words need. */
export type ToldEnvelope<T extends EventType> = Omit<SeenEnvelope<T>, 'audience'>;
export type ToldEvent = { [T in EventType]: ToldEnvelope<T> }[EventType];
